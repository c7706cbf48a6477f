// A body search in the page, for bodies the core has no searchBody for (a caught request's):
// the same answers as the core's, from the slice cache, chunk by chunk.
import { ByteSearcher, encodeQuery } from './search.js';
import { SliceCache } from './slice-cache.js';
import type { QueryFinder } from './core-find.js';

export function pageFinder(cache: SliceCache): QueryFinder {
  return async (query, from, direction) => {
    // Its own small cache: a scan must not evict the chunks on screen.
    const scan = new SliceCache(cache.reader, cache.total, 2);
    const searcher = new ByteSearcher(encodeQuery(query));
    const total = scan.total;
    let last: number | undefined;
    for (let i = 0; i * scan.chunkSize < total; i++) {
      for (const hit of searcher.feed(await scan.chunk(i), i * scan.chunkSize)) {
        if (direction === 'forward' && hit >= from) return { offset: hit, resumeAt: hit + 1, total, complete: true };
        if (direction === 'backward' && hit < from) last = hit;
      }
      if (direction === 'backward' && (i + 1) * scan.chunkSize >= from) break;
    }
    return { offset: last, resumeAt: last ?? (direction === 'forward' ? total : 0), total, complete: true };
  };
}
