// The response side of a caught request, as seed 004's asynchronous writes: headers
// written, then body writes one at a time, each reported from its completion callback
// (optionally paced to a byte rate), then the end. A client that goes away ends every wait.
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { transmitFile, ZERO_COPY_MIN_BYTES, zeroCopyReady } from '../../native-bridge/sendfile/index.js';
import type { Recorder } from './recorder.js';

const THROTTLE_TICK_MS = 100;
const MAX_SLICE = 256 * 1024;

export class ResponseWriter {
  /** Body bytes whose write completed. */
  written = 0;
  statusCode: number | undefined;
  headerPairs: Array<[string, string]> | undefined;
  readonly closed: Promise<void>;
  private isClosed = false;
  private declared = NaN;
  private readonly startedAt = Date.now();

  constructor(
    private readonly res: ServerResponse,
    private readonly rec: Recorder,
    private readonly throttle: number | undefined,
    /** HEAD: headers only. */
    readonly headOnly: boolean,
  ) {
    this.closed = new Promise((resolve) => res.once('close', () => ((this.isClosed = true), resolve())));
  }

  /** The client is gone, or the response ended. */
  get gone(): boolean {
    return this.isClosed || this.res.destroyed;
  }

  /** The response ended, or every declared body byte was written (a client may close
   * as soon as it has them, before the end is flushed). */
  get finished(): boolean {
    return this.res.writableFinished || (this.statusCode !== undefined && (this.headOnly || this.written === this.declared));
  }

  head(statusCode: number, headers: Record<string, string | number>): void {
    for (const [k, v] of Object.entries(headers)) this.res.setHeader(k, v);
    this.declared = Number(headers['Content-Length']);
    this.res.writeHead(statusCode);
    // Out now, not with the first body write: the event says the headers were written.
    this.res.flushHeaders();
    this.statusCode = statusCode;
    this.headerPairs = pairs(this.res.getHeaders());
    this.rec.emit({ type: 'RESPONSE_HEADERS_WRITTEN', statusCode, headers: this.headerPairs });
  }

  /** Writes `chunk` (in paced slices if throttled); false once the client is gone. */
  async write(chunk: Buffer): Promise<boolean> {
    if (this.headOnly) return !this.gone;
    const slice = this.throttle ? Math.max(1, Math.min(MAX_SLICE, Math.floor(this.throttle / (1000 / THROTTLE_TICK_MS)))) : chunk.length;
    for (let at = 0; at < chunk.length; at += slice) {
      if (this.throttle) await this.pace();
      if (this.gone) return false;
      const part = chunk.subarray(at, Math.min(chunk.length, at + slice));
      const ok = await Promise.race([new Promise<boolean>((resolve) => this.res.write(part, (e) => resolve(!e))), this.closed.then(() => false)]);
      if (!ok) return false;
      this.written += part.length;
      this.rec.emit({ type: 'BODY_WRITE_COMPLETED', bytes: part.length, total: this.written });
    }
    return true;
  }

  /**
   * Hands `count` bytes of `file` to the kernel (sendfile in a worker: seed 004's
   * TransmitFile), reported as one write completion. Undefined where that cannot be done
   * (not Linux, throttled, small, no fd, the worker failed to start): the caller streams.
   */
  async transmitZeroCopy(file: string, start: number, count: number): Promise<number | undefined> {
    const socket = this.res.socket;
    if (this.throttle || this.headOnly || count < ZERO_COPY_MIN_BYTES || !socket || !(await zeroCopyReady())) return undefined;
    // Nothing of Node's may be in flight on the socket while the worker writes to it.
    if (socket.writableLength > 0) await Promise.race([once(socket, 'drain'), this.closed]);
    if (this.gone) return undefined;
    const pending = transmitFile(socket, file, start, count, this.closed);
    if (!pending) return undefined;
    const r = await pending;
    if (r.sent === 0 && r.error !== undefined && r.error !== 'cancelled') return undefined;
    this.written += r.sent;
    this.rec.emit({ type: 'BODY_WRITE_COMPLETED', bytes: r.sent, total: this.written });
    // A body cut short must not look complete to the client: close the connection.
    if (r.sent < count) this.res.destroy();
    return r.sent;
  }

  /** Ends the response; resolves when it is flushed, or when the client is gone. */
  async end(): Promise<void> {
    if (this.gone) return;
    await Promise.race([new Promise<void>((resolve) => this.res.end(() => resolve())), this.closed]);
  }

  /** Waits until `written` bytes are within the allowed rate. */
  private async pace(): Promise<void> {
    const due = this.startedAt + (this.written / (this.throttle as number)) * 1000;
    const wait = due - Date.now();
    if (wait > 0) await Promise.race([new Promise((r) => setTimeout(r, wait)), this.closed]);
  }
}

function pairs(h: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(h).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, String(x)] as [string, string]) : [[k, String(v)] as [string, string]]));
}
