// The response's Cookies section, per hop: the cookies its request sent (its Cookie header
// as the stack sent it) and those its response set (each Set-Cookie header read for display:
// name, value, attributes), with what the workspace's jar did with each (the hop's `cookies`
// event: stored, or why not). Pure, tested without a DOM.
import type { CookieOutcome } from '../../../contract/cookies.js';
import type { InetEvent } from '../../../contract/events.js';
import { parseHeaders } from '../format.js';
import { hopInfos } from '../timeline/waterfall-layout.js';

export interface SentCookie {
  name: string;
  value: string;
}

export interface SetCookie {
  name: string;
  value: string;
  domain?: string;
  path?: string;
  /** "session", an Expires date as sent, or "Max-Age=N". */
  expiry: string;
  flags: string[];
  /** The header as it came. */
  header: string;
  /** What the jar did with it; absent: no jar took part (a send outside a workspace). */
  outcome?: CookieOutcome;
}

export interface HopCookies {
  hop: number;
  url?: string;
  sent: SentCookie[];
  set: SetCookie[];
}

/** `a=1; b=2` → its pairs, in order (a pair without '=' is a value with no name, as browsers read it). */
export function parseCookieHeader(value: string): SentCookie[] {
  return value
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const i = p.indexOf('=');
      return i < 0 ? { name: '', value: p } : { name: p.slice(0, i).trim(), value: p.slice(i + 1).trim() };
    });
}

/** One Set-Cookie header for display (RFC 6265 §5.2's reading: the first pair, then attributes; the last of an attribute wins). */
export function parseSetCookie(header: string): SetCookie {
  const [first = '', ...attrs] = header.split(';');
  const i = first.indexOf('=');
  const out: SetCookie = { name: i < 0 ? '' : first.slice(0, i).trim(), value: (i < 0 ? first : first.slice(i + 1)).trim(), expiry: 'session', flags: [], header };
  let expires: string | undefined;
  let maxAge: string | undefined;
  const flags = new Map<string, string>();
  for (const attr of attrs) {
    const j = attr.indexOf('=');
    const name = (j < 0 ? attr : attr.slice(0, j)).trim().toLowerCase();
    const value = j < 0 ? '' : attr.slice(j + 1).trim();
    if (name === 'domain') out.domain = value.replace(/^\./, '').toLowerCase();
    else if (name === 'path') out.path = value;
    else if (name === 'expires') expires = value;
    else if (name === 'max-age') maxAge = value;
    else if (name === 'secure') flags.set('secure', 'Secure');
    else if (name === 'httponly') flags.set('httponly', 'HttpOnly');
    else if (name === 'samesite') flags.set('samesite', `SameSite=${value}`);
    else if (name === 'partitioned') flags.set('partitioned', 'Partitioned');
  }
  // Max-Age wins over Expires (§5.3 step 3).
  out.expiry = maxAge !== undefined ? `Max-Age=${maxAge}` : (expires ?? 'session');
  out.flags = [...flags.values()];
  if (!out.domain) out.flags.push('host-only');
  return out;
}

const named = (pairs: ReadonlyArray<[string, string]>, name: string): string[] => pairs.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);

/** Each hop that has its headers: what its request sent and its response set. */
export function hopCookies(events: readonly InetEvent[]): HopCookies[] {
  const infos = hopInfos(events);
  const out: HopCookies[] = [];
  for (const e of events) {
    if (e.type === 'headers') {
      const sent = named(parseHeaders(e.requestHeaders ?? ''), 'cookie').flatMap(parseCookieHeader);
      const set = named(parseHeaders(e.rawHeaders), 'set-cookie').map(parseSetCookie);
      out.push({ hop: e.hop, url: infos.get(e.hop)?.url, sent, set });
    } else if (e.type === 'cookies') {
      const h = out.at(-1);
      if (h?.hop === e.hop) h.set = withOutcomes(h.set, e.received);
    }
  }
  return out;
}

/** One outcome per Set-Cookie header, in order; should the counts differ, matched by name. */
function withOutcomes(set: SetCookie[], received: readonly CookieOutcome[]): SetCookie[] {
  if (received.length === set.length) return set.map((c, i) => ({ ...c, outcome: received[i] }));
  const left = [...received];
  return set.map((c) => {
    const i = left.findIndex((o) => o.name === c.name);
    return i < 0 ? c : { ...c, outcome: left.splice(i, 1)[0] };
  });
}
