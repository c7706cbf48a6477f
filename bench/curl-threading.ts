// Threading benchmark for the future libcurl engine: how should it run transfers without
// blocking its host's JS thread? Downloads BENCH_BYTES (default 1 GiB) from a loopback
// HTTP server (a child process) to a file, BENCH_ROUNDS times (default 3) per strategy,
// alternating; BENCH_STRATEGIES (comma list of ids) picks a subset:
//   curl-cli     A. `curl -s -o FILE URL`, the peer
//   worker       B. a worker_thread loads koffi + libcurl and runs a blocking multi loop;
//                   write callbacks run on the worker's own JS thread (no relay)
//   relay        C. curl_easy_perform.async on a libuv pool thread; every write callback
//                   is relayed to, and runs on, the main JS thread
//   worker-512k  D. B with CURLOPT_BUFFERSIZE 512 KiB (default 16 KiB)
//   relay-512k   E. C with CURLOPT_BUFFERSIZE 512 KiB
// The write callback copies each chunk out with koffi.decode and fs.writeSync's it.
// Reports MB/s, ratio to the CLI, write callbacks and the main thread's event-loop delay
// during each transfer (setInterval lag, monitorEventLoopDelay, eventLoopUtilization); every file's size (and 16 sampled blocks) is verified (exit 1 on
// failure). JSON goes to bench/results/curl-threading-latest.json.
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createTransfer, curlError, performAsync } from './curl-threading-ffi.js';
import {
  formatReport, STRATEGY_LABELS, summarize, type Lag, type Report, type RunResult, type StrategyId,
} from './curl-threading-report.js';
import type { WorkerJob, WorkerReply } from './curl-threading-worker.js';
import { curlVersion, envInt, runCurl, writeResult } from './common.js';

const MIB = 1024 * 1024;
const HERE = path.dirname(fileURLToPath(import.meta.url));

function strategyIds(): StrategyId[] {
  const all = Object.keys(STRATEGY_LABELS) as StrategyId[];
  const raw = process.env.BENCH_STRATEGIES;
  if (!raw) return all;
  const ids = raw.split(',').map((s) => s.trim()) as StrategyId[];
  const bad = ids.filter((id) => !all.includes(id));
  if (bad.length) throw new Error(`BENCH_STRATEGIES: unknown ${bad.join(', ')} (known: ${all.join(', ')})`);
  return ids;
}

/** Random bytes, written in 1 MiB blocks. */
function writeRandomFile(file: string, bytes: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (let left = bytes; left > 0; left -= MIB) fs.writeSync(fd, crypto.randomBytes(Math.min(MIB, left)));
  } finally {
    fs.closeSync(fd);
  }
}

function startServer(file: string): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(HERE, 'curl-threading-server.js'), [file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bench server exited early (code ${code})`)));
    child.once('message', (m: { port: number }) => resolve({ url: `http://127.0.0.1:${m.port}/data`, child }));
  });
}

/** Watches the main thread's event loop until the returned function is called. */
function watchLag(): () => Lag {
  const hist = monitorEventLoopDelay({ resolution: 10 });
  hist.enable();
  const elu0 = performance.eventLoopUtilization();
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 10);
  return () => {
    const elu = performance.eventLoopUtilization(elu0).utilization;
    clearInterval(timer);
    hist.disable();
    maxGap = Math.max(maxGap, performance.now() - last);
    // The histogram records whole timer periods: subtract its 10 ms resolution.
    const late = (ns: number): number => Math.max(0, ns / 1e6 - 10);
    return { maxIntervalLagMs: Math.max(0, maxGap - 10), p99Ms: late(hist.percentile(99)), maxMs: late(hist.max), elu };
  };
}

type Outcome = { seconds: number; callbacks?: number; workerSeconds?: number; error?: string };

async function runCli(url: string, file: string): Promise<Outcome> {
  const t0 = performance.now();
  const error = await runCurl(['-s', '-o', file, url]).then(() => undefined, (e: Error) => e.message);
  const seconds = (performance.now() - t0) / 1000;
  return error === undefined ? { seconds } : { seconds, error };
}

/** B/D: timed from "go" (the worker has loaded koffi and prepared its handle) to "done". */
async function runWorker(url: string, file: string, bufferSize: number): Promise<Outcome> {
  const job: WorkerJob = { url, file, bufferSize };
  const worker = new Worker(path.join(HERE, 'curl-threading-worker.js'), { workerData: job });
  try {
    let t0 = 0;
    const done = await new Promise<Extract<WorkerReply, { kind: 'done' }>>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`worker exited (code ${code}) before it was done`)));
      worker.on('message', (m: WorkerReply) => {
        if (m.kind === 'done') return resolve(m);
        t0 = performance.now();
        worker.postMessage('go');
      });
    });
    const seconds = (performance.now() - t0) / 1000;
    return { seconds, callbacks: done.callbacks, workerSeconds: done.seconds, error: done.error };
  } finally {
    await worker.terminate();
  }
}

/** C/E: curl_easy_perform on a koffi async thread, write callbacks relayed to this thread. */
async function runRelay(url: string, file: string, bufferSize: number): Promise<Outcome> {
  const t = createTransfer(url, file, bufferSize);
  try {
    const t0 = performance.now();
    const code = await performAsync(t);
    return { seconds: (performance.now() - t0) / 1000, callbacks: t.stats.callbacks, error: curlError(code, t) };
  } finally {
    t.dispose();
  }
}

const RUNNERS: Record<StrategyId, (url: string, file: string) => Promise<Outcome>> = {
  'curl-cli': runCli,
  worker: (u, f) => runWorker(u, f, 0),
  relay: (u, f) => runRelay(u, f, 0),
  'worker-512k': (u, f) => runWorker(u, f, 512 * 1024),
  'relay-512k': (u, f) => runRelay(u, f, 512 * 1024),
};

/** Size, plus 16 64 KiB blocks at spread offsets compared with the source file. */
function verify(source: string, file: string, bytes: number): string | undefined {
  const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
  if (size !== bytes) return size < 0 ? 'no file was written' : `file has ${size} bytes, expected ${bytes}`;
  const [a, b] = [fs.openSync(source, 'r'), fs.openSync(file, 'r')];
  try {
    const [ba, bb] = [Buffer.alloc(65536), Buffer.alloc(65536)];
    for (let i = 0; i < 16; i++) {
      const at = Math.floor(((bytes - 65536) * i) / 15);
      const n = fs.readSync(a, ba, 0, 65536, Math.max(0, at));
      fs.readSync(b, bb, 0, 65536, Math.max(0, at));
      if (!ba.subarray(0, n).equals(bb.subarray(0, n))) return `content differs from the source near offset ${at}`;
    }
  } finally {
    fs.closeSync(a);
    fs.closeSync(b);
  }
  return undefined;
}

interface Ctx {
  url: string;
  dir: string;
  source: string;
  bytes: number;
}

async function runOnce(ctx: Ctx, strategy: StrategyId, round: number): Promise<RunResult> {
  const file = path.join(ctx.dir, `${strategy}-${round}.bin`);
  const stopLag = watchLag();
  let out: Outcome;
  try {
    out = await RUNNERS[strategy](ctx.url, file);
  } catch (e) {
    out = { seconds: 0, error: (e as Error).message };
  }
  const lag = stopLag();
  const error = out.error ?? verify(ctx.source, file, ctx.bytes);
  fs.rmSync(file, { force: true });
  const mbps = ctx.bytes / 1e6 / out.seconds;
  const { seconds, callbacks, workerSeconds } = out;
  return { strategy, round, seconds, mbps, callbacks, workerSeconds, lag, ok: error === undefined, error };
}

async function main(): Promise<number> {
  const bytes = envInt('BENCH_BYTES', 1024 * MIB);
  const rounds = envInt('BENCH_ROUNDS', 3);
  const ids = strategyIds();
  const version = curlVersion();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'curl-threading-'));
  let server: ChildProcess | undefined;
  try {
    const source = path.join(dir, 'source.bin');
    writeRandomFile(source, bytes);
    const started = await startServer(source);
    server = started.child;
    const ctx: Ctx = { url: started.url, dir, source, bytes };
    const runs: RunResult[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const id of ids) {
        const r = await runOnce(ctx, id, round);
        console.error(`round ${round} ${id}: ${r.ok ? `${r.mbps.toFixed(1)} MB/s` : `FAILED ${r.error}`}`);
        runs.push(r);
      }
    }
    const failures = runs.filter((r) => !r.ok).length;
    const report: Report = {
      date: new Date().toISOString(), bytes, rounds, unit: 'MB/s (MB = 10^6 bytes)', node: process.version,
      curlVersion: version, strategies: summarize(runs, ids, bytes), runs, failures,
    };
    writeResult('curl-threading', report);
    console.log(formatReport(report));
    return failures === 0 ? 0 : 1;
  } finally {
    server?.removeAllListeners('exit');
    server?.disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    console.error(`curl-threading bench: ${e.message}`);
    process.exitCode = 1;
  },
);
