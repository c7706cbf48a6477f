// The whole body as bytes, for the viewers that need all of it (pretty, image, HTML), when
// it is at most `max` bytes.
import { useEffect, useState } from 'react';
import type { SliceCache } from './slice-cache.js';

export type Whole = { state: 'loading' } | { state: 'too-large' } | { state: 'error'; error: string } | { state: 'ready'; bytes: Uint8Array };

export function useWholeBody(cache: SliceCache, total: number, max: number): Whole {
  const [whole, setWhole] = useState<Whole>({ state: 'loading' });
  useEffect(() => {
    if (total > max) return setWhole({ state: 'too-large' });
    let live = true;
    setWhole({ state: 'loading' });
    cache.read(0, total).then(
      (bytes) => live && setWhole({ state: 'ready', bytes }),
      (e: unknown) => live && setWhole({ state: 'error', error: String(e) }),
    );
    return () => {
      live = false;
    };
  }, [cache, total, max]);
  return whole;
}
