// Closing one request's handles in order (request, then connect), each only after the
// previous HANDLE_CLOSING; native memory is freed at the request handle's HANDLE_CLOSING.
// When HANDLE_CLOSING does not come in time the request still ends (finalize with a
// problem), and whatever arrives later still closes and frees what is left.
import { api, isNull } from './api.js';
import type { RequestHandles } from './open-handles.js';

interface CloserHooks {
  afterCall(): void;
  /** The request handle is gone: nothing can touch its buffers any more. */
  freeMemory(): void;
  /** Every handle closed (or the grace ran out: `problem` says so). */
  finalize(problem?: string): void;
  /** A late HANDLE_CLOSING completed the teardown after finalize. */
  lateClosed(): void;
}

export class HandleCloser {
  private issued = false;
  private requestClosed = false;
  private connectClosed = false;
  private timer?: NodeJS.Timeout;
  finalized = false;

  constructor(
    private readonly handles: RequestHandles,
    private readonly hooks: CloserHooks,
  ) {}

  /** True once nothing of the request remains open. */
  get fullyClosed(): boolean {
    return this.connectClosed || (this.requestClosed && isNull(this.handles.connect));
  }

  close(graceMs: number): void {
    if (this.issued) return;
    this.issued = true;
    this.extend(graceMs);
    if (isNull(this.handles.request)) return this.onHandleClosing(null);
    api.InternetCloseHandle(this.handles.request);
    this.hooks.afterCall();
  }

  /** A new grace from now (the pending call the short grace was for has completed after all). */
  extend(graceMs: number): void {
    if (!this.issued || this.finalized) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.finish(`HANDLE_CLOSING did not arrive within ${graceMs} ms`), graceMs);
  }

  onHandleClosing(h: unknown): void {
    if (!this.requestClosed && (isNull(this.handles.request) || h === this.handles.request)) {
      this.requestClosed = true;
      this.hooks.freeMemory();
      if (isNull(this.handles.connect)) return this.finish();
      api.InternetCloseHandle(this.handles.connect);
      this.hooks.afterCall();
    } else if (h === this.handles.connect) {
      this.connectClosed = true;
      if (this.finalized) this.hooks.lateClosed();
      else this.finish();
    }
  }

  private finish(problem?: string): void {
    if (this.finalized) return;
    this.finalized = true;
    clearTimeout(this.timer);
    this.hooks.finalize(problem);
  }
}
