// The response body of one request, for every engine: its sink, its byte count, and body
// progress events (at most one per 16 ms, and always one with the final count).
import { openSink, type SinkWriter } from './body-io.js';
import type { EventStamper } from './event-stamper.js';
import type { BodySink } from './request-spec.js';

const PROGRESS_EVERY_MS = 16;

export class BodyReceiver {
  bytes = 0;
  private sink?: SinkWriter;
  private total?: number;
  private reported = -1;
  private lastProgress = -Infinity;

  constructor(
    private readonly spec: BodySink,
    private readonly ev: EventStamper,
  ) {}

  get opened(): boolean {
    return this.sink !== undefined;
  }

  /** At the final response head. Throws BodyIoError. */
  open(total: number | undefined): void {
    this.total = total;
    this.sink = openSink(this.spec);
  }

  /** Throws BodyIoError; the chunk may be reused by the caller afterwards. */
  write(chunk: Uint8Array): void {
    this.sink?.write(chunk);
    this.bytes += chunk.length;
    const now = this.ev.now();
    if (now - this.lastProgress >= PROGRESS_EVERY_MS) {
      this.lastProgress = now;
      this.report();
    }
  }

  /** The last progress event carries the final count. */
  flushProgress(): void {
    if (this.reported !== this.bytes) this.report();
  }

  private report(): void {
    this.reported = this.bytes;
    this.ev.lifecycle({ type: 'body', bytes: this.bytes, ...(this.total !== undefined ? { total: this.total } : {}) });
  }

  /** Flushes the body to stable storage (throws BodyIoError) and returns a memory body. */
  finish(): { bodyBase64?: string } {
    return this.sink?.finish() ?? {};
  }

  /** A failed request leaves nothing half-written. */
  abort(): void {
    this.sink?.abort();
  }
}
