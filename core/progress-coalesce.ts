// What one push carries of a fast transfer's progress: a 100 MB download pushes about a
// thousand `body` events a frame, and the page only ever shows the latest count, so of
// the progress events (body, upload) of one request and hop in a batch only the last goes
// on. Every other event goes, in order. History keeps every event (core/request-runner.ts
// records them before they reach the push batcher): only the pushed copy is thinned.
import type { InetEvent } from '../contract/events.js';

const isProgress = (e: InetEvent): boolean => e.type === 'body' || e.type === 'upload';
const keyOf = (e: InetEvent): string => `${e.type}\u0000${e.hop}\u0000${e.id}`;

/** The batch without the progress events a later one of the same request, hop and type supersedes. */
export function coalesceProgress(events: readonly InetEvent[]): InetEvent[] {
  const lastAt = new Map<string, number>();
  events.forEach((e, i) => {
    if (isProgress(e)) lastAt.set(keyOf(e), i);
  });
  return events.filter((e, i) => !isProgress(e) || lastAt.get(keyOf(e)) === i);
}
