import { describe, expect, it } from 'vitest';
import { findWrapping, type BodyFinder } from './core-find.js';

/** A finder over hits in a body of `total` bytes that answers "out of time" every other call. */
function finder(hits: number[], total: number): BodyFinder & { calls: number } {
  let n = 0;
  const f = (async (from, direction) => {
    f.calls = ++n;
    if (n % 2 === 1) return { resumeAt: from, total, complete: false };
    const offset = direction === 'forward' ? hits.find((h) => h >= from) : hits.filter((h) => h < from).at(-1);
    return { offset, resumeAt: offset ?? (direction === 'forward' ? total : 0), total, complete: true };
  }) as BodyFinder & { calls: number };
  f.calls = 0;
  return f;
}

describe('findWrapping', () => {
  it('resumes a scan that ran out of time', async () => {
    const f = finder([50, 90], 100);
    expect(await findWrapping(f, 51, 'forward')).toBe(90);
    expect(f.calls).toBe(2);
  });
  it('wraps past the end and before the start', async () => {
    expect(await findWrapping(finder([50, 90], 100), 91, 'forward')).toBe(50);
    expect(await findWrapping(finder([50, 90], 100), 50, 'backward')).toBe(90);
  });
  it('says none when there is no match anywhere', async () => {
    expect(await findWrapping(finder([], 100), 0, 'forward')).toBeUndefined();
    expect(await findWrapping(finder([], 100), 40, 'backward')).toBeUndefined();
  });
});
