// Hex rows: 16 bytes a row, "offset  hex bytes  ASCII", the offset wide enough for the body.

export const HEX_COLS = 16;

export interface HexRow {
  offset: string;
  hex: string;
  ascii: string;
}

/** Hex digits needed for offsets up to `total` (at least 8). */
export function offsetWidth(total: number): number {
  return Math.max(8, Math.max(0, total - 1).toString(16).length);
}

/** One row of up to 16 bytes at absolute `offset`; a gap after the 8th byte, short rows padded. */
export function hexRow(bytes: Uint8Array, offset: number, width: number): HexRow {
  const hex: string[] = [];
  let ascii = '';
  for (let i = 0; i < HEX_COLS; i++) {
    const b = bytes[i];
    hex.push(b === undefined ? '  ' : b.toString(16).padStart(2, '0'));
    if (b !== undefined) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  const text = `${hex.slice(0, 8).join(' ')}  ${hex.slice(8).join(' ')}`;
  return { offset: offset.toString(16).padStart(width, '0'), hex: text, ascii };
}

/** Rows for `bytes` read from absolute `base` (a multiple of 16). */
export function hexRows(bytes: Uint8Array, base: number, total: number): HexRow[] {
  const width = offsetWidth(total);
  const rows: HexRow[] = [];
  for (let i = 0; i < bytes.length; i += HEX_COLS) rows.push(hexRow(bytes.subarray(i, i + HEX_COLS), base + i, width));
  return rows;
}

export const hexRowCount = (total: number): number => Math.ceil(total / HEX_COLS);
