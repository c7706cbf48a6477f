// The response body of one request, for every engine: its sink, its byte count, and body
// progress events (at most one per 16 ms, and always one with the final count).
import { openSink, type SinkWriter } from './body-io.js';
import type { EventStamper } from './event-stamper.js';
import type { BodySink, RequestSpec } from './request-spec.js';

const PROGRESS_EVERY_MS = 16;
const REDIRECTS = new Set([300, 301, 302, 303, 307, 308]);

/** The Location a redirect response would be followed to, raw (undefined: none, or blank). */
export function locationOf(rawHeaders: string): string | undefined {
  const value = /^location:([^\r\n]*)$/im.exec(rawHeaders)?.[1]?.trim();
  return value ? value : undefined;
}

/**
 * Whether a final head ends the request there, its body unread into the sink: the caller
 * follows redirects (curl -L's rule: one of these statuses with a non-blank Location).
 * The one decision both engines make.
 */
export function redirectEndsHop(spec: Pick<RequestSpec, 'callerFollows'>, statusCode: number, rawHeaders: string): boolean {
  return spec.callerFollows && REDIRECTS.has(statusCode) && locationOf(rawHeaders) !== undefined;
}

export class BodyReceiver {
  bytes = 0;
  private sink?: SinkWriter;
  private total?: number;
  private reported = -1;
  private lastProgress = -Infinity;
  /** A redirect's body the caller follows past: counted as drained, never stored or reported. */
  private skipping = false;

  constructor(
    private readonly spec: BodySink,
    private readonly ev: EventStamper,
  ) {}

  /** Taking the body: into its sink, or drained (skip). */
  get opened(): boolean {
    return this.sink !== undefined || this.skipping;
  }

  /** At the final response head. Throws BodyIoError. */
  open(total: number | undefined): void {
    this.total = total;
    this.sink = openSink(this.spec);
  }

  /** At a redirect head that ends the hop (redirectEndsHop): the body is drained, not kept. */
  skip(): void {
    this.skipping = true;
  }

  /** Throws BodyIoError; the chunk may be reused by the caller afterwards. */
  write(chunk: Uint8Array): void {
    if (this.skipping) {
      this.bytes += chunk.length;
      return;
    }
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
    if (!this.skipping && this.reported !== this.bytes) this.report();
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
