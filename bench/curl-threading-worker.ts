// Worker-thread side of strategy B: loads koffi + libcurl on its own JS thread, prepares
// the transfer, says "ready", and on "go" runs a blocking multi loop so that every write
// callback runs directly on this worker's JS thread (no relay to the main thread).
import { parentPort, workerData } from 'node:worker_threads';
import { createTransfer, curlError, initCurl, runMultiLoop } from './curl-threading-ffi.js';

export interface WorkerJob {
  url: string;
  file: string;
  bufferSize: number;
}

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; callbacks: number; bytes: number; seconds: number; error?: string };

const port = parentPort;
if (!port) throw new Error('curl-threading-worker must run as a worker thread');
const job = workerData as WorkerJob;

initCurl();
const transfer = createTransfer(job.url, job.file, job.bufferSize);
port.once('message', () => {
  const t0 = performance.now();
  let error: string | undefined;
  try {
    error = curlError(runMultiLoop(transfer), transfer);
  } catch (e) {
    error = (e as Error).message;
  } finally {
    transfer.dispose();
  }
  const { callbacks, bytes } = transfer.stats;
  const reply: WorkerReply = { kind: 'done', callbacks, bytes, seconds: (performance.now() - t0) / 1000, error };
  port.postMessage(reply);
});
port.postMessage({ kind: 'ready' } satisfies WorkerReply);
