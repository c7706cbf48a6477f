// One EngineClient per engine, started with its first request. A client whose host
// crashed is discarded (and closed once its other requests are done) so the next request
// gets a fresh host instead of a dead one.
import path from 'node:path';
import { EngineClient, type ClientOptions } from '../engine/client.js';
import type { EngineName } from '../engine/engine.js';
import type { ErrorCode, FinishedEvent, InetEvent } from '../contract/events.js';
import type { RequestSpec } from '../engine/request-spec.js';
import type { Log } from './command-failure.js';

interface Session {
  engine: EngineName;
  client: Promise<EngineClient>;
  inflight: Set<string>;
  discarded: boolean;
  /** The host is up (or failed to start): its start no longer delays a request. */
  settled: boolean;
}

interface Running {
  session: Session;
  /** Cancelled before its host was up: it is then never sent. */
  cancelled: boolean;
  sent: boolean;
  client?: EngineClient;
}

export interface SessionOptions {
  logDir: string;
  log: Log;
  /** How to start a client (tests may wrap it). */
  start?: (opts: ClientOptions) => Promise<EngineClient>;
}

export class EngineSessions {
  private readonly current = new Map<EngineName, Session>();
  private readonly all = new Set<Session>();
  private readonly running = new Map<string, Running>();

  constructor(private readonly opts: SessionOptions) {}

  /** The live client of an engine, started if needed (tests use it to kill a host). */
  client(engine: EngineName): Promise<EngineClient> {
    return this.session(engine).client;
  }

  has(id: string): boolean {
    return this.running.has(id);
  }

  /** A request for this engine now waits for its host to start (none yet, or one starting):
   * under Wine that is seconds, which the UI says. */
  starting(engine: EngineName): boolean {
    return !this.current.get(engine)?.settled;
  }

  /** Runs a parsed request to its end; never rejects: failures become a finished event. */
  async run(engine: EngineName, id: string, spec: RequestSpec, onEvent: (e: InetEvent) => void): Promise<FinishedEvent> {
    const session = this.session(engine);
    const req: Running = { session, cancelled: false, sent: false };
    this.running.set(id, req);
    session.inflight.add(id);
    let finished: FinishedEvent;
    try {
      finished = await this.dispatch(session, req, id, spec, onEvent);
    } finally {
      this.running.delete(id);
      session.inflight.delete(id);
    }
    if (finished.error?.code === 'HOST_CRASHED') this.discard(session);
    if (session.discarded && session.inflight.size === 0) void this.closeSession(session);
    return finished;
  }

  private async dispatch(session: Session, req: Running, id: string, spec: RequestSpec, onEvent: (e: InetEvent) => void): Promise<FinishedEvent> {
    let client: EngineClient;
    try {
      client = await session.client;
    } catch (e) {
      return synthetic(id, 'ENGINE_UNAVAILABLE', `the ${session.engine} engine could not start: ${(e as Error).message}`, onEvent);
    }
    if (req.cancelled) return synthetic(id, 'CANCELLED', 'the request was cancelled before it was sent', onEvent);
    req.sent = true;
    req.client = client;
    try {
      return await client.send(id, spec, onEvent);
    } catch (e) {
      return synthetic(id, 'INTERNAL', (e as Error).message, onEvent);
    }
  }

  /** true when the request was in flight (its finished event is still to come). */
  cancel(id: string): boolean {
    const req = this.running.get(id);
    if (!req) return false;
    if (req.client) req.client.cancel(id);
    else req.cancelled = true;
    return true;
  }

  async close(): Promise<void> {
    this.current.clear();
    await Promise.allSettled([...this.all].map((s) => this.closeSession(s)));
  }

  private session(engine: EngineName): Session {
    let s = this.current.get(engine);
    if (!s) {
      const start = this.opts.start ?? ((o: ClientOptions) => EngineClient.start(o));
      const logFile = path.join(this.opts.logDir, `${engine}-host.log`);
      const session: Session = { engine, client: start({ engine, startWith: 'verify', logFile }), inflight: new Set(), discarded: false, settled: false };
      void session.client.then(
        () => (session.settled = true),
        () => (session.settled = true),
      );
      // A host that failed to start is forgotten, so the next request tries again.
      session.client.catch((e: Error) => {
        this.opts.log(`${engine} engine did not start: ${e.message}`);
        this.discard(session);
        this.all.delete(session);
      });
      s = session;
      this.current.set(engine, s);
      this.all.add(s);
    }
    return s;
  }

  private discard(session: Session): void {
    session.discarded = true;
    if (this.current.get(session.engine) === session) this.current.delete(session.engine);
  }

  private async closeSession(session: Session): Promise<void> {
    if (!this.all.delete(session)) return;
    const client = await session.client.catch(() => undefined);
    await client?.close();
  }
}

/** A finished event for a request that never reached a host (it had no other events). */
function synthetic(id: string, code: ErrorCode, message: string, onEvent: (e: InetEvent) => void): FinishedEvent {
  const ev: FinishedEvent = { type: 'finished', id, seq: 0, hop: 0, t: 0, ok: false, bodyBytes: 0, uploadBytes: 0, error: { code, name: code, message } };
  onEvent(ev);
  return ev;
}
