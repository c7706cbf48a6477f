// Formatting for the panes: pure functions, tested without a DOM.
import type { InetEvent } from '../../contract/events.js';
import { describeCookies } from '../../domain/timeline-text.js';
import { tlsSummary } from '../../domain/tls/summary.js';

const REASONS: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
  206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** "HTTP/1.1 200 OK" → "200 OK"; a line without a reason (HTTP/2) gets the usual one. */
export function statusText(code: number, statusLine: string): string {
  const m = /^HTTP\/\S+\s+(\d{3})(?:\s(.*))?$/.exec(statusLine.trim());
  const reason = m?.[2]?.trim() || REASONS[code] || '';
  return reason ? `${code} ${reason}` : String(code);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

/** The label of an event: the native status name or the lifecycle type. */
export function eventStatus(e: InetEvent): string {
  return e.type === 'native' ? e.status : e.type;
}

/** The decoded part of an event, one line. */
export function eventInfo(e: InetEvent): string {
  switch (e.type) {
    case 'native':
      return e.info ? Object.entries(e.info).map(([k, v]) => `${k}=${String(v)}`).join(' ') : '';
    case 'started':
      return `${e.method} ${e.url} [${e.engine}]`;
    case 'headers':
      return e.statusLine;
    case 'body':
    case 'upload':
      return `${e.bytes}${e.total !== undefined ? `/${e.total}` : ''} bytes`;
    case 'cookies':
      return describeCookies(e);
    case 'tls':
      return tlsSummary(e.facts);
    case 'finished':
      return e.ok
        ? `ok ${e.statusCode ?? ''}, ${e.bodyBytes} body bytes`
        : `${e.error?.code ?? 'failed'}${e.error ? ` ${e.error.name}: ${e.error.message}` : ''}`;
  }
}

/** Raw headers → [name, value] pairs (status/request line and blank lines left out). */
export function parseHeaders(raw: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of raw.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0 || /^HTTP\//.test(line) || /^\S+ \S+ HTTP\/[\d.]+$/.test(line)) continue;
    out.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return out;
}
