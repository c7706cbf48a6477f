// Search in the body: scans it chunk by chunk (each await of a slice yields to the UI, and
// a 256 KiB chunk scans in about a millisecond), counts matches as it goes, and jumps to
// the first, then to the next (Enter, ↓) or the previous (Shift+Enter, ↑): "3 of 17".
import { useEffect, useRef, useState } from 'react';
import { SliceCache } from './slice-cache.js';
import { ByteSearcher, encodeQuery } from './search.js';
import type { Hits, Jump } from './RawViewer.js';

/** Offsets kept for jumping and marking; the count goes on beyond. */
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

function statusText(query: string, index: number, found: Found): string {
  if (!query) return '';
  if (found.done && found.count === 0) return 'no match';
  const more = found.done ? '' : '…';
  return `${index >= 0 ? index + 1 : 0} of ${found.count}${more}`;
}

export function BodySearch({ cache, onJump, onHits }: { cache: SliceCache; onJump(j: Jump | undefined): void; onHits(h: Hits | undefined): void }) {
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
  const step = (back: boolean) => {
    const n = found.offsets.length;
    if (n > 0) go(back ? (index - 1 + n) % n : (index + 1) % n);
  };
  // The first match, as soon as it is found.
  useEffect(() => {
    if (index < 0 && found.offsets.length > 0) go(0);
  });
  useEffect(() => {
    setIndex(-1);
    onJump(undefined);
  }, [query]);
  useEffect(() => onHits(query ? { offsets: found.offsets, length } : undefined), [found.offsets, length, query]);

  const none = found.offsets.length === 0;
  return (
    <span className="body-search">
      <input
        type="search"
        data-testid="body-search"
        placeholder="Search body"
        aria-label="Search body (Enter: next, Shift+Enter: previous)"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          step(e.shiftKey);
        }}
      />
      <button type="button" className="search-step" data-testid="search-prev" aria-label="Previous match (Shift+Enter)" title="Previous match (Shift+Enter)" disabled={none} onClick={() => step(true)}>
        ↑
      </button>
      <button type="button" className="search-step" data-testid="search-next" aria-label="Next match (Enter)" title="Next match (Enter)" disabled={none} onClick={() => step(false)}>
        ↓
      </button>
      <span className="muted" data-testid="body-search-count" aria-live="polite">
        {statusText(query, index, found)}
      </span>
    </span>
  );
}
