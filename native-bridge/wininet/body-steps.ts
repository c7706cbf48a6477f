// The body states of a request (seed 002's read loop): InternetReadFile into the request's
// native read buffer, then, once the read completed, its bytes copied out to the body sink
// (read-accounting.ts decides the count, and whether an empty read is the end or is checked
// with InternetQueryDataAvailable first). Each step names the next state.
import type { EngineErrorInfo } from '../../contract/events.js';
import type { BodyReceiver } from '../../engine/body-receiver.js';
import { api, koffi } from './api.js';
import { READ_SIZE, readScratch, type NativeBuffers } from './native-buffers.js';
import type { ResponseHead } from './query.js';
import { ReadAccounting } from './read-accounting.js';
import type { RequestCalls } from './request-calls.js';
import { PENDING } from './request-limits.js';
import type { State } from './request-types.js';

type BodyState = 'read' | 'consume' | 'probe' | 'probed';

export function isBodyState(s: State): s is BodyState {
  return s === 'read' || s === 'consume' || s === 'probe' || s === 'probed';
}

export class BodySteps {
  private readonly reads = new ReadAccounting(READ_SIZE);

  constructor(
    private readonly calls: RequestCalls,
    private readonly mem: NativeBuffers,
    private readonly ctx: number,
    private readonly body: BodyReceiver,
    /** The response head whose body this is. */
    private readonly head: () => ResponseHead | undefined,
    /** Fails the request inside a step; returns what the step returns then. */
    private readonly failed: (error: EngineErrorInfo) => number,
  ) {}

  /** RESPONSE_RECEIVED while an InternetReadFile is pending (its bytes, decoded in the callback). */
  received(bytes: number): void {
    this.reads.received(bytes);
  }

  /** A pending InternetQueryDataAvailable completed with this many bytes available. */
  probeCompleted(available: number): void {
    this.reads.asyncProbe(available);
  }

  /** One transition; `setState` runs before the call, since its completion resumes the next state. */
  step(state: BodyState, h: unknown, setState: (s: State) => void): number {
    switch (state) {
      case 'read': {
        setState('consume');
        this.reads.beginRead();
        const r = this.calls.call('InternetReadFile', () => api.InternetReadFile(h, this.mem.readBuf, READ_SIZE, this.mem.readCount));
        if (r === PENDING) this.reads.readPending();
        return r;
      }
      case 'consume':
        return this.consume(setState);
      case 'probe':
        setState('probed');
        return this.calls.call('InternetQueryDataAvailable', () => api.InternetQueryDataAvailable(h, this.mem.available, 0, this.ctx));
      case 'probed':
        return this.probed(setState);
    }
  }

  private consume(setState: (s: State) => void): number {
    const r = this.reads.completed(koffi.decode(this.mem.readCount, 'uint32_t') as number);
    if ('error' in r) return this.failed(r.error);
    if ('next' in r) {
      setState(r.next);
      return 0;
    }
    const n = r.bytes;
    // Copied out into a reused buffer (the sink copies what it keeps).
    api.CopyFromNative(readScratch, this.mem.readBuf, n);
    // Bytes past the Content-Length are not the body; once all of it is in, no read to learn so.
    const head = this.head();
    const rest = head?.contentLength === undefined || head.chunked ? undefined : Math.max(0, head.contentLength - this.body.bytes);
    this.body.write(readScratch.subarray(0, Math.min(n, rest ?? n)));
    setState(rest !== undefined && n >= rest ? 'eof' : 'read');
    return 0;
  }

  private probed(setState: (s: State) => void): number {
    const r = this.reads.probed(koffi.decode(this.mem.available, 'uint32_t') as number);
    if ('error' in r) return this.failed(r.error);
    setState(r.next);
    return 0;
  }
}
