// How one request makes its WinInet calls (seeds 001, 002): one call at a time, each
// completing at once (its error read with GetLastError right after it) or returning
// ERROR_IO_PENDING, when the REQUEST_COMPLETE callback resumes the request. It knows which
// call is pending, since when, which one finished last, and whether a call is under way
// (a handle is closed only when none is).
import type { EventStamper } from '../../engine/event-stamper.js';
import { api, ERROR_IO_PENDING } from './api.js';
import { PENDING } from './request-limits.js';
import type { AsyncResult } from './status-info.js';

interface CallHooks {
  /** Runs after every WinInet call (the owner's GC-stress hook). */
  afterCall(): void;
  /** A call on the JS thread returned and none is under way any more. */
  idle(): void;
  /** A call completed off the REQUEST_COMPLETE path: resume as at one. */
  complete(r: AsyncResult): void;
  /** The request is closing: nothing resumes it any more. */
  closing(): boolean;
}

export class RequestCalls {
  /** The call that returned ERROR_IO_PENDING, until its completion. */
  pending: string | null = null;
  /** When the current call began (ms of the request): silence is measured from it. */
  since = 0;
  /** The call whose result the request acts on now. */
  lastCall = '';
  /** Calls that went pending (the finished event's `ioPending`). */
  ioPending = 0;
  private usage = 0;

  constructor(
    private readonly ev: EventStamper,
    private readonly hooks: CallHooks,
  ) {}

  /** True while nobody is inside a call with the request's handle. */
  get idle(): boolean {
    return this.usage === 0;
  }

  /** Runs one WinInet call; returns 0, PENDING, or its native error. */
  call(name: string, fn: () => boolean): number {
    this.since = this.ev.now();
    this.usage++;
    let ok: boolean;
    try {
      ok = fn();
    } finally {
      this.usage--;
    }
    const err = ok ? 0 : (api.GetLastError() as number);
    this.hooks.afterCall();
    if (this.usage === 0) this.hooks.idle();
    if (err === ERROR_IO_PENDING) {
      this.pending = name;
      this.ioPending++;
      return PENDING;
    }
    this.lastCall = name;
    return err;
  }

  /**
   * A call on a koffi worker thread (upload-steps.ts): `start` queues it, and its `done` gets
   * the call's error (0: success) exactly once, on the JS thread; that resumes the request
   * once, as a REQUEST_COMPLETE does. Returns PENDING.
   */
  offThread(name: string, start: (done: (error: number) => void) => void): number {
    this.since = this.ev.now();
    start((error) => (error === ERROR_IO_PENDING ? this.ioPending++ : this.hooks.complete({ result: error ? 0n : 1n, error })));
    this.pending = name;
    this.hooks.afterCall();
    return PENDING;
  }

  /** A second REQUEST_COMPLETE for the last call (wine-quirks.ts): taken as pending, or given up after `graceMs`. */
  awaitRepeat(name: string, graceMs: number): number {
    this.pending = name;
    this.ioPending++;
    setTimeout(() => this.pending === name && !this.hooks.closing() && this.hooks.complete({ result: 1n, error: 0 }), graceMs);
    return PENDING;
  }

  /** REQUEST_COMPLETE: the call that was pending (none: a completion nobody waits for). */
  completed(): string | null {
    const op = this.pending;
    this.pending = null;
    return op;
  }
}
