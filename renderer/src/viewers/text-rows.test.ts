import { describe, expect, it } from 'vitest';
import { layoutRows, MAX_SPACER_PX, ROW_BYTES, rowStartBefore, rowText, scrollFraction, spacerHeight, windowFor } from './text-rows.js';

const enc = (s: string) => new TextEncoder().encode(s);
const texts = (bytes: Uint8Array, base: number, rows: ReturnType<typeof layoutRows>) => rows.map((r) => rowText(bytes, base, r, new TextDecoder()));

describe('byte offset ↔ rows', () => {
  const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
  const bytes = enc(lines);

  it('starts at the line holding the offset', () => {
    const at = lines.indexOf('line 50') + 3;
    expect(texts(bytes, 0, layoutRows(bytes, 0, at, 3, bytes.length))).toEqual(['line 50', 'line 51', 'line 52']);
  });

  it('works on a window that starts mid-body', () => {
    const base = lines.indexOf('line 40') + 2;
    const win = bytes.subarray(base);
    const at = lines.indexOf('line 60') + 1;
    expect(texts(win, base, layoutRows(win, base, at, 2, bytes.length))).toEqual(['line 60', 'line 61']);
  });

  it('shows the last full screen at the end', () => {
    expect(texts(bytes, 0, layoutRows(bytes, 0, bytes.length, 3, bytes.length))).toEqual(['line 97', 'line 98', 'line 99']);
  });

  it('wraps a long line every ROW_BYTES bytes, never inside a UTF-8 sequence', () => {
    const long = enc('é'.repeat(ROW_BYTES));
    const rows = layoutRows(long, 0, 0, 10, long.length);
    expect(rows.every((r) => r.length <= ROW_BYTES)).toBe(true);
    expect(texts(long, 0, rows).join('')).toBe('é'.repeat(ROW_BYTES));
    expect(rows[0]?.length).toBe(ROW_BYTES);
  });

  it('aligns rows in a long line, so scrolling through it is stable', () => {
    const long = new Uint8Array(10 * ROW_BYTES).fill(0x61);
    expect(rowStartBefore(long, 0, 3 * ROW_BYTES + 7)).toBe(3 * ROW_BYTES);
    expect(rowStartBefore(long, 0, 7)).toBe(0);
  });

  it('maps scrollTop to a fraction and caps the spacer', () => {
    expect(scrollFraction(0, 1000, 200)).toBe(0);
    expect(scrollFraction(400, 1000, 200)).toBe(0.5);
    expect(scrollFraction(800, 1000, 200)).toBe(1);
    expect(spacerHeight(1e9, 18, 500)).toBe(MAX_SPACER_PX);
    expect(spacerHeight(2, 18, 500)).toBe(500);
  });

  it('reads a window of bounded size whatever the body', () => {
    const w = windowFor(500_000_000, 50, 1 << 30);
    expect(w.end - w.start).toBeLessThanOrEqual(2 * 52 * ROW_BYTES);
    expect(windowFor(10, 50, 100)).toEqual({ start: 0, end: 100 });
  });
});
