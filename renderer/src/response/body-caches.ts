// The viewers' slice caches of response bodies, one per request id, kept while the app store
// holds that response: a closed tab's cached body bytes go with its exchange.
import { SliceCache, type SliceReader } from '../viewers/slice-cache.js';

const caches = new Map<string, SliceCache>();

/** The body cache of a response, made (still streaming, nothing read) on first use. */
export function responseBodyCache(id: string, reader: SliceReader): SliceCache {
  let c = caches.get(id);
  if (!c) {
    c = new SliceCache(reader, 0);
    c.complete = false;
    caches.set(id, c);
  }
  return c;
}

/** Drops the caches of responses the store no longer holds. */
export function keepBodyCaches(responses: Record<string, unknown>): void {
  for (const id of caches.keys()) if (!(id in responses)) caches.delete(id);
}

export const cachedBodyIds = (): string[] => [...caches.keys()];
