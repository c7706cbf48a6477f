// Authentication legs, as every side reads them: the schemes a 401/407 head offers, and per
// hop of a request whether it was an auth leg (the hop an AUTH_LEG closed), its challenge
// status and the scheme the next request answered with. Pure: events and header text in.
import type { InetEvent } from '../contract/events.js';
import { parseHeaderBlock } from './har/text.js';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The header a challenge status carries its schemes in: 401 WWW-Authenticate, 407 Proxy-Authenticate. */
export function challengeHeaderName(status: number): string | undefined {
  return status === 401 ? 'www-authenticate' : status === 407 ? 'proxy-authenticate' : undefined;
}

/** Splits on commas outside quoted strings. */
function commaParts(value: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '"' && value[i - 1] !== '\\') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/** The auth schemes of one challenge header value (RFC 9110 §11.6.1: a scheme, then a token68 or auth-params). */
export function schemesOfValue(value: string): string[] {
  const out: string[] = [];
  for (const part of commaParts(value)) {
    const m = /^\s*([^\s=,]+)(\s+|$)/.exec(part);
    // "nonce=…" is a parameter of the challenge before it; "Digest realm=…" starts one.
    if (m && TOKEN.test(m[1] as string) && !/^\s*[^\s=,]+\s*=/.test(part)) out.push(m[1] as string);
  }
  return out;
}

/** The schemes a challenge head offers, in the order offered (a raw header block). */
export function offeredSchemes(rawHeaders: string, status: number): string[] {
  const name = challengeHeaderName(status);
  if (!name) return [];
  return parseHeaderBlock(rawHeaders)
    .headers.filter((h) => h.name.toLowerCase() === name)
    .flatMap((h) => schemesOfValue(h.value));
}

/** The scheme of an Authorization (or Proxy-Authorization) header in a request head. */
export function answeredScheme(requestHeaders: string | undefined, status: number): string | undefined {
  if (!requestHeaders) return undefined;
  const name = status === 407 ? 'proxy-authorization' : 'authorization';
  const line = requestHeaders.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim().split(/\s+/, 1)[0] || undefined;
}

export interface AuthLeg {
  /** The hop that was challenged (an AUTH_LEG closed it). */
  hop: number;
  /** 401 or 407. */
  status: number;
  offered: string[];
  /** The scheme the next hop's request answered with, when its head is known. */
  answered?: string;
}

/** Every auth leg of a request's events, by the hop it closed. */
export function authLegs(events: readonly InetEvent[]): AuthLeg[] {
  const legs: AuthLeg[] = [];
  const requestHeads = new Map<number, string | undefined>();
  for (const e of events) {
    if (e.type === 'headers') requestHeads.set(e.hop, e.requestHeaders);
    if (e.type !== 'native') continue;
    if (e.status === 'AUTH_CHALLENGE') legs.push({ hop: e.hop, status: e.info?.value ?? 401, offered: e.info?.schemes ?? [] });
  }
  const closed = new Set(events.filter((e) => e.type === 'native' && e.status === 'AUTH_LEG').map((e) => e.hop));
  return legs.filter((l) => closed.has(l.hop)).map((l) => {
    const answered = answeredScheme(requestHeads.get(l.hop + 1), l.status);
    return answered ? { ...l, answered } : l;
  });
}

/** "auth leg 401 → Digest": how a challenged hop is labelled in the timeline and the waterfall. */
export function authLegLabel(leg: AuthLeg): string {
  const scheme = leg.answered ?? (leg.offered.length ? leg.offered.join(', ') : undefined);
  return `auth leg ${leg.status}${scheme ? ` → ${scheme}` : ''}`;
}

/** "3 round trips (2 auth legs)": the response summary's words; undefined for a single round trip. */
export function roundTripText(hops: number, legs: number, redirects: number): string | undefined {
  if (hops <= 1) return undefined;
  const parts = [legs ? `${legs} auth leg${legs === 1 ? '' : 's'}` : '', redirects ? `${redirects} redirect${redirects === 1 ? '' : 's'}` : ''].filter(Boolean);
  return `${hops} round trips${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
