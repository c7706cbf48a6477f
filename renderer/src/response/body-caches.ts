// The viewers' slice caches of response bodies, one per request id, kept while the app store
// holds that response: a closed tab's cached body bytes go with its exchange.
import type { SliceCache } from '../viewers/slice-cache.js';

const caches = new Map<string, SliceCache>();

/** The body cache of a response: the one kept, else `fresh` (then kept). */
export function responseBodyCache(id: string, fresh: SliceCache): SliceCache {
  const kept = caches.get(id) ?? fresh;
  caches.set(id, kept);
  return kept;
}

/** Drops the caches of responses the store no longer holds. */
export function keepBodyCaches(responses: Record<string, unknown>): void {
  for (const id of caches.keys()) if (!(id in responses)) caches.delete(id);
}

export const cachedBodyIds = (): string[] => [...caches.keys()];
