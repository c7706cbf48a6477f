// The engine client the app, the CLI and the tests use: the one owner of its hosts and of
// the requests in flight. Requests that ignore certificate errors run in a host process of
// their own: WinInet remembers ignored certificate errors per server for the whole process
// (Wine's server cache does; so does Windows), so a verifying request must never share a
// process with an insecure one. A request with a CA file runs in a host of that file's own
// (by the sha256 of its bytes): the WinInet engine has to tell WinInet to ignore the unknown
// CA once it has checked the chain itself, and that too is remembered per server for the
// whole process. A host that exits is forgotten at once: the next request starts a fresh one.
import { performance } from 'node:perf_hooks';
import type { EngineName } from './engine.js';
import type { ErrorCode, FinishedEvent, InetEvent } from '../contract/events.js';
import { HostConnection, type ConnectionOptions, type HostPolicy } from './host-connection.js';
import { HostStartError } from './host-handshake.js';
import type { LaunchOptions } from './host-launch.js';
import type { HostStats } from './protocol.js';
import { policyFor } from './client-policy.js';
import { checkClientCert } from './client-cert.js';
import type { ValidRequestSpec } from './request-spec.js';

export { HostStartError };

export interface ClientOptions extends LaunchOptions {
  engine: EngineName;
  /** Host log file (default: files in a private folder of this process in the OS temp dir); the insecure host adds ".insecure", a CA host ".ca-<hash>". */
  logFile?: string;
  startTimeoutMs?: number;
  /** Which host to start right away (the others start with their first request). */
  startWith?: HostPolicy;
  /** Where a host that failed to start is reported (its requests end ENGINE_UNAVAILABLE). */
  log?: (message: string) => void;
}

/** CA hosts kept at once; an idle one is closed to make room (each is a process, under Wine a slow one). */
const MAX_CA_HOSTS = 4;

interface InFlight {
  onEvent: (e: InetEvent) => void;
  resolve: (e: FinishedEvent) => void;
  /** Set once the spec went to this host; until then a cancel only marks the request. */
  host?: HostConnection;
  cancelled: boolean;
  started: number;
  lastSeq: number;
  hop: number;
}

export class EngineClient {
  private readonly hosts = new Map<HostPolicy, Promise<HostConnection>>();
  /** Hosts that are up or failed to start: a request no longer waits for their start. */
  private readonly settled = new WeakSet<Promise<HostConnection>>();
  private readonly inflight = new Map<string, InFlight>();
  private readonly firstPolicy: HostPolicy;

  /** Starts the first host at once; a failure to start ends the requests that wait for it. */
  constructor(private readonly opts: ClientOptions) {
    this.firstPolicy = opts.startWith ?? 'verify';
    void this.host(this.firstPolicy);
  }

  /** A client whose first host is up (throws HostStartError when it cannot start). */
  static async start(opts: ClientOptions): Promise<EngineClient> {
    const client = new EngineClient(opts);
    await client.host(client.firstPolicy);
    return client;
  }

  get engine(): EngineName {
    return this.opts.engine;
  }

  /** A request sent now waits for the first host to start (none up: starting, or gone). */
  get starting(): boolean {
    const host = this.hosts.get(this.firstPolicy);
    return !host || !this.settled.has(host);
  }

  /** The first host's runtime and native stack, as it reported them. */
  async runtime(): Promise<string> {
    return (await this.host(this.firstPolicy)).runtime;
  }

  /** Sends a parsed spec; events stream to onEvent; resolves with the finished event, never rejects.
   * Throws for an id already in flight (the one duplicate check) and, as BadRequestSpec naming
   * the file, for a CA file that is missing or holds no certificate: this side's one CA check
   * (the host checks again, at its own boundary). */
  send(id: string, spec: ValidRequestSpec, onEvent: (e: InetEvent) => void = () => {}): Promise<FinishedEvent> {
    if (this.inflight.has(id)) throw new Error(`request id ${id} is already in flight`);
    const policy = policyFor(spec);
    if (spec.clientCert) checkClientCert(spec.clientCert);
    return new Promise((resolve) => {
      const req: InFlight = { onEvent, resolve, cancelled: false, started: performance.now(), lastSeq: -1, hop: 0 };
      this.inflight.set(id, req);
      this.host(policy).then(
        (host) => {
          req.host = host;
          if (!host.send(id, spec)) return this.end(id, req, 'HOST_CRASHED', `the ${this.engine} engine host is not running`);
          // Cancelled while its host was starting: the host still starts it and cancels it, so
          // the request has its started event and the engine's own CANCELLED like any other.
          if (req.cancelled) host.cancel(id);
        },
        (e: Error) => this.end(id, req, 'ENGINE_UNAVAILABLE', `the ${this.engine} engine could not start: ${e.message}`),
      );
    });
  }

  /** true when the request was in flight (its finished event is still to come). */
  cancel(id: string): boolean {
    const req = this.inflight.get(id);
    if (!req) return false;
    if (req.host) req.host.cancel(id);
    else req.cancelled = true;
    return true;
  }

  active(): number {
    return this.inflight.size;
  }

  /** Memory figures of the host started first (the one a benchmark's requests use). */
  async stats(): Promise<HostStats> {
    return (await this.host(this.firstPolicy)).stats();
  }

  async close(): Promise<void> {
    const hosts = [...this.hosts.values()];
    this.hosts.clear();
    await Promise.allSettled(hosts.map((h) => h.then((c) => c.close())));
  }

  /** For tests of crash handling: kills every host process. */
  async kill(): Promise<void> {
    await Promise.allSettled([...this.hosts.values()].map((h) => h.then((c) => c.kill())));
  }

  private host(policy: HostPolicy): Promise<HostConnection> {
    const known = this.hosts.get(policy);
    if (known) {
      // Most recently used last: the eviction below closes the oldest idle CA host.
      this.hosts.delete(policy);
      this.hosts.set(policy, known);
      return known;
    }
    if (policy.startsWith('ca:')) void this.evictCaHost();
    const started: Promise<HostConnection> = HostConnection.start(this.connectionOptions(policy), {
      event: (e) => this.onEvent(e),
      gone: (why) => {
        if (this.hosts.get(policy) === started) this.hosts.delete(policy);
        void started.then((c) => this.endAll(c, why));
      },
    });
    void started.then(
      () => this.settled.add(started),
      (e: Error) => {
        this.settled.add(started);
        this.opts.log?.(`${this.engine} engine host did not start: ${e.message}`);
        if (this.hosts.get(policy) === started) this.hosts.delete(policy);
      },
    );
    this.hosts.set(policy, started);
    return started;
  }

  private connectionOptions(policy: HostPolicy): ConnectionOptions {
    const suffix = policy === 'verify' ? '' : policy === 'insecure' ? '.insecure' : `.ca-${policy.slice(3, 15)}`;
    const logFile = this.opts.logFile ? `${this.opts.logFile}${suffix}` : undefined;
    return { ...this.opts, policy, logFile };
  }

  private onEvent(e: InetEvent): void {
    const req = this.inflight.get(e.id);
    if (!req) return;
    req.lastSeq = e.seq;
    req.hop = e.hop;
    req.onEvent(e);
    if (e.type === 'finished') {
      this.inflight.delete(e.id);
      req.resolve(e);
    }
  }

  /** The host process is gone (its policy forgotten already): every request it held ends HOST_CRASHED. */
  private endAll(host: HostConnection, why: string): void {
    for (const [id, req] of this.inflight) if (req.host === host) this.end(id, req, 'HOST_CRASHED', why);
  }

  /** Ends a request with an error of the client's own, after the events it had. */
  private end(id: string, req: InFlight, code: ErrorCode, message: string): void {
    const ev: FinishedEvent = {
      type: 'finished', id, seq: req.lastSeq + 1, hop: req.hop, t: req.host ? performance.now() - req.started : 0,
      ok: false, bodyBytes: 0, uploadBytes: 0, error: { code, name: code, message },
    };
    this.inflight.delete(id);
    req.onEvent(ev);
    req.resolve(ev);
  }

  private async evictCaHost(): Promise<void> {
    const ca = [...this.hosts.entries()].filter(([p]) => p.startsWith('ca:'));
    if (ca.length < MAX_CA_HOSTS) return;
    for (const [policy, host] of ca) {
      const h = await host.catch(() => undefined);
      if (h && [...this.inflight.values()].some((r) => r.host === h)) continue;
      if (this.hosts.get(policy) !== host) continue;
      this.hosts.delete(policy);
      await h?.close();
      return;
    }
  }
}
