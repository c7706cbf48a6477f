// One engine-host process: spawns it, authenticates it, routes its events to requests,
// and turns a host crash into a HOST_CRASHED error on every request it held.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EngineName } from './engine.js';
import type { FinishedEvent, InetEvent } from '../contract/events.js';
import { hostLaunch, type HostLaunch, type LaunchOptions } from './host-launch.js';
import { spawnerFor, type HostProcess } from './host-spawn.js';
import { acceptHost } from './host-handshake.js';
import { HostMessageSchema, LineSplitter, type HostCommand, type HostStats } from './protocol.js';
import type { RequestSpec } from './request-spec.js';

/**
 * A host verifies TLS certificates against the system's CAs, or ignores their errors, or
 * trusts the CAs of one CA file (`ca:` + the sha256 of its bytes): never two of these (see client.ts).
 */
export type HostPolicy = 'verify' | 'insecure' | `ca:${string}`;

export interface ConnectionOptions extends LaunchOptions {
  engine: EngineName;
  policy: HostPolicy;
  /** Host log file (default: a file in a private folder of this process in the OS temp dir). */
  logFile?: string;
  startTimeoutMs?: number;
}

interface InFlight {
  onEvent: (e: InetEvent) => void;
  resolve: (e: FinishedEvent) => void;
  started: number;
  lastSeq: number;
  hop: number;
}

let logDir: string | undefined;

/**
 * This process's own folder for host logs in the temp dir (mkdtemp: a fresh random name,
 * mode 0700). A predictable name in a shared /tmp would let another local user plant a
 * symlink there and have the log appended to a file of the user's choosing.
 */
function privateLogDir(): string {
  logDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-host-'));
  return logDir;
}

/** Appends, never through a symlink (O_NOFOLLOW where the platform has it); a new file is the user's only. */
function openLog(file: string): number {
  const c = fs.constants;
  return fs.openSync(file, c.O_WRONLY | c.O_APPEND | c.O_CREAT | (c.O_NOFOLLOW ?? 0), 0o600);
}

export class HostConnection {
  private inflight = new Map<string, InFlight>();
  private outbox: net.Socket;
  private exited = false;
  private statsWaiters: Array<{ resolve: (s: HostStats) => void; reject: (e: Error) => void }> = [];
  readonly runtime: string;

  private constructor(
    readonly engine: EngineName,
    private readonly child: HostProcess,
    sock: net.Socket,
    hello: { runtime: string },
    private readonly launch: HostLaunch,
    readonly logFile: string,
    lines: LineSplitter,
  ) {
    this.outbox = sock;
    this.runtime = hello.runtime;
    sock.on('data', (chunk: string) => {
      for (const line of lines.push(chunk)) this.onLine(line);
    });
    const crashed = (why: string) => this.failAll(why);
    sock.on('close', () => crashed('closed its connection'));
    // A host killed with data in flight resets the connection: that is a crash, not ours.
    sock.on('error', (e) => crashed(`broke its connection (${e.message})`));
    child.on('exit', (code, signal) => {
      this.exited = true;
      crashed(`exited (${signal ?? `code ${code}`})`);
    });
  }

  static async start(opts: ConnectionOptions): Promise<HostConnection> {
    const launch = hostLaunch(opts.engine, opts);
    const token = crypto.randomBytes(32).toString('hex');
    const logFile = opts.logFile ?? path.join(privateLogDir(), `${opts.engine}-${opts.policy.replace(':', '-').slice(0, 15)}.log`);
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const logFd = openLog(logFile);
    const env = { ...launch.env, INETSCOPE_HOST_PORT: String(port), INETSCOPE_HOST_TOKEN: token, INETSCOPE_ENGINE: opts.engine, INETSCOPE_HOST_POLICY: opts.policy, INETSCOPE_HOST_LOG: launch.hostPath(logFile) };
    let child: HostProcess;
    try {
      child = spawnerFor(launch)({ launch, env, logFd, logFile });
    } catch (e) {
      server.close();
      throw e;
    } finally {
      fs.closeSync(logFd);
    }
    try {
      const { sock, hello, lines } = await acceptHost(server, child, token, opts.startTimeoutMs ?? 120_000, logFile);
      return new HostConnection(opts.engine, child, sock, hello, launch, logFile, lines);
    } catch (e) {
      child.kill();
      throw e;
    } finally {
      server.close();
    }
  }

  /** Sends a request; events stream to onEvent; resolves with the finished event. */
  send(id: string, parsed: RequestSpec, onEvent: (e: InetEvent) => void = () => {}): Promise<FinishedEvent> {
    const spec = this.toHostPaths(parsed);
    if (this.inflight.has(id)) throw new Error(`request id ${id} is already in flight`);
    return new Promise((resolve) => {
      this.inflight.set(id, { onEvent, resolve, started: performance.now(), lastSeq: -1, hop: 0 });
      if (this.exited) return this.failAll('is not running');
      this.command({ type: 'send', id, spec });
    });
  }

  has(id: string): boolean {
    return this.inflight.has(id);
  }

  cancel(id: string): void {
    if (this.inflight.has(id)) this.command({ type: 'cancel', id });
  }

  get active(): number {
    return this.inflight.size;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.command({ type: 'shutdown' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await gone;
    clearTimeout(timer);
  }

  /** The host's memory use (its peak RSS for benchmarks). */
  stats(): Promise<HostStats> {
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(new Error(`the ${this.engine} engine host is not running`));
      this.statsWaiters.push({ resolve, reject });
      this.command({ type: 'stats' });
    });
  }

  /** For tests of crash handling. */
  kill(): void {
    this.child.kill('SIGKILL');
  }

  private toHostPaths(spec: RequestSpec): RequestSpec {
    const out = { ...spec };
    if (spec.body?.kind === 'file') out.body = { kind: 'file', path: this.launch.hostPath(spec.body.path) };
    if (spec.sink.kind === 'file') out.sink = { ...spec.sink, path: this.launch.hostPath(spec.sink.path) };
    if (spec.caFile) out.caFile = this.launch.hostPath(spec.caFile);
    return out;
  }

  private command(cmd: HostCommand): void {
    if (!this.outbox.destroyed) this.outbox.write(JSON.stringify(cmd) + '\n');
  }

  private onLine(line: string): void {
    let msg;
    try {
      msg = HostMessageSchema.parse(JSON.parse(line));
    } catch (e) {
      // A host that breaks the protocol cannot be trusted with its requests any more.
      this.failAll(`sent a malformed message (${e instanceof Error ? e.message.slice(0, 200) : e})`);
      this.kill();
      return;
    }
    if (msg.type === 'stats') return this.statsWaiters.shift()?.resolve(msg);
    if (msg.type === 'hello' || msg.type === 'host-error') return;
    const ev = msg as InetEvent;
    const req = this.inflight.get(ev.id);
    if (!req) return;
    req.lastSeq = ev.seq;
    req.hop = ev.hop;
    req.onEvent(ev);
    if (ev.type === 'finished') {
      this.inflight.delete(ev.id);
      req.resolve(ev);
    }
  }

  private failAll(why: string): void {
    for (const [id, req] of this.inflight) {
      const ev: FinishedEvent = {
        type: 'finished', id, seq: req.lastSeq + 1, hop: req.hop, t: performance.now() - req.started,
        ok: false, bodyBytes: 0, uploadBytes: 0,
        error: { code: 'HOST_CRASHED', name: 'HOST_CRASHED', message: `the ${this.engine} engine host ${why}; its log is ${this.logFile}` },
      };
      req.onEvent(ev);
      req.resolve(ev);
    }
    this.inflight.clear();
    for (const w of this.statsWaiters.splice(0)) w.reject(new Error(`the ${this.engine} engine host ${why}`));
  }
}
