import { describe, expect, it } from 'vitest';
import { atEnd, tailWindow, virtualWindow } from './virtual.js';

describe('virtual window', () => {
  it('renders the visible rows plus overscan at the top', () => {
    const w = virtualWindow({ count: 10_000, rowHeight: 18, scrollTop: 0, viewport: 180, overscan: 5 });
    expect(w).toEqual({ start: 0, end: 20, padTop: 0, padBottom: (10_000 - 20) * 18 });
  });

  it('follows scrollTop in the middle, overscan on both sides', () => {
    const w = virtualWindow({ count: 10_000, rowHeight: 18, scrollTop: 18 * 1000 + 5, viewport: 180, overscan: 5 });
    expect(w.start).toBe(995);
    expect(w.end).toBe(1015);
    expect(w.padTop + (w.end - w.start) * 18 + w.padBottom).toBe(10_000 * 18);
  });

  it('keeps a full window at the end, even past it', () => {
    const w = virtualWindow({ count: 100, rowHeight: 10, scrollTop: 99_999, viewport: 100, overscan: 2 });
    expect(w).toEqual({ start: 86, end: 100, padTop: 860, padBottom: 0 });
    expect(tailWindow({ count: 100, rowHeight: 10, viewport: 100, overscan: 2 })).toEqual(w);
  });

  it('renders everything when the list is shorter than the window', () => {
    expect(virtualWindow({ count: 7, rowHeight: 18, scrollTop: 50, viewport: 600 })).toEqual({ start: 0, end: 7, padTop: 0, padBottom: 0 });
    expect(virtualWindow({ count: 0, rowHeight: 18, scrollTop: 0, viewport: 600 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it('bounds the rendered rows whatever the count', () => {
    for (const count of [2_001, 50_000, 1_000_000]) {
      const w = tailWindow({ count, rowHeight: 18, viewport: 800, overscan: 20 });
      expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(800 / 18) + 40);
      expect(w.end).toBe(count);
    }
  });

  it('knows when the user is at the end', () => {
    expect(atEnd(1000, 600, 400)).toBe(true);
    expect(atEnd(1000, 590, 400)).toBe(true);
    expect(atEnd(1000, 500, 400)).toBe(false);
  });
});
