// The host's side of the connection: messages are written as NDJSON, gathered so that a
// request's events cost one write (one wake of the client) where they can (event-flush.ts).
import type net from 'node:net';
import { EVENT_FLUSH_MS, flushesAtOnce } from '../event-flush.js';

export class Outbox {
  private lines: string[] = [];
  private immediate = false;
  private timer?: NodeJS.Timeout;
  constructor(private readonly sock: net.Socket) {}

  send<T extends { type: string }>(msg: T): void {
    this.lines.push(JSON.stringify(msg));
    if (flushesAtOnce(msg)) {
      // Still one write for everything queued by the current task (a worker's batch of
      // events), without waiting for another turn of the event loop.
      if (!this.immediate) {
        this.immediate = true;
        queueMicrotask(() => this.flush());
      }
    } else this.timer ??= setTimeout(() => this.flush(), EVENT_FLUSH_MS);
  }

  flush(): void {
    this.immediate = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lines.length === 0) return;
    this.sock.write(this.lines.join('\n') + '\n');
    this.lines = [];
  }
}
