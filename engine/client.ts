// The engine client the app, the CLI and the tests use. Requests that ignore certificate
// errors run in a host process of their own: WinInet remembers ignored certificate
// errors per server for the whole process (Wine's server cache does; so does Windows),
// so a verifying request must never share a process with an insecure one. A request with a
// CA file runs in a host of that file's own (by the sha256 of its bytes): the WinInet engine
// has to tell WinInet to ignore the unknown CA once it has checked the chain itself, and that
// too is remembered per server for the whole process.
import type { EngineName } from './engine.js';
import type { FinishedEvent, InetEvent } from '../contract/events.js';
import { HostConnection, type ConnectionOptions, type HostPolicy } from './host-connection.js';
import { HostStartError } from './host-handshake.js';
import type { LaunchOptions } from './host-launch.js';
import type { HostStats } from './protocol.js';
import { policyFor } from './client-policy.js';
import { parseRequestSpec, type RequestSpec, type RequestSpecInput } from './request-spec.js';

export { HostStartError };

export interface ClientOptions extends LaunchOptions {
  engine: EngineName;
  /** Host log file (default: files in a private folder of this process in the OS temp dir); the insecure host adds ".insecure", a CA host ".ca-<hash>". */
  logFile?: string;
  startTimeoutMs?: number;
  /** Which host to start right away (the other starts with its first request). */
  startWith?: HostPolicy;
}

/** CA hosts kept at once; an idle one is closed to make room (each is a process, under Wine a slow one). */
const MAX_CA_HOSTS = 4;

export class EngineClient {
  private hosts = new Map<HostPolicy, Promise<HostConnection>>();
  /** Which host each in-flight request went to (a cancel may come before its host is up). */
  private routes = new Map<string, Promise<HostConnection>>();

  private constructor(
    private readonly opts: ClientOptions,
    first: HostConnection,
    policy: HostPolicy,
  ) {
    this.hosts.set(policy, Promise.resolve(first));
  }

  static async start(opts: ClientOptions): Promise<EngineClient> {
    const policy = opts.startWith ?? 'verify';
    return new EngineClient(opts, await HostConnection.start(EngineClient.connectionOptions(opts, policy)), policy);
  }

  private static connectionOptions(opts: ClientOptions, policy: HostPolicy): ConnectionOptions {
    const suffix = policy === 'verify' ? '' : policy === 'insecure' ? '.insecure' : `.ca-${policy.slice(3, 15)}`;
    const logFile = opts.logFile ? `${opts.logFile}${suffix}` : undefined;
    return { ...opts, policy, logFile };
  }

  get engine(): EngineName {
    return this.opts.engine;
  }

  /** The first host's runtime and native stack, as it reported them. */
  async runtime(): Promise<string> {
    return (await this.host(this.opts.startWith ?? 'verify')).runtime;
  }

  private host(policy: HostPolicy): Promise<HostConnection> {
    let host = this.hosts.get(policy);
    if (host) {
      // Most recently used last: the eviction below closes the oldest idle CA host.
      this.hosts.delete(policy);
      this.hosts.set(policy, host);
    } else {
      if (policy.startsWith('ca:')) void this.evictCaHost();
      host = HostConnection.start(EngineClient.connectionOptions(this.opts, policy));
      host.catch(() => this.hosts.delete(policy));
      this.hosts.set(policy, host);
    }
    return host;
  }

  /** Parses the spec (throws BadRequestSpec), sends it, resolves with the finished event. */
  send(id: string, input: RequestSpecInput | RequestSpec, onEvent: (e: InetEvent) => void = () => {}): Promise<FinishedEvent> {
    const spec = parseRequestSpec(input);
    if (this.routes.has(id)) throw new Error(`request id ${id} is already in flight`);
    const host = this.host(policyFor(spec));
    this.routes.set(id, host);
    return host.then((h) => h.send(id, spec, onEvent)).finally(() => this.routes.delete(id));
  }

  private async evictCaHost(): Promise<void> {
    const ca = [...this.hosts.entries()].filter(([p]) => p.startsWith('ca:'));
    if (ca.length < MAX_CA_HOSTS) return;
    for (const [policy, host] of ca) {
      const h = await host.catch(() => undefined);
      if (h && h.active > 0) continue;
      if (this.hosts.get(policy) !== host) continue;
      this.hosts.delete(policy);
      await h?.close();
      return;
    }
  }

  cancel(id: string): void {
    void this.routes.get(id)?.then((h) => h.cancel(id), () => {});
  }

  /** Memory figures of the host started first (the one a benchmark's requests use). */
  async stats(): Promise<HostStats> {
    return (await this.host(this.opts.startWith ?? 'verify')).stats();
  }

  async active(): Promise<number> {
    const hosts = await Promise.allSettled(this.hosts.values());
    return hosts.reduce((n, h) => n + (h.status === 'fulfilled' ? h.value.active : 0), 0);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.hosts.values()].map((h) => h.then((c) => c.close())));
  }

  /** For tests of crash handling: kills every host process. */
  async kill(): Promise<void> {
    await Promise.allSettled([...this.hosts.values()].map((h) => h.then((c) => c.kill())));
  }
}
