// One engine-host process: spawns it, authenticates it, parses what it sends (the
// host→core boundary) and tells its owner, the engine client, each event and the exit.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { EngineName } from './engine.js';
import type { InetEvent } from '../contract/events.js';
import { hostLaunch, type HostLaunch, type LaunchOptions } from './host-launch.js';
import { spawnerFor, type HostProcess } from './host-spawn.js';
import { acceptHost, HostExitedEarly } from './host-handshake.js';
import { HostMessageSchema, LineSplitter, type HostCommand, type HostStats } from './protocol.js';
import type { ValidRequestSpec } from './request-spec.js';

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

/** What the owner of a host hears: every event it sent, and (once) that it is gone. */
export interface HostListener {
  event(e: InetEvent): void;
  /** `why` reads "the curl engine host exited (SIGKILL); its log is …". */
  gone(why: string): void;
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

function appendLog(file: string, line: string): void {
  const fd = openLog(file);
  try {
    fs.writeSync(fd, `${new Date().toISOString()} ${line}\n`);
  } finally {
    fs.closeSync(fd);
  }
}

export class HostConnection {
  private outbox: net.Socket;
  private exited = false;
  private running = true;
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
    private readonly listener: HostListener,
  ) {
    this.outbox = sock;
    this.runtime = hello.runtime;
    sock.on('data', (chunk: string) => {
      for (const line of lines.push(chunk)) this.onLine(line);
    });
    const crashed = (why: string) => this.gone(why);
    sock.on('close', () => crashed('closed its connection'));
    // A host killed with data in flight resets the connection: that is a crash, not ours.
    sock.on('error', (e) => crashed(`broke its connection (${e.message})`));
    child.on('exit', (code, signal) => {
      this.exited = true;
      crashed(`exited (${signal ?? `code ${code}`})`);
    });
  }

  /**
   * Starts a host; one that ends before its hello is started once more (nothing was sent to
   * it yet), with the first exit written to the log. Under Wine a Windows Node very rarely
   * exits with code 1 at start and leaves nothing in its log; a second failure is the error.
   */
  static async start(opts: ConnectionOptions, listener: HostListener): Promise<HostConnection> {
    const logFile = opts.logFile ?? path.join(privateLogDir(), `${opts.engine}-${opts.policy.replace(':', '-').slice(0, 15)}.log`);
    try {
      return await HostConnection.startOnce(opts, listener, logFile);
    } catch (e) {
      if (!(e instanceof HostExitedEarly)) throw e;
      appendLog(logFile, `[core] ${e.message}; starting it once more`);
      return HostConnection.startOnce(opts, listener, logFile);
    }
  }

  private static async startOnce(opts: ConnectionOptions, listener: HostListener, logFile: string): Promise<HostConnection> {
    const launch = hostLaunch(opts.engine, opts);
    const token = crypto.randomBytes(32).toString('hex');
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
      return new HostConnection(opts.engine, child, sock, hello, launch, logFile, lines, listener);
    } catch (e) {
      child.kill();
      throw e;
    } finally {
      server.close();
    }
  }

  /** Sends a request; its events go to the listener. false: the host is gone. */
  send(id: string, spec: ValidRequestSpec): boolean {
    if (this.running) this.command({ type: 'send', id, spec: this.toHostPaths(spec) });
    return this.running;
  }

  cancel(id: string): void {
    this.command({ type: 'cancel', id });
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
      if (!this.running) return reject(new Error(`the ${this.engine} engine host is not running`));
      this.statsWaiters.push({ resolve, reject });
      this.command({ type: 'stats' });
    });
  }

  /** For tests of crash handling. */
  kill(): void {
    this.child.kill('SIGKILL');
  }

  private toHostPaths(spec: ValidRequestSpec): ValidRequestSpec {
    const out = { ...spec };
    if (spec.body?.kind === 'file') out.body = { kind: 'file', path: this.launch.hostPath(spec.body.path) };
    if (spec.sink.kind === 'file') out.sink = { ...spec.sink, path: this.launch.hostPath(spec.sink.path) };
    if (spec.caFile) out.caFile = this.launch.hostPath(spec.caFile);
    if (spec.clientCert) {
      const { certPath, keyPath } = spec.clientCert;
      out.clientCert = { ...spec.clientCert, certPath: this.launch.hostPath(certPath), ...(keyPath ? { keyPath: this.launch.hostPath(keyPath) } : {}) };
    }
    return out;
  }

  private command(cmd: HostCommand): void {
    if (!this.outbox.destroyed) this.outbox.write(JSON.stringify(cmd) + '\n');
  }

  private onLine(line: string): void {
    let m;
    try {
      m = HostMessageSchema.parse(JSON.parse(line));
    } catch (e) {
      // A host that breaks the protocol cannot be trusted with its requests any more.
      this.gone(`sent a malformed message (${e instanceof Error ? e.message.slice(0, 200) : e})`);
      return this.kill();
    }
    if (m.type === 'stats') this.statsWaiters.shift()?.resolve(m);
    else if (m.type !== 'hello' && m.type !== 'host-error') this.listener.event(m);
  }

  private gone(why: string): void {
    if (!this.running) return;
    this.running = false;
    for (const w of this.statsWaiters.splice(0)) w.reject(new Error(`the ${this.engine} engine host ${why}`));
    this.listener.gone(`the ${this.engine} engine host ${why}; its log is ${this.logFile}`);
  }
}
