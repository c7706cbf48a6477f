// The libcurl engine, on the host's main thread: a worker thread runs the transfers
// (bench/curl-threading.ts measured why), this side forwards commands, wakes the
// worker's poll, and routes the batched events back to each request.
import { Worker } from 'node:worker_threads';
import type { Engine, EmitFn } from '../../engine/engine.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { curl } from './api.js';
import type { WorkerCommand, WorkerMessage } from './worker-protocol.js';

export class CurlEngine implements Engine {
  readonly name = 'curl' as const;
  private emits = new Map<string, EmitFn>();
  private multi: bigint = 0n;
  private closed?: () => void;

  private constructor(
    private readonly worker: Worker,
    readonly stack: string,
    multi: bigint,
    private readonly log: (msg: string) => void,
  ) {
    this.multi = multi;
    worker.on('message', (m: WorkerMessage) => this.onMessage(m));
  }

  static async create(log: (msg: string) => void = () => {}): Promise<CurlEngine> {
    const worker = new Worker(new URL('./worker.js', import.meta.url));
    const ready = await new Promise<Extract<WorkerMessage, { type: 'ready' }>>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    // A worker that dies takes its transfers with it: let the host fail (and the client report it).
    worker.on('error', (e) => {
      log(`curl worker: ${e.stack ?? e}`);
      process.exit(70);
    });
    return new CurlEngine(worker, ready.version, ready.multi, log);
  }

  private command(cmd: WorkerCommand): void {
    this.worker.postMessage(cmd);
    // curl_multi_wakeup is thread-safe: it breaks the worker out of curl_multi_poll.
    curl.multi_wakeup(this.multi);
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type === 'closed') return this.closed?.();
    if (m.type !== 'events') return;
    for (const ev of m.events) {
      const emit = this.emits.get(ev.id);
      if (!emit) continue;
      emit(ev);
      if (ev.type === 'finished') this.emits.delete(ev.id);
    }
  }

  start(id: string, spec: RequestSpec, emit: EmitFn): void {
    if (this.emits.has(id)) throw new Error(`request id ${id} is already in flight`);
    this.emits.set(id, emit);
    this.command({ type: 'start', id, spec });
  }

  cancel(id: string): void {
    if (this.emits.has(id)) this.command({ type: 'cancel', id });
  }

  activeCount(): number {
    return this.emits.size;
  }

  async shutdown(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.closed = resolve));
    this.command({ type: 'shutdown' });
    const timer = setTimeout(() => this.log('curl worker did not close in time'), 10_000);
    await closed;
    clearTimeout(timer);
    await this.worker.terminate();
  }
}
