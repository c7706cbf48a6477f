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
function socketFd(socket: Socket): number | undefined {
  const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : undefined;
}

let libc: typeof import('./libc.js') | null | undefined;

/** Loads dup/close once (false where zero-copy cannot be done). Await it before transmitFile. */
export async function zeroCopyReady(): Promise<boolean> {
  if (!zeroCopyAvailable()) return false;
  if (libc === undefined) libc = await import('./libc.js').catch(() => null);
  return libc !== null;
}

/**
 * Sends `count` bytes of `file` from `start` on the socket, or undefined when it cannot
 * (not ready, no fd: the socket is gone). The fd is dup'ed synchronously here, so Node
 * closing its own when the client goes cannot hand the number to another file under the
 * worker; the dup is closed when the worker is done. The caller must not write to the
 * socket until this resolves; `gone` resolves when the client went away (the worker then
 * stops within ~100 ms).
 */
export function transmitFile(socket: Socket, file: string, start: number, count: number, gone: Promise<void>): Promise<TransmitResult> | undefined {
  const c = libc;
  const fd = socketFd(socket);
  if (!c || fd === undefined) return undefined;
  const own = c.dup(fd);
  if (own < 0) return undefined;
  const cancel = new SharedArrayBuffer(4);
  const job: TransmitJob = { socketFd: own, file, start, count, cancel };
  let worker: Worker;
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });
  } catch {
    c.close(own);
    return undefined;
  }
  void gone.then(() => Atomics.store(new Int32Array(cancel), 0, 1));
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: TransmitResult) => {
      if (done) return;
      done = true;
      // The worker has stopped using it (it posts its result last, or it died).
      c.close(own);
      resolve(r);
    };
    worker.once('message', (r: TransmitResult) => finish(r));
    worker.once('error', (e) => finish({ sent: 0, error: e.message }));
    worker.once('exit', () => finish({ sent: 0, error: 'the sendfile worker exited' }));
  });
}
