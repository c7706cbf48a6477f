// Raw text of any size without a line index: the scrollbar maps to byte offsets, and each
// visible window is cut into rows from the nearest line start before its first byte. A
// row ends at '\n' or after ROW_BYTES bytes (a minified 100 MB JSON is one "line"), so a
// window never needs more than rows × ROW_BYTES bytes around its offset. Wrapped (`cols`
// given), a row ends at '\n' or before the character that would pass `cols` columns, and
// also at every WRAP_ANCHOR-th byte of a long line: a row start is then found from at most
// WRAP_ANCHOR bytes back, so each offset gives the same rows however the window was read.

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

/** Rows never cross a multiple of this (wrapped mode): where rows restart in a long line. */
export const WRAP_ANCHOR = 16_384;
/** Columns a tab advances to (CSS tab-size's default). */
const TAB = 8;

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

/** Cuts rows forward from `start` (absolute) until `max` rows or the end of `bytes`;
 * with `cols`, wrapped at that many columns. */
export function cutRows(bytes: Uint8Array, base: number, start: number, max: number, atEnd: boolean, cols?: number): Row[] {
  const rows: Row[] = [];
  const end = base + bytes.length;
  let p = start;
  while (p < end && rows.length < max) {
    let q = cols === undefined ? byteRowEnd(bytes, base, p, end) : wrapRowEnd(bytes, base, p, end, cols);
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

/** Where a ROW_BYTES row from `p` stops: at '\n' or after ROW_BYTES bytes. */
function byteRowEnd(bytes: Uint8Array, base: number, p: number, end: number): number {
  let q = p;
  const limit = Math.min(end, p + ROW_BYTES);
  while (q < limit && bytes[q - base] !== NL) q++;
  return q;
}

/** Columns a character takes in a monospace font: 2 for the East Asian wide ranges and
 * emoji, 1 otherwise (a combining mark counted 1 only makes its row shorter). */
export function charColumns(cp: number): number {
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** The code point starting at byte index i and its length (an invalid byte: U+FFFD, 1). */
function codePoint(bytes: Uint8Array, i: number): { cp: number; n: number } {
  const b = bytes[i] as number;
  const n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  if (n === 1) return { cp: b < 0x80 ? b : 0xfffd, n };
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k];
    if (c === undefined || !isContinuation(c)) return { cp: 0xfffd, n: k };
    cp = (cp << 6) | (c & 0x3f);
  }
  return { cp, n };
}

/** Where a wrapped row from `p` stops: at '\n', at the next anchor, or before the
 * character that would pass `cols` columns (a row holds at least one character). */
function wrapRowEnd(bytes: Uint8Array, base: number, p: number, end: number, cols: number): number {
  const anchor = (Math.floor(p / WRAP_ANCHOR) + 1) * WRAP_ANCHOR;
  let q = p;
  let col = 0;
  while (q < end && q < anchor && bytes[q - base] !== NL) {
    const { cp, n } = codePoint(bytes, q - base);
    const next = cp === 0x09 ? col + TAB - (col % TAB) : col + charColumns(cp);
    if (next > cols && q > p) break;
    col = next;
    q += n;
  }
  return Math.min(q, end);
}

/** Where the wrapped row holding `at` starts: rows are cut from the line's start or the
 * last anchor before `at`, whichever is later (the window must reach WRAP_ANCHOR back). */
export function wrapStartBefore(bytes: Uint8Array, base: number, at: number, cols: number): number {
  let from = Math.max(base, at - (at % WRAP_ANCHOR));
  for (let p = at - 1; p >= from; p--) {
    if (bytes[p - base] === NL) {
      from = p + 1;
      break;
    }
  }
  while (from < at && isContinuation(bytes[from - base])) from++;
  let start = from;
  for (const r of cutRows(bytes, base, from, Number.MAX_SAFE_INTEGER, true, cols)) {
    if (r.offset > at) break;
    start = r.offset;
  }
  return start;
}

/** The byte window to read for `rows` rows at `top`: some rows before (for the end), more
 * after; wrapped, a character is at most 4 bytes a column, and WRAP_ANCHOR bytes before. */
export function windowFor(top: number, rows: number, total: number, cols?: number): { start: number; end: number } {
  const span = (rows + 2) * (cols === undefined ? ROW_BYTES : 4 * cols);
  const back = cols === undefined ? span : Math.max(span, WRAP_ANCHOR);
  return { start: Math.max(0, top - back), end: Math.min(total, top + span) };
}

/** The rows to show with `top` (byte offset) at the top; near the end, the last full screen. */
export function layoutRows(bytes: Uint8Array, base: number, top: number, rows: number, total: number, cols?: number): Row[] {
  const atEnd = base + bytes.length >= total;
  let start = Math.min(top, base + bytes.length);
  if (start > 0 && bytes[start - 1 - base] !== NL) start = cols === undefined ? rowStartBefore(bytes, base, start) : wrapStartBefore(bytes, base, start, cols);
  while (isContinuation(bytes[start - base]) && start < base + bytes.length) start++;
  const forward = cutRows(bytes, base, start, rows, atEnd, cols);
  if (forward.length >= rows || !atEnd || base === 0 && start === 0) return forward;
  // Too close to the end to fill the screen: take the last `rows` rows of the window.
  const all = cutRows(bytes, base, firstRowStart(bytes, base, cols), Number.MAX_SAFE_INTEGER, true, cols);
  return all.slice(Math.max(0, all.length - rows));
}

/** A row start at or after the window's first byte: after its first '\n' (or, wrapped, its
 * first anchor, if that comes before). */
function firstRowStart(bytes: Uint8Array, base: number, cols: number | undefined): number {
  if (base === 0) return 0;
  const nl = bytes.indexOf(NL);
  const line = nl < 0 ? base : base + nl + 1;
  if (cols === undefined) return line;
  const end = base + bytes.length;
  let anchor = Math.ceil(base / WRAP_ANCHOR) * WRAP_ANCHOR;
  while (anchor < end && isContinuation(bytes[anchor - base])) anchor++;
  if (anchor < end && (nl < 0 || anchor < line)) return anchor;
  return line;
}

/** Decodes one row (invalid sequences become U+FFFD). */
export function rowText(bytes: Uint8Array, base: number, row: Row, decoder: TextDecoder): string {
  const text = decoder.decode(bytes.subarray(row.offset - base, row.offset - base + row.length));
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
