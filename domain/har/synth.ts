// Lifecycle events for a HAR entry that has no InetScope events (Chrome's…): started,
// its `_tls` facts, headers, body, finished, placed at the times its HAR timings give, so the response
// panes and the waterfall work. No native callback is invented: PROXY_CHOSEN comes only from
// an entry's own `_proxy`, which records one. Imports nothing of the app.
import { STATUS, type InetEvent } from '../../contract/events.js';
import { TlsFactsSchema } from '../../contract/tls.js';
import { TLS_FIELD, type HarEntry } from './har.js';
import { buildHeaderBlock, headerValue } from './text.js';

const ms = (x: number): number => Math.round(x * 1000) / 1000;
const pos = (v: number | undefined): number => (v !== undefined && v > 0 ? v : 0);

/** "http/2.0", "h2", "" → "HTTP/2"…: the spelling the engines report. */
export function normalizeHttpVersion(v: string): string {
  const s = v.trim();
  if (/^h[23]$/i.test(s)) return `HTTP/${s.slice(1)}`;
  if (!s) return 'HTTP/1.1';
  return s.replace(/^http\//i, 'HTTP/').replace(/^HTTP\/([23])\.0$/, 'HTTP/$1');
}

function requestLine(entry: HarEntry, version: string): string {
  let target = entry.request.url;
  try {
    const u = new URL(entry.request.url);
    target = `${u.pathname}${u.search}`;
  } catch {
    // fromPlainEntry has checked the URL already.
  }
  return `${entry.request.method} ${target} ${version}`;
}

export function synthesizeEvents(entry: HarEntry, id: string, bodyBytes: number): InetEvent[] {
  const out: InetEvent[] = [];
  const push = (e: Record<string, unknown>, t: number) => out.push({ ...e, id, seq: out.length, hop: 0, t: ms(t) } as InetEvent);
  const { request: req, response: res, timings: tm } = entry;
  const wallTime = Date.parse(entry.startedDateTime);
  push({ type: 'started', engine: 'har', method: req.method, url: req.url, wallTime }, 0);
  if (entry._proxy) push({ type: 'native', status: 'PROXY_CHOSEN', code: STATUS.PROXY_CHOSEN, info: { proxy: entry._proxy.proxy, reason: entry._proxy.reason } }, 0);
  const tHead = pos(tm.blocked) + pos(tm.dns) + pos(tm.connect) + pos(tm.send) + pos(tm.wait);
  const tEnd = tHead + pos(tm.receive);
  const total = Math.max(pos(entry.time), tEnd);
  const uploadBytes = Math.max(0, req.bodySize);
  // Another tool's `_tls` in InetScope's shape is kept; anything else under that name is not ours to read.
  const tls = TlsFactsSchema.safeParse((entry as Record<string, unknown>)[TLS_FIELD]);
  if (tls.success) push({ type: 'tls', facts: tls.data }, pos(tm.blocked) + pos(tm.dns) + pos(tm.connect));
  if (res.status <= 0) {
    const message = typeof res._error === 'string' && res._error ? res._error : 'the HAR entry has no response (status 0)';
    push({ type: 'finished', ok: false, error: { code: 'RECV_FAILED', name: 'HAR_NO_RESPONSE', message }, bodyBytes: 0, uploadBytes }, total);
    return out;
  }
  const version = normalizeHttpVersion(res.httpVersion || req.httpVersion);
  const statusLine = `${version} ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  const length = Number(headerValue(res.headers, 'content-length'));
  push({
    type: 'headers', statusCode: res.status, statusLine, httpVersion: version,
    rawHeaders: buildHeaderBlock(statusLine, res.headers),
    ...(Number.isFinite(length) && length >= 0 ? { contentLength: length } : {}),
    requestHeaders: buildHeaderBlock(requestLine(entry, normalizeHttpVersion(req.httpVersion)), req.headers),
  }, tHead);
  if (bodyBytes > 0) push({ type: 'body', bytes: bodyBytes, total: bodyBytes }, tEnd);
  push({ type: 'finished', ok: true, statusCode: res.status, bodyBytes, uploadBytes }, total);
  return out;
}
