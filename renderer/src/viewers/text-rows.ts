// Raw text of any size without a line index: the scrollbar maps to byte offsets, and each
// visible window is cut into rows from the nearest line start before its first byte. A
// row ends at '\n' or after ROW_BYTES bytes (a minified 100 MB JSON is one "line"), so a
// window never needs more than rows × ROW_BYTES bytes around its offset.

export const ROW_BYTES = 512;
/** Browsers cap an element's height (Chromium ≈ 33.5 M px); stay well below. */
export const MAX_SPACER_PX = 8_000_000;
/** Guess of a row's length, only to size the scrollbar. */
export const AVG_ROW_BYTES = 80;

export interface Row {
  /** Absolute byte offset of the row's first byte. */
  offset: number;
  /** Length in bytes, without the '\n'. */
  length: number;
}

const NL = 0x0a;
const isContinuation = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

/** Spacer height (px) for a scrollable extent of `units` rows of `lineHeight`. */
export function spacerHeight(units: number, lineHeight: number, viewport: number): number {
  return Math.max(viewport, Math.min(MAX_SPACER_PX, Math.ceil(units) * lineHeight));
}

/** scrollTop → fraction 0..1 of the scrollable range. */
export function scrollFraction(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const range = scrollHeight - clientHeight;
  return range <= 0 ? 0 : Math.min(1, Math.max(0, scrollTop / range));
}

/** Where a row starting at or before `at` begins: after the last '\n' within ROW_BYTES,
 * else at a ROW_BYTES-aligned offset (stable while scrolling through one long line). */
export function rowStartBefore(bytes: Uint8Array, base: number, at: number): number {
  const lo = Math.max(base, at - ROW_BYTES);
  for (let p = at - 1; p >= lo; p--) if (bytes[p - base] === NL) return p + 1;
  if (lo === 0) return 0; // the body's first row reaches `at`
  return Math.max(base, at - (at % ROW_BYTES));
}

/** Cuts rows forward from `start` (absolute) until `max` rows or the end of `bytes`. */
export function cutRows(bytes: Uint8Array, base: number, start: number, max: number, atEnd: boolean): Row[] {
  const rows: Row[] = [];
  const end = base + bytes.length;
  let p = start;
  while (p < end && rows.length < max) {
    let q = p;
    const limit = Math.min(end, p + ROW_BYTES);
    while (q < limit && bytes[q - base] !== NL) q++;
    if (q < end && bytes[q - base] === NL) {
      rows.push({ offset: p, length: q - p });
      p = q + 1;
      continue;
    }
    if (q === end && !atEnd) break; // the row may go on past the window
    // A wrap: never split a UTF-8 sequence.
    while (q > p + 1 && q < end && isContinuation(bytes[q - base])) q--;
    rows.push({ offset: p, length: q - p });
    p = q;
  }
  return rows;
}

/** The byte window to read for `rows` rows at `top`: some rows before (for the end), more after. */
export function windowFor(top: number, rows: number, total: number): { start: number; end: number } {
  const span = (rows + 2) * ROW_BYTES;
  return { start: Math.max(0, top - span), end: Math.min(total, top + span) };
}

/** The rows to show with `top` (byte offset) at the top; near the end, the last full screen. */
export function layoutRows(bytes: Uint8Array, base: number, top: number, rows: number, total: number): Row[] {
  const atEnd = base + bytes.length >= total;
  let start = Math.min(top, base + bytes.length);
  if (start > 0 && bytes[start - 1 - base] !== NL) start = rowStartBefore(bytes, base, start);
  while (isContinuation(bytes[start - base]) && start < base + bytes.length) start++;
  const forward = cutRows(bytes, base, start, rows, atEnd);
  if (forward.length >= rows || !atEnd || base === 0 && start === 0) return forward;
  // Too close to the end to fill the screen: take the last `rows` rows of the window.
  let from = base;
  if (base > 0) {
    const nl = bytes.indexOf(NL);
    from = nl < 0 ? base : base + nl + 1;
  }
  const all = cutRows(bytes, base, from, Number.MAX_SAFE_INTEGER, true);
  return all.slice(Math.max(0, all.length - rows));
}

/** Decodes one row (invalid sequences become U+FFFD). */
export function rowText(bytes: Uint8Array, base: number, row: Row, decoder: TextDecoder): string {
  const text = decoder.decode(bytes.subarray(row.offset - base, row.offset - base + row.length));
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
