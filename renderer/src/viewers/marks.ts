// Search hits as marks in the rows on screen: which hits overlap a window (binary search
// over the sorted offsets), and a row cut into plain and marked pieces, byte-exact.
import { HEX_COLS, type HexRow } from './hex.js';
import type { Row } from './text-rows.js';

export interface Mark {
  offset: number;
  length: number;
  current: boolean;
}

export interface Segment {
  text: string;
  mark?: 'current' | 'other';
}

/** The hits (sorted start offsets, each `length` bytes) overlapping [start, end). */
export function marksIn(hits: readonly number[], length: number, current: number | undefined, start: number, end: number): Mark[] {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hits[mid] as number) + length <= start) lo = mid + 1;
    else hi = mid;
  }
  const marks: Mark[] = [];
  for (let i = lo; i < hits.length && (hits[i] as number) < end; i++) marks.push({ offset: hits[i] as number, length, current: hits[i] === current });
  // The current hit may be past the offsets kept for jumping: mark it all the same.
  if (current !== undefined && current < end && current + length > start && !marks.some((m) => m.current)) {
    marks.push({ offset: current, length, current: true });
    marks.sort((a, b) => a.offset - b.offset);
  }
  return marks;
}

/** Byte ranges [from, to) of `marks` inside [rowStart, rowStart + rowLength), relative to rowStart. */
function ranges(marks: readonly Mark[], rowStart: number, rowLength: number): Array<{ from: number; to: number; mark: 'current' | 'other' }> {
  const out: Array<{ from: number; to: number; mark: 'current' | 'other' }> = [];
  for (const m of marks) {
    const from = Math.max(0, m.offset - rowStart);
    const to = Math.min(rowLength, m.offset + m.length - rowStart);
    if (from < to) out.push({ from, to, mark: m.current ? 'current' : 'other' });
  }
  return out;
}

/** Cuts `count` units at marked ranges; `piece(from, to)` renders units [from, to). */
function cut(count: number, marked: ReturnType<typeof ranges>, piece: (from: number, to: number) => string): Segment[] {
  const segs: Segment[] = [];
  let at = 0;
  for (const r of marked) {
    if (r.from > at) segs.push({ text: piece(at, r.from) });
    segs.push({ text: piece(Math.max(at, r.from), r.to), mark: r.mark });
    at = Math.max(at, r.to);
  }
  if (at < count || segs.length === 0) segs.push({ text: piece(at, count) });
  return segs.filter((s) => s.text !== '' || s.mark);
}

/** A text row as pieces; each decoded on its own: a match starts and ends on a character
 * boundary (the query is UTF-8, only ASCII letters fold), and rows never split a character. */
export function rowSegments(bytes: Uint8Array, base: number, row: Row, marks: readonly Mark[], decoder: TextDecoder): Segment[] {
  const at = row.offset - base;
  const segs = cut(row.length, ranges(marks, row.offset, row.length), (from, to) => decoder.decode(bytes.subarray(at + from, at + to)));
  const last = segs[segs.length - 1];
  if (last && !last.mark && last.text.endsWith('\r')) last.text = last.text.slice(0, -1);
  return segs.length ? segs : [{ text: '' }];
}

/** Where byte k of a hex row starts in its hex text ("xx xx … xx  xx …": a gap after 8). */
const hexCol = (k: number): number => k * 3 + (k >= HEX_COLS / 2 ? 1 : 0);

/** A hex row's hex and ASCII columns as pieces, the marked bytes in both (the space
 * between two marked bytes is marked, the one after a mark is not). */
export function hexSegments(row: HexRow, rowOffset: number, marks: readonly Mark[]): { hex: Segment[]; ascii: Segment[] } {
  const marked = ranges(marks, rowOffset, HEX_COLS);
  if (marked.length === 0) return { hex: [{ text: row.hex }], ascii: [{ text: row.ascii }] };
  const state = (k: number) => marked.find((r) => k >= r.from && k < r.to)?.mark;
  const hex: Segment[] = [];
  const push = (text: string, mark: Segment['mark']) => {
    const last = hex[hex.length - 1];
    if (last && last.mark === mark) last.text += text;
    else hex.push(mark ? { text, mark } : { text });
  };
  for (let k = 0; k < HEX_COLS; k++) {
    const m = state(k);
    push(row.hex.slice(hexCol(k), hexCol(k) + 2), m);
    if (k < HEX_COLS - 1) push(row.hex.slice(hexCol(k) + 2, hexCol(k + 1)), m && state(k + 1) === m ? m : undefined);
  }
  const ascii = cut(row.ascii.length, ranges(marks, rowOffset, row.ascii.length), (f, t) => row.ascii.slice(f, t));
  return { hex, ascii };
}
