// curl's --trace-ascii text, from InetScope's events: "== Info:" for each native event,
// "=> Send header" with the request head, "<= Recv header" one per response header line,
// "<= Recv data" for body bytes, each dumped as curl dumps them (64 bytes a row, "0000: "
// offsets, CRLF ends a row, other bytes outside 0x20..0x7f as '.'). --trace-time prefixes
// the local wall-clock time HH:MM:SS.uuuuuu. Imports nothing of the app but the contract.
import type { InetEvent } from '../contract/events.js';
import { describeEvent } from './timeline-text.js';

const WIDTH = 0x40;

/** curl's dump() in its no-hex mode, byte for byte. */
export function dumpRows(data: Uint8Array): string {
  let out = '';
  const size = data.length;
  for (let i = 0; i < size; i += WIDTH) {
    out += `${i.toString(16).padStart(4, '0')}: `;
    for (let c = 0; c < WIDTH && i + c < size; c++) {
      if (i + c + 1 < size && data[i + c] === 0x0d && data[i + c + 1] === 0x0a) {
        i += c + 2 - WIDTH;
        break;
      }
      const b = data[i + c] as number;
      out += b >= 0x20 && b < 0x80 ? String.fromCharCode(b) : '.';
      // A CRLF right after the row's last byte ends the row too (no empty row for it).
      if (i + c + 2 < size && data[i + c + 1] === 0x0d && data[i + c + 2] === 0x0a) {
        i += c + 3 - WIDTH;
        break;
      }
    }
    out += '\n';
  }
  return out;
}

export type TraceKind = 'Send header' | 'Recv header' | 'Recv data';
const ARROW: Record<TraceKind, string> = { 'Send header': '=>', 'Recv header': '<=', 'Recv data': '<=' };

/** One chunk: its header line and rows; `stamp` is the --trace-time prefix or ''. */
export function traceChunk(kind: TraceKind, data: Uint8Array, stamp: string): string {
  return `${stamp}${ARROW[kind]} ${kind}, ${data.length} bytes (0x${data.length.toString(16)})\n${dumpRows(data)}`;
}

/** --trace-time's prefix for a wall-clock instant (ms since the epoch, sub-ms kept), in local time. */
export function traceStamp(wallMs: number): string {
  const d = new Date(Math.floor(wallMs));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const micros = Math.floor((wallMs - Math.floor(wallMs / 1000) * 1000) * 1000);
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(Math.min(micros, 999_999), 6)} `;
}

const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff);

/** A head as curl's header callback hands it over: line by line, each with its CRLF. */
export function headLines(raw: string): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at < raw.length) {
    const nl = raw.indexOf('\n', at);
    const end = nl < 0 ? raw.length : nl + 1;
    lines.push(raw.slice(at, end));
    at = end;
  }
  return lines;
}

/** The trace text of one event, but body bytes (the CLI reads them from its sink file). */
export function traceEvent(ev: InetEvent, stamp: string): string {
  if (ev.type === 'native') return `${stamp}== Info: ${describeEvent(ev)}\n`;
  if (ev.type !== 'headers') return '';
  const send = ev.requestHeaders ? traceChunk('Send header', latin1(ev.requestHeaders), stamp) : '';
  const heads = headLines((ev.interimHeads ?? '') + ev.rawHeaders).map((l) => traceChunk('Recv header', latin1(l), stamp));
  return send + heads.join('');
}
