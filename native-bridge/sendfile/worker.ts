// The sendfile worker: sendfile(2) from the file to the socket on this thread, blocking
// only this thread. The socket is non-blocking (libuv's): on EAGAIN the worker waits in
// poll(2) for writability, checking the cancel flag between waits.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import koffi from 'koffi';
import type { TransmitJob, TransmitResult } from './protocol.js';

const libc = koffi.load('libc.so.6');
const PollFd = koffi.struct('inetscope_pollfd', { fd: 'int', events: 'short', revents: 'short' });
const sendfile = libc.func('intptr_t sendfile(int out_fd, int in_fd, _Inout_ int64_t *offset, size_t count)');
const poll = libc.func('int poll(_Inout_ inetscope_pollfd *fds, unsigned long nfds, int timeout)');
void PollFd;

const POLLOUT = 0x4;
const EAGAIN = 11;
const EINTR = 4;
/** Per call: large, but bounded so the cancel flag is looked at now and then. */
const SLICE = 16 * 1024 * 1024;

function transmit(job: TransmitJob): TransmitResult {
  const cancel = new Int32Array(job.cancel);
  const inFd = fs.openSync(job.file, 'r');
  const offset = [job.start];
  let sent = 0;
  try {
    while (sent < job.count) {
      if (Atomics.load(cancel, 0) !== 0) return { sent, error: 'cancelled' };
      const n = Number(sendfile(job.socketFd, inFd, offset, Math.min(SLICE, job.count - sent)));
      if (n > 0) {
        sent += n;
        continue;
      }
      if (n === 0) return { sent, error: 'the file ended early' };
      const errno = koffi.errno();
      if (errno === EINTR) continue;
      if (errno !== EAGAIN) return { sent, error: `sendfile failed (errno ${errno})` };
      const fds = { fd: job.socketFd, events: POLLOUT, revents: 0 };
      poll(fds, 1, 100);
    }
    return { sent };
  } finally {
    fs.closeSync(inFd);
  }
}

const result = transmit(workerData as TransmitJob);
parentPort?.postMessage(result);
