// The upload states of a request (seed 003, HttpSendRequestEx): send the head, write the body
// chunk by chunk with InternetWriteFile, end with HttpEndRequest. Each step names the next state.
import { BodyIoError } from '../../engine/body-io.js';
import { api } from './api.js';
import { querySentHead } from './query.js';
import type { NativeBuffers } from './native-buffers.js';
import type { RequestCalls } from './request-calls.js';
import type { State } from './request-types.js';
import type { UploadCursor } from './upload-cursor.js';
import { ERROR_INTERNET_INTERNAL_ERROR } from './errors.js';
import { lostBodyProblem, resendWanted } from './upload-redirect.js';
import { endRequestCompletesTwice, UNDER_WINE, writeOffJsThread } from './wine-quirks.js';

type UploadState = 'sendEx' | 'write' | 'wrote' | 'end' | 'ended';

/** How long a repeated REQUEST_COMPLETE (Wine's, after a redirect) is waited for. */
const REPEAT_GRACE_MS = 2000;


export function isUploadState(s: State): s is UploadState {
  return s === 'sendEx' || s === 'write' || s === 'wrote' || s === 'end' || s === 'ended';
}

export class UploadSteps {
  private resends = 0;
  private repeatAwaited = false;

  constructor(
    private readonly cursor: () => UploadCursor,
    private readonly mem: NativeBuffers,
    private readonly ctx: number,
    private readonly calls: Pick<RequestCalls, 'call' | 'offThread' | 'awaitRepeat'>,
    private readonly progress: (uploaded: number, total: number) => void,
    /** Redirects followed so far (REDIRECT callbacks). */
    private readonly hops: () => number,
  ) {}

  /** HttpEndRequest's ERROR_INTERNET_FORCE_RETRY: send it all again (true), or let it fail. */
  resend(error: number, lastCall: string, setState: (s: State) => void): boolean {
    if (!resendWanted(error, lastCall, this.resends)) return false;
    this.resends++;
    setState('sendEx');
    return true;
  }

  /** One transition; `setState` runs before the call, since its completion resumes the next state. */
  step(state: UploadState, h: unknown, setState: (s: State) => void): number {
    const upload = this.cursor();
    switch (state) {
      case 'sendEx': {
        // A resend (FORCE_RETRY, a certificate decision) sends the body from its start.
        upload.rewind();
        const w = this.mem.forUpload(upload.contentLength);
        setState('write');
        return this.calls.call('HttpSendRequestExW', () => api.HttpSendRequestExW(h, w.buffersIn, null, 0, this.ctx));
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
        setState('ended');
        return this.calls.call('HttpEndRequestW', () => api.HttpEndRequestW(h, null, 0, this.ctx));
      case 'ended': {
        if (endRequestCompletesTwice(UNDER_WINE, this.hops()) && !this.repeatAwaited) {
          this.repeatAwaited = true;
          return this.calls.awaitRepeat('HttpEndRequestW', REPEAT_GRACE_MS);
        }
        const lost = lostBodyProblem(this.hops(), upload.total, this.hops() > 0 ? querySentHead(h) : undefined);
        if (lost) throw new BodyIoError(lost);
        setState('head');
        return 0;
      }
    }
  }

  private write(h: unknown, setState: (s: State) => void): number {
    const rest = this.cursor().rest();
    setState('wrote');
    if (!writeOffJsThread(UNDER_WINE)) return this.calls.call('InternetWriteFile', () => api.InternetWriteFile(h, rest.ptr, rest.len, rest.count));
    // The worker thread writes from and into this request's native memory: it stays until the call returned.
    return this.calls.offThread('InternetWriteFile', (done) => {
      this.mem.hold();
      try {
        api.InternetWriteFile.async(h, rest.ptr, rest.len, rest.count, (e: unknown, ok: boolean) => {
          // koffi hands the worker's last error to this callback's thread: read it before anything else.
          // A call that failed in koffi itself (e), not in WinInet, reports INTERNAL_ERROR.
          const error = e ? ERROR_INTERNET_INTERNAL_ERROR : ok ? 0 : (api.GetLastError() as number);
          this.mem.release();
          done(error);
        });
      } catch (e) {
        // Not queued (koffi's async queue is full): nothing uses the memory.
        this.mem.release();
        throw e;
      }
    });
  }
}
