import { describe, expect, it } from 'vitest';
import { charColumns, cutRows, layoutRows, MAX_SPACER_PX, ROW_BYTES, rowStartBefore, rowText, scrollFraction, spacerHeight, windowFor, WRAP_ANCHOR } from './text-rows.js';

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

describe('wrapped rows (cols given)', () => {
  /** The rows a viewer shows at `top`, read through the window windowFor gives, as offsets. */
  const shownAt = (bytes: Uint8Array, top: number, rows: number, cols: number) => {
    const w = windowFor(top, rows, bytes.length, cols);
    const win = bytes.subarray(w.start, w.end);
    return layoutRows(win, w.start, top, rows, bytes.length, cols);
  };

  it('cuts a long line every `cols` characters, short lines as they are', () => {
    const text = `${'x'.repeat(25)}\nshort\n${'y'.repeat(10)}`;
    const bytes = enc(text);
    expect(texts(bytes, 0, layoutRows(bytes, 0, 0, 20, bytes.length, 10))).toEqual(['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx', 'short', 'yyyyyyyyyy']);
    // Not wrapped, the same text keeps its lines whole.
    expect(texts(bytes, 0, layoutRows(bytes, 0, 0, 20, bytes.length))).toEqual(['x'.repeat(25), 'short', 'y'.repeat(10)]);
  });

  it('counts columns, not bytes: multi-byte letters one each, wide ones two, a tab to its stop', () => {
    const bytes = enc('ééééééé漢字漢字ab\tc');
    const rows = texts(bytes, 0, layoutRows(bytes, 0, 0, 20, bytes.length, 6));
    expect(rows).toEqual(['éééééé', 'é漢字', '漢字ab', '\t', 'c']);
    expect(charColumns('漢'.codePointAt(0)!)).toBe(2);
    expect(charColumns('é'.codePointAt(0)!)).toBe(1);
    expect(charColumns('😀'.codePointAt(0)!)).toBe(2);
  });

  it('a row holds at least one character, even one wider than the row', () => {
    const bytes = enc('漢字');
    expect(texts(bytes, 0, layoutRows(bytes, 0, 0, 5, bytes.length, 1))).toEqual(['漢', '字']);
  });

  it('gives the same rows at an offset however far into a long line, whatever window was read', () => {
    // One 100 KB line of mixed widths: no '\n' to restart from.
    const line = enc(Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? 'é' : i % 11 === 0 ? '漢' : 'a')).join(''));
    const all = cutRows(line, 0, 0, Number.MAX_SAFE_INTEGER, true, 37);
    const starts = new Set(all.map((r) => r.offset));
    expect(texts(line, 0, all).join('')).toBe(new TextDecoder().decode(line));
    expect(all.every((r) => r.offset % WRAP_ANCHOR === 0 || starts.has(r.offset))).toBe(true);
    for (const top of [0, 5_000, WRAP_ANCHOR - 3, WRAP_ANCHOR + 1, line.length - 2_000, line.length - 10]) {
      const shown = shownAt(line, top, 12, 37);
      expect(shown.length).toBe(12);
      for (const r of shown) expect(all).toContainEqual(r);
      if (top < line.length - 12 * 37 * 3) expect(shown[0]!.offset <= top && top < shown[0]!.offset + shown[0]!.length).toBe(true);
    }
  });

  it('shows the last full screen at the end of a wrapped body', () => {
    const bytes = enc(`${'a'.repeat(95)}\nlast`);
    expect(texts(bytes, 0, layoutRows(bytes, 0, bytes.length, 3, bytes.length, 20))).toEqual(['a'.repeat(20), 'a'.repeat(15), 'last']);
  });

  it('reads a window bounded by the columns, reaching an anchor back', () => {
    const w = windowFor(10_000_000, 40, 1 << 30, 100);
    expect(w.end - 10_000_000).toBe(42 * 400);
    expect(10_000_000 - w.start).toBe(Math.max(42 * 400, WRAP_ANCHOR));
  });
});
