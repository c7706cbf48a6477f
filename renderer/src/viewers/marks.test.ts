import { describe, expect, it } from 'vitest';
import { hexRow } from './hex.js';
import { hexSegments, marksIn, rowSegments } from './marks.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('search marks', () => {
  it('finds the hits overlapping a window, the current one flagged', () => {
    const hits = [10, 100, 200, 300];
    expect(marksIn(hits, 5, 200, 98, 210)).toEqual([
      { offset: 100, length: 5, current: false },
      { offset: 200, length: 5, current: true },
    ]);
    expect(marksIn(hits, 5, undefined, 0, 10)).toEqual([]);
    expect(marksIn(hits, 5, undefined, 14, 15)).toEqual([{ offset: 10, length: 5, current: false }]);
    // A current hit beyond the kept offsets is still marked.
    expect(marksIn(hits, 5, 5000, 4990, 5100)).toEqual([{ offset: 5000, length: 5, current: true }]);
  });

  it('marks exactly the matched bytes of a text row, multi-byte characters intact', () => {
    const text = 'abc héllo NeEdLe xyz\r';
    const bytes = enc(`----${text}`);
    const row = { offset: 1004, length: enc(text).length };
    const at = 1000 + 4 + enc('abc héllo ').length;
    const segs = rowSegments(bytes, 1000, row, marksIn([at], 6, at, 1004, 1100), new TextDecoder());
    expect(segs).toEqual([{ text: 'abc héllo ' }, { text: 'NeEdLe', mark: 'current' }, { text: ' xyz' }]);
    // A match that runs on into the next (wrapped) row is marked in both.
    expect(rowSegments(enc('abcdef'), 0, { offset: 0, length: 3 }, [{ offset: 2, length: 3, current: false }], new TextDecoder())).toEqual([
      { text: 'ab' },
      { text: 'c', mark: 'other' },
    ]);
  });

  it('marks the bytes in both hex columns', () => {
    const row = hexRow(enc('0123456789ABCDEF'), 32, 8);
    const { hex, ascii } = hexSegments(row, 32, [{ offset: 38, length: 3, current: true }]);
    expect(hex.map((s) => s.text).join('')).toBe(row.hex);
    expect(hex.filter((s) => s.mark)).toEqual([{ text: '36 37  38', mark: 'current' }]);
    expect(ascii).toEqual([{ text: '012345' }, { text: '678', mark: 'current' }, { text: '9ABCDEF' }]);
  });
});
