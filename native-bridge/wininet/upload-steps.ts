// The upload states of a request (seed 003, HttpSendRequestEx): send the head, write the body
// chunk by chunk with InternetWriteFile, end with HttpEndRequest. Each step names the next state.
import { api } from './api.js';
import type { NativeBuffers } from './native-buffers.js';
import type { State } from './request-types.js';
import type { UploadCursor } from './upload-cursor.js';
import { UNDER_WINE, writeOffJsThread } from './wine-quirks.js';

export type UploadState = 'sendEx' | 'write' | 'wrote' | 'end';
/** Runs one WinInet call; 0, PENDING, or the call's native error. */
export type CallFn = (name: string, fn: () => boolean) => number;
/**
 * Starts a call on a koffi worker thread; `done` gets its error (0: success) exactly once,
 * on the JS thread. Returns PENDING: the request resumes at `done`, as at a REQUEST_COMPLETE.
 */
export type OffThreadFn = (name: string, start: (done: (error: number) => void) => void) => number;

/** What a koffi async call that failed in koffi itself (not in WinInet) reports: INTERNAL_ERROR. */
const ERROR_INTERNET_INTERNAL_ERROR = 12004;

export function isUploadState(s: State): s is UploadState {
  return s === 'sendEx' || s === 'write' || s === 'wrote' || s === 'end';
}

export class UploadSteps {
  constructor(
    private readonly cursor: () => UploadCursor,
    private readonly mem: NativeBuffers,
    private readonly ctx: number,
    private readonly call: CallFn,
    private readonly offThread: OffThreadFn,
    private readonly progress: (uploaded: number, total: number) => void,
  ) {}

  /** One transition; `setState` runs before the call, since its completion resumes the next state. */
  step(state: UploadState, h: unknown, setState: (s: State) => void): number {
    const upload = this.cursor();
    switch (state) {
      case 'sendEx': {
        const w = this.mem.forUpload(upload.contentLength);
        setState('write');
        return this.call('HttpSendRequestExW', () => api.HttpSendRequestExW(h, w.buffersIn, null, 0, this.ctx));
      }
      case 'write':
        if (upload.load()) return this.write(h, setState);
        setState('end');
        return 0;
      case 'wrote': {
        const whole = upload.accept();
        this.progress(upload.uploaded, upload.total);
        if (!whole) return this.write(h, setState);
        setState('write');
        return 0;
      }
      case 'end':
        setState('head');
        return this.call('HttpEndRequestW', () => api.HttpEndRequestW(h, null, 0, this.ctx));
    }
  }

  private write(h: unknown, setState: (s: State) => void): number {
    const rest = this.cursor().rest();
    setState('wrote');
    if (!writeOffJsThread(UNDER_WINE)) return this.call('InternetWriteFile', () => api.InternetWriteFile(h, rest.ptr, rest.len, rest.count));
    // The worker thread writes from and into this request's native memory: it stays until the call returned.
    return this.offThread('InternetWriteFile', (done) => {
      this.mem.hold();
      api.InternetWriteFile.async(h, rest.ptr, rest.len, rest.count, (e: unknown, ok: boolean) => {
        // koffi hands the worker's last error to this callback's thread: read it before anything else.
        const error = e ? ERROR_INTERNET_INTERNAL_ERROR : ok ? 0 : (api.GetLastError() as number);
        this.mem.release();
        done(error);
      });
    });
  }
}
