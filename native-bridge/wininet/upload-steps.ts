// The upload states of a request (seed 003, HttpSendRequestEx): send the head, write the body
// chunk by chunk with InternetWriteFile, end with HttpEndRequest. Each step names the next state.
import { api } from './api.js';
import type { NativeBuffers } from './native-buffers.js';
import type { State } from './request-types.js';
import type { UploadCursor } from './upload-cursor.js';

export type UploadState = 'sendEx' | 'write' | 'wrote' | 'end';
/** Runs one WinInet call; 0, PENDING, or the call's native error. */
export type CallFn = (name: string, fn: () => boolean) => number;

export function isUploadState(s: State): s is UploadState {
  return s === 'sendEx' || s === 'write' || s === 'wrote' || s === 'end';
}

export class UploadSteps {
  constructor(
    private readonly cursor: () => UploadCursor,
    private readonly mem: NativeBuffers,
    private readonly ctx: number,
    private readonly call: CallFn,
    private readonly progress: (uploaded: number, total: number) => void,
  ) {}

  /** One transition; `setState` runs before the call, since its completion resumes the next state. */
  step(state: UploadState, h: unknown, setState: (s: State) => void): number {
    const upload = this.cursor();
    switch (state) {
      case 'sendEx': {
        const w = this.mem.forUpload(upload.total);
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
    return this.call('InternetWriteFile', () => api.InternetWriteFile(h, rest.ptr, rest.len, rest.count));
  }
}
