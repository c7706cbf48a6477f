// When queued events leave for the next hop (curl worker → host main thread → client).
// Every hand-off wakes another thread or process, and on a small machine each wake costs
// more than the work it carries (bench/keepalive.ts, docs/benchmarks.md):
// so a request's progress events wait up to EVENT_FLUSH_MS to travel together, and its
// `finished` event (what a caller waits for) takes them along at once. Nothing is dropped
// or reordered; only when they are sent changes. The UI batches per frame (16 ms) anyway.
export const EVENT_FLUSH_MS = 8;

/** A message that must not wait: it ends a request or answers a command. */
export function flushesAtOnce(msg: { type: string }): boolean {
  return msg.type !== 'native' && msg.type !== 'started' && msg.type !== 'headers' && msg.type !== 'body' && msg.type !== 'upload';
}
