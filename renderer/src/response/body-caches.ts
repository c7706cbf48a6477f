// The viewers' slice caches of response bodies, one per request id, kept while the app store
// holds that response: a closed tab's cached body bytes go with its exchange.
import type { SliceCache } from '../viewers/slice-cache.js';

const caches = new Map<string, SliceCache>();

/** The wire view keys a cache by the id alone; the decoded view adds this suffix. */
const DECODED = '#decoded';
const idOf = (key: string): string => (key.endsWith(DECODED) ? key.slice(0, -DECODED.length) : key);

/** The body cache of a response (wire bytes or decoded): the one kept, else `fresh` (then kept). */
export function responseBodyCache(id: string, fresh: SliceCache, view: 'wire' | 'decoded' = 'wire'): SliceCache {
  const key = view === 'decoded' ? `${id}${DECODED}` : id;
  const kept = caches.get(key) ?? fresh;
  caches.set(key, kept);
  return kept;
}

/** Drops the caches of responses the store no longer holds. */
export function keepBodyCaches(responses: Record<string, unknown>): void {
  for (const key of caches.keys()) if (!(idOf(key) in responses)) caches.delete(key);
}

export const cachedBodyIds = (): string[] => [...new Set([...caches.keys()].map(idOf))];
