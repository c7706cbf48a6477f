// What the raw and hex viewers take: the body's slices, its size, and the search's hits.
import type { SliceCache } from './slice-cache.js';
import type { ScrollPos } from './VirtualScroll.js';

/** A hit to scroll to; `seq` changes on every jump, so the same hit can be jumped to again. */
export interface Jump {
  offset: number;
  length: number;
  seq: number;
}

/** Every hit the search keeps (sorted offsets), each `length` bytes. */
export interface Hits {
  offsets: readonly number[];
  length: number;
}

export interface ByteViewerProps {
  cache: SliceCache;
  total: number;
  complete?: boolean;
  jump?: Jump;
  hits?: Hits;
}

export const START: ScrollPos = { fraction: 0, rows: 40, scrollTop: 0 };
