// --trace-ascii FILE|- (and --trace-time) at the CLI's edge: the trace text of each event
// as it arrives, and the body bytes read back from the CLI's own sink file as they grow,
// in pieces of at most 16 KiB (curl's largest write), so a huge body is never held whole.
import fs from 'node:fs';
import type { InetEvent } from '../contract/events.js';
import { traceChunk, traceEvent, traceStamp } from '../domain/trace-ascii.js';
import { CliFailure } from './cli-exchange.js';

const PIECE = 16 * 1024;

export class TraceOutput {
  private readonly fd: number;
  private wallStart = Date.now();
  private sink?: number;
  private read = 0;
  private readonly buf = Buffer.allocUnsafe(PIECE);

  constructor(
    target: string,
    private readonly withTime: boolean,
    private readonly sinkPath: () => string,
  ) {
    try {
      this.fd = target === '-' ? 1 : fs.openSync(target, 'w');
    } catch (e) {
      throw new CliFailure(`cannot write the trace to ${target}: ${(e as Error).message}`, 23);
    }
  }

  private stamp(t: number): string {
    return this.withTime ? traceStamp(this.wallStart + t) : '';
  }

  onEvent(ev: InetEvent): void {
    if (ev.type === 'started') this.wallStart = ev.wallTime;
    if (ev.type === 'body') this.body(ev.bytes, this.stamp(ev.t));
    else fs.writeSync(this.fd, traceEvent(ev, this.stamp(ev.t)), null, 'latin1');
  }

  /** The sink's bytes up to `total`; a sink the host already removed ends the data trace. */
  private body(total: number, stamp: string): void {
    try {
      this.sink ??= fs.openSync(this.sinkPath(), 'r');
      while (this.read < total) {
        const n = fs.readSync(this.sink, this.buf, 0, Math.min(PIECE, total - this.read), this.read);
        if (n === 0) break;
        this.read += n;
        fs.writeSync(this.fd, traceChunk('Recv data', this.buf.subarray(0, n), stamp), null, 'latin1');
      }
    } catch {
      this.read = total;
    }
  }

  close(): void {
    if (this.sink !== undefined) fs.closeSync(this.sink);
    if (this.fd !== 1) fs.closeSync(this.fd);
  }
}
