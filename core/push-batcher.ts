// Events of every request gathered and pushed to the UI about once a frame (16 ms): a
// download produces thousands of events a second, and one IPC message per event would
// cost more than the rendering it feeds. The catch server's events go the same way, in a
// push of their own kind with the summaries of the requests they changed.
import type { Push } from '../contract/api.js';
import type { CatchEvent, CaughtSummary } from '../contract/catch.js';
import type { InetEvent } from '../contract/events.js';
import type { Log } from './command-failure.js';

const FRAME_MS = 16;

export class PushBatcher {
  private pending: InetEvent[] = [];
  private caught: CatchEvent[] = [];
  private changed = new Map<string, CaughtSummary>();
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(push: Push) => void>();

  constructor(private readonly log: Log) {}

  add(event: InetEvent): void {
    this.pending.push(event);
    this.timer ??= setTimeout(() => this.flush(), FRAME_MS);
  }

  /** `summary` is the caught request's live summary: it is copied when the batch leaves. */
  addCaught(event: CatchEvent, summary: CaughtSummary): void {
    this.caught.push(event);
    this.changed.set(summary.id, summary);
    this.timer ??= setTimeout(() => this.flush(), FRAME_MS);
  }

  subscribe(listener: (push: Push) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length > 0) {
      this.emit({ kind: 'events', events: this.pending });
      this.pending = [];
    }
    if (this.caught.length > 0) {
      const requests = [...this.changed.values()].map((s) => structuredClone(s));
      this.emit({ kind: 'caught', events: this.caught, requests });
      this.caught = [];
      this.changed = new Map();
    }
  }

  private emit(push: Push): void {
    for (const l of this.listeners) {
      try {
        l(push);
      } catch (e) {
        // One broken listener (a closed window) must not starve the others.
        this.log(`push listener failed: ${(e as Error).message}`);
      }
    }
  }
}
