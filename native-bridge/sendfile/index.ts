// Zero-copy file transmission for the catch server (seed 004's TransmitFile): on Linux,
// sendfile(2) through koffi in a worker thread that owns the socket for the transfer, so
// the JS thread never blocks. Elsewhere (or when the socket's fd cannot be had) the caller
// streams the file instead. One worker per transfer: it costs a few ms to start, so the
// caller uses this only for large bodies.
import { Worker } from 'node:worker_threads';
import type { Socket } from 'node:net';
import type { TransmitJob, TransmitResult } from './protocol.js';

export const ZERO_COPY_MIN_BYTES = 1024 * 1024;

export function zeroCopyAvailable(): boolean {
  return process.platform === 'linux' && process.env.INETSCOPE_NO_SENDFILE !== '1';
}

/** The socket's file descriptor (Node keeps it on its internal handle), if it has one. */
export function socketFd(socket: Socket): number | undefined {
  const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : undefined;
}

/**
 * Sends `count` bytes of `file` from `start` on the socket. The caller must not write to
 * the socket until this resolves; `gone` resolves when the client went away (the worker
 * then stops within ~100 ms).
 */
export function transmitFile(fd: number, file: string, start: number, count: number, gone: Promise<void>): Promise<TransmitResult> {
  const cancel = new SharedArrayBuffer(4);
  const job: TransmitJob = { socketFd: fd, file, start, count, cancel };
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });
  void gone.then(() => Atomics.store(new Int32Array(cancel), 0, 1));
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: TransmitResult) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    worker.once('message', (r: TransmitResult) => finish(r));
    worker.once('error', (e) => finish({ sent: 0, error: e.message }));
    worker.once('exit', () => finish({ sent: 0, error: 'the sendfile worker exited' }));
  });
}
