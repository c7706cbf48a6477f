// Search in the body: the core finds the match to jump to (searchBody, over the stored file:
// the first as the query settles, then the next with Enter or ↓, the previous with
// Shift+Enter or ↑, wrapping), so a match at the end of a large body is reached at once;
// meanwhile the page counts the matches chunk by chunk and keeps their offsets to mark
// them on screen: "3 of 17".
import { useEffect, useRef, useState } from 'react';
import { SliceCache } from './slice-cache.js';
import { ByteSearcher, encodeQuery } from './search.js';
import type { Hits, Jump } from './RawViewer.js';
import { findWrapping, type FindDirection, type QueryFinder } from './core-find.js';
import { describeError } from '../platform/index.js';

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

/** Where `offset` sits among the counted matches (sorted), or -1 while not counted yet. */
function indexOf(offsets: readonly number[], offset: number | undefined): number {
  if (offset === undefined) return -1;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = offsets[mid] as number;
    if (v === offset) return mid;
    if (v < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function statusText(query: string, index: number, found: Found, current: number | undefined, none: boolean): string {
  if (!query) return '';
  if (none || (found.done && found.count === 0)) return 'no match';
  const more = found.done ? '' : '…';
  if (current !== undefined && index < 0) return `match at byte ${current} · ${found.count}${more} counted`;
  return `${index >= 0 ? index + 1 : 0} of ${found.count}${more}`;
}

interface Props {
  cache: SliceCache;
  /** The core's search over the stored body (searchBody): the jumps come from it. */
  find: QueryFinder;
  onJump(j: Jump | undefined): void;
  onHits(h: Hits | undefined): void;
}

/** The current match, found by the core: the first as the query settles, then the next or
 * previous from the current one. A newer query or step makes an older answer moot. */
function useCoreMatch(find: QueryFinder, query: string, length: number, onJump: (j: Jump | undefined) => void) {
  const [current, setCurrent] = useState<number | undefined>(undefined);
  const [state, setState] = useState<{ none: boolean; error?: string }>({ none: false });
  const seq = useRef(0);
  const ask = useRef(0);
  const go = (from: number, direction: FindDirection) => {
    const mine = ++ask.current;
    findWrapping((at, dir) => find(query, at, dir), from, direction).then(
      (offset) => {
        if (mine !== ask.current) return;
        setState({ none: offset === undefined });
        if (offset === undefined) return;
        setCurrent(offset);
        onJump({ offset, length, seq: ++seq.current });
      },
      (e: unknown) => mine === ask.current && setState({ none: false, error: describeError(e) }),
    );
  };
  useEffect(() => {
    ask.current++;
    setCurrent(undefined);
    setState({ none: false });
    onJump(undefined);
    if (!query) return;
    const timer = setTimeout(() => go(0, 'forward'), 150);
    return () => clearTimeout(timer);
  }, [query, find]);
  const step = (back: boolean) => (back ? go(current ?? 0, 'backward') : go(current === undefined ? 0 : current + 1, 'forward'));
  return { current, ...state, step };
}

export function BodySearch({ cache, find, onJump, onHits }: Props) {
  const [query, setQuery] = useState('');
  const found = useScan(cache, query);
  const length = encodeQuery(query).length;
  const match = useCoreMatch(find, query, length, onJump);
  const index = indexOf(found.offsets, match.current);
  useEffect(() => onHits(query ? { offsets: found.offsets, length } : undefined), [found.offsets, length, query]);

  const none = match.current === undefined;
  const step = match.step;
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
      <span className={match.error ? 'error' : 'muted'} data-testid="body-search-count" aria-live="polite">
        {match.error ?? statusText(query, index, found, match.current, match.none)}
      </span>
    </span>
  );
}
