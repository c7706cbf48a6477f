// The one way events are gathered for the next hop (curl worker → host main thread →
// client; core → UI). Every hand-off wakes another thread or process, and on a small
// machine each wake costs more than the work it carries (bench/keepalive.ts,
// docs/benchmarks.md): so a request's progress events wait up to EVENT_FLUSH_MS to travel
// together, and its `headers` (what the status line waits for) and `finished` (what a caller
// waits for) take them along at once.
// Nothing is dropped or reordered; only when they are sent changes.
import { performance } from 'node:perf_hooks';

export const EVENT_FLUSH_MS = 8;

/** A message that must not wait: a response head, the end of a request or an answer to a command. */
export function flushesAtOnce(msg: { type: string }): boolean {
  return msg.type !== 'native' && msg.type !== 'started' && msg.type !== 'body' && msg.type !== 'upload';
}

/**
 * Items handed to `deliver` together: `waitMs` after the first one, or at the end of the
 * current task once an urgent one comes (still one hand-off for all the task queued).
 * `timed: false` sets no timers, for a thread that never yields (the curl worker's poll
 * loop): it asks wait() and calls flush() itself.
 */
export class Batcher<T> {
  private items: T[] = [];
  private firstAt = 0;
  private urgent = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly deliver: (items: T[]) => void,
    private readonly waitMs: number,
    private readonly timed = true,
  ) {}

  add(item: T, urgent = false): void {
    if (this.items.length === 0) this.firstAt = performance.now();
    this.items.push(item);
    if (!this.timed || !urgent) {
      this.urgent ||= urgent;
      if (this.timed) this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    } else if (!this.urgent) {
      this.urgent = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** How long the batch may still wait: 0 means now, Infinity that it is empty. */
  wait(): number {
    if (this.items.length === 0) return Infinity;
    return this.urgent ? 0 : Math.max(0, this.firstAt + this.waitMs - performance.now());
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.urgent = false;
    if (this.items.length === 0) return;
    const batch = this.items;
    this.items = [];
    this.deliver(batch);
  }
}
