// Search in the body: scans it chunk by chunk (each await of a slice yields to the UI, and
// a 256 KiB chunk scans in about a millisecond), counts matches as it goes, and jumps to
// the first and then to the next on Enter.
import { useEffect, useRef, useState } from 'react';
import { SliceCache } from './slice-cache.js';
import { ByteSearcher, encodeQuery } from './search.js';
import type { Jump } from './RawViewer.js';

/** Offsets kept for jumping; the count goes on beyond. */
const KEEP = 100_000;

interface Found {
  offsets: number[];
  count: number;
  done: boolean;
}

function useScan(cache: SliceCache, query: string): Found {
  const [found, setFound] = useState<Found>({ offsets: [], count: 0, done: true });
  useEffect(() => {
    if (!query) return setFound({ offsets: [], count: 0, done: true });
    let live = true;
    // Its own small cache: a scan must not evict the chunks on screen.
    const scan = new SliceCache(cache.reader, cache.total, 2);
    const searcher = new ByteSearcher(encodeQuery(query));
    const offsets: number[] = [];
    const run = async () => {
      setFound({ offsets, count: 0, done: false });
      for (let i = 0; i * scan.chunkSize < scan.total && live; i++) {
        const hits = searcher.feed(await scan.chunk(i), i * scan.chunkSize);
        for (const h of hits) if (offsets.length < KEEP) offsets.push(h);
        if (live && hits.length) setFound({ offsets: offsets.slice(), count: searcher.count, done: false });
      }
      if (live) setFound({ offsets: offsets.slice(), count: searcher.count, done: true });
    };
    const timer = setTimeout(() => void run().catch(() => live && setFound((f) => ({ ...f, done: true }))), 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [cache, query]);
  return found;
}

export function BodySearch({ cache, onJump }: { cache: SliceCache; onJump(j: Jump): void }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(-1);
  const found = useScan(cache, query);
  const seq = useRef(0);
  const length = encodeQuery(query).length;

  const go = (i: number) => {
    const offset = found.offsets[i];
    if (offset === undefined) return;
    setIndex(i);
    onJump({ offset, length, seq: ++seq.current });
  };
  // The first match, as soon as it is found.
  useEffect(() => {
    if (index < 0 && found.offsets.length > 0) go(0);
  });
  useEffect(() => setIndex(-1), [query]);

  const status = query ? `${index >= 0 ? index + 1 : 0} / ${found.count}${found.done ? '' : '…'}` : '';
  return (
    <span className="body-search">
      <input
        type="search"
        data-testid="body-search"
        placeholder="Search body"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || found.offsets.length === 0) return;
          const n = found.offsets.length;
          go(e.shiftKey ? (index - 1 + n) % n : (index + 1) % n);
        }}
      />
      <span className="muted" data-testid="body-search-count">
        {status}
      </span>
    </span>
  );
}
