import { describe, expect, it } from 'vitest';
import { SliceCache, type SliceReader } from './slice-cache.js';

const body = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

function reader(calls: number[]): SliceReader {
  return async (offset, length) => {
    calls.push(offset);
    return { bytes: body.slice(offset, offset + length), total: body.length };
  };
}

describe('SliceCache', () => {
  it('assembles reads across chunks and clips to the body', async () => {
    const cache = new SliceCache(reader([]), 1000, 4, 100);
    expect(await cache.read(95, 10)).toEqual(body.slice(95, 105));
    expect(await cache.read(990, 50)).toEqual(body.slice(990));
    expect((await cache.read(1200, 10)).length).toBe(0);
    expect(await cache.read(0, 1000)).toEqual(body);
  });

  it('reads a chunk once, even when asked twice at the same time', async () => {
    const calls: number[] = [];
    const cache = new SliceCache(reader(calls), 1000, 4, 100);
    await Promise.all([cache.read(0, 10), cache.read(5, 10), cache.chunk(0)]);
    expect(calls).toEqual([0]);
  });

  it('evicts the least recently used chunk', async () => {
    const calls: number[] = [];
    const cache = new SliceCache(reader(calls), 1000, 2, 100);
    await cache.chunk(0);
    await cache.chunk(1);
    cache.peek(0);
    await cache.chunk(2);
    expect(cache.cachedChunks.sort()).toEqual([0, 2]);
    await cache.chunk(1);
    expect(calls).toEqual([0, 100, 200, 100]);
  });

  it('forgets a failed read so it can be retried', async () => {
    let fail = true;
    const cache = new SliceCache(async (o, l) => {
      if (fail) throw new Error('down');
      return { bytes: body.slice(o, o + l), total: 1000 };
    }, 1000, 2, 100);
    await expect(cache.chunk(0)).rejects.toThrow('down');
    fail = false;
    expect((await cache.chunk(0)).length).toBe(100);
  });
});
