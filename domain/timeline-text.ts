// Text renderings of a timeline, shared by the CLI (--timeline, -v) and the UI (a copied
// timeline reads and diffs like `inetscope --timeline` output): one line per event, the raw
// events as JSON, and wall-clock times. Imports nothing of the app but the contract.
import type { CookiesEvent, InetEvent, StatusInfo } from '../contract/events.js';
import { tlsSummary } from './tls/summary.js';

function formatInfo(info: StatusInfo | undefined): string {
  if (!info) return '';
  return Object.entries(info)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`)
    .join(' ');
}

/** A cookies event's detail: `jar: sent a, b; received c (stored), d (not stored: why)`. It
 * speaks for the jar: a Cookie header typed into the request is in its head, not here. */
export function describeCookies(e: Pick<CookiesEvent, 'sent' | 'received'>): string {
  const received = e.received.map((o) => `${o.name} (${o.stored ? 'stored' : `not stored: ${o.reason ?? 'refused'}`})`);
  return `jar: sent ${e.sent.join(', ') || 'none'}; received ${received.join(', ') || 'none'}`;
}

/** The part after "hop N  ": exactly what the CLI prints for the event. */
export function describeEvent(e: InetEvent): string {
  switch (e.type) {
    case 'native':
      return `${e.status} (${e.code})${e.info ? `  ${formatInfo(e.info)}` : ''}`;
    case 'started':
      return `started ${e.method} ${e.url} [${e.engine}]`;
    case 'headers':
      return `headers ${e.statusLine}`;
    case 'body':
      return `body ${e.bytes}${e.total !== undefined ? `/${e.total}` : ''} bytes`;
    case 'upload':
      return `upload ${e.bytes}/${e.total} bytes`;
    case 'cookies':
      return `cookies ${describeCookies(e)}`;
    case 'tls':
      return `tls ${tlsSummary(e.facts)}${e.facts.chain[0] ? `  subject=${JSON.stringify(e.facts.chain[0].subject)}` : ''}`;
    case 'finished':
      return e.ok
        ? `finished ok${e.statusCode ? ` ${e.statusCode}` : ''}, ${e.bodyBytes} body bytes`
        : `finished error ${e.error?.code}: ${e.error?.message}`;
  }
}

/** `%10.3f ms  hop N  STATUS (code)  info`, as `inetscope --timeline` prints it. */
export function formatTimelineLine(e: InetEvent): string {
  return `${e.t.toFixed(3).padStart(10)} ms  hop ${e.hop}  ${describeEvent(e)}`;
}

export function formatTimelineText(events: readonly InetEvent[]): string {
  return events.map(formatTimelineLine).join('\n') + (events.length > 0 ? '\n' : '');
}

/** The raw events as a JSON array, one event per line: valid JSON that still greps well.
 * A finished event's inline body (bodyBase64) is left out: it is the body, not timeline. */
export function formatTimelineJson(events: readonly InetEvent[]): string {
  if (events.length === 0) return '[]\n';
  const lines = events.map((e) => {
    if (e.type !== 'finished' || e.bodyBase64 === undefined) return JSON.stringify(e);
    const { bodyBase64: _body, ...rest } = e;
    return JSON.stringify(rest);
  });
  return `[\n${lines.join(',\n')}\n]\n`;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Local wall-clock time of an epoch-ms instant, HH:MM:SS.mmm (ms truncated, never rounded
 * up into the next second). */
export function formatClock(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return '';
  const ms = Math.floor(epochMs);
  const d = new Date(ms);
  return `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}.${pad(((ms % 1000) + 1000) % 1000, 3)}`;
}

/** The epoch-ms of t = 0 (the started event's wallTime), if it has arrived. */
export function startWallTime(events: readonly InetEvent[]): number | undefined {
  // The started event is the first one; a short scan covers odd orders without O(n).
  for (let i = 0; i < Math.min(events.length, 8); i++) {
    const e = events[i] as InetEvent;
    if (e.type === 'started') return e.wallTime;
  }
  return undefined;
}
