// The response body for the viewers: a slice cache over readBodySlice, created as soon as
// the final headers arrive; it reads what the store holds so far while the body streams.
import { useEffect, useMemo, useState } from 'react';
import { describeError, PlatformError } from '../platform/index.js';
import { usePlatform } from '../platform/platform-context.js';
import { SliceCache, type SliceReader } from '../viewers/slice-cache.js';
import { responseBodyCache } from './body-caches.js';

export interface BodyState {
  cache?: SliceCache;
  total: number;
  /** The whole body is stored and `total` is its size. */
  complete: boolean;
  error?: string;
  /** The body cannot be had at all (evicted, or imported without it): nothing to save. */
  unavailable?: 'evicted' | 'not-imported';
}

type WithFromBase64 = { fromBase64?: (s: string) => Uint8Array };

export function decodeBase64(b64: string): Uint8Array {
  // Native where the engine has it (Chromium ≥ 140): a 256 KiB slice in well under 1 ms.
  const native = (Uint8Array as unknown as WithFromBase64).fromBase64;
  if (native) return native(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A body the store does not have (evicted, or left out of an imported HAR) is said so in plain words. */
function bodyError(e: unknown): Pick<BodyState, 'error' | 'unavailable'> {
  if (e instanceof PlatformError && e.code === 'NOT_FOUND') {
    return { unavailable: 'evicted', error: 'The body is no longer stored: it was evicted to keep the stored bodies under the limit set in Settings.' };
  }
  if (e instanceof PlatformError && e.code === 'BODY_NOT_IMPORTED') {
    return { unavailable: 'not-imported', error: `This entry was imported without its body (${e.message.replace(/^this entry was imported without its body: /, '')}).` };
  }
  return { error: describeError(e) };
}

const EMPTY: BodyState = { total: 0, complete: false };

/**
 * `ready`: the final headers are in (or the request is over), so the body can be read;
 * `streamed`: the body bytes the progress events have reported so far; `finished`: the
 * request is over (the store then has all of the body: the finished event comes after).
 * While streaming, `total` follows the progress events and the viewers read what is stored
 * so far; once finished, one read gives the stored size.
 */
/** Which store the body is read from: a response's (readBodySlice) or a caught request's (readCaughtBodySlice). */
export type BodySource = 'readBodySlice' | 'readCaughtBodySlice';

/** `view` (responses only): the wire bytes, or the decoded body once the request is over. */
export function useBody(id: string | undefined, ready: boolean, finished: boolean, streamed: number, source: BodySource = 'readBodySlice', view: 'wire' | 'decoded' = 'wire'): BodyState {
  const platform = usePlatform();

  // Made during render (not in an effect): the viewers can read in their first commit.
  const cache = useMemo(() => {
    if (!id || !ready) return undefined;
    const reader: SliceReader = async (offset, length) => {
      const r = source === 'readBodySlice' ? await platform.call(source, { id, offset, length, view }) : await platform.call(source, { id, offset, length });
      return { bytes: decodeBase64(r.base64), total: r.total, complete: r.complete };
    };
    const c = new SliceCache(reader, 0);
    c.complete = false;
    return source === 'readBodySlice' ? responseBodyCache(id, c, view) : c;
  }, [id, ready, platform, source, view]);
  const [final, setFinal] = useState<{ total: number } & Pick<BodyState, 'error' | 'unavailable'> | undefined>(undefined);

  useEffect(() => {
    setFinal(undefined);
    if (!cache || !finished) return;
    let live = true;
    // Not chunk(0): that may be a chunk kept while streaming, whose total is an old one.
    cache.reader(0, 1).then(
      (r) => {
        cache.settle(r.total);
        if (live) setFinal({ total: r.total });
      },
      (e: unknown) => live && setFinal({ total: 0, ...bodyError(e) }),
    );
    return () => {
      live = false;
    };
  }, [cache, finished]);

  if (!cache) return EMPTY;
  if (final) return { cache, total: final.total, complete: true, error: final.error, unavailable: final.unavailable };
  return { cache, total: streamed, complete: false };
}
