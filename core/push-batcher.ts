// Events of every request gathered and pushed to the UI about once a frame (16 ms): a
// download produces thousands of events a second, and one IPC message per event would
// cost more than the rendering it feeds.
import type { Push } from '../contract/api.js';
import type { InetEventDto } from '../contract/events.js';
import type { Log } from './command-failure.js';

const FRAME_MS = 16;

export class PushBatcher {
  private pending: InetEventDto[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(push: Push) => void>();

  constructor(private readonly log: Log) {}

  add(event: InetEventDto): void {
    this.pending.push(event);
    this.timer ??= setTimeout(() => this.flush(), FRAME_MS);
  }

  subscribe(listener: (push: Push) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const push: Push = { kind: 'events', events: this.pending };
    this.pending = [];
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
