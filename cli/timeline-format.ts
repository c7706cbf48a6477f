// One human-readable line per event, for --timeline and -v.
import type { InetEvent, StatusInfo } from '../contract/events.js';

function formatInfo(info: StatusInfo | undefined): string {
  if (!info) return '';
  return Object.entries(info)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : v}`)
    .join(' ');
}

function describe(ev: InetEvent): string {
  switch (ev.type) {
    case 'native':
      return `${ev.status} (${ev.code})${ev.info ? `  ${formatInfo(ev.info)}` : ''}`;
    case 'started':
      return `started ${ev.method} ${ev.url} [${ev.engine}]`;
    case 'headers':
      return `headers ${ev.statusLine}`;
    case 'body':
      return `body ${ev.bytes}${ev.total !== undefined ? `/${ev.total}` : ''} bytes`;
    case 'upload':
      return `upload ${ev.bytes}/${ev.total} bytes`;
    case 'finished':
      return ev.ok
        ? `finished ok${ev.statusCode ? ` ${ev.statusCode}` : ''}, ${ev.bodyBytes} body bytes`
        : `finished error ${ev.error?.code}: ${ev.error?.message}`;
  }
}

export function formatTimelineLine(ev: InetEvent): string {
  return `${ev.t.toFixed(3).padStart(10)} ms  hop ${ev.hop}  ${describe(ev)}`;
}
