// One EngineClient per engine, made with its first request. The client owns its hosts
// (a crashed one is replaced on the next request) and the requests in flight.
import path from 'node:path';
import { EngineClient } from '../engine/client.js';
import type { EngineName } from '../engine/engine.js';
import type { Log } from './command-failure.js';

export interface SessionOptions {
  logDir: string;
  log: Log;
}

export class EngineSessions {
  private readonly clients = new Map<EngineName, EngineClient>();

  constructor(private readonly opts: SessionOptions) {}

  /** The client of an engine, made (its first host starting) if needed. */
  client(engine: EngineName): EngineClient {
    let c = this.clients.get(engine);
    if (!c) {
      c = new EngineClient({ engine, startWith: 'verify', logFile: path.join(this.opts.logDir, `${engine}-host.log`), log: this.opts.log });
      this.clients.set(engine, c);
    }
    return c;
  }

  /** A request for this engine now waits for its host to start (none yet, or one starting):
   * under Wine that is seconds, which the UI says. */
  starting(engine: EngineName): boolean {
    return this.clients.get(engine)?.starting ?? true;
  }

  /** true when the request was in flight (its finished event is still to come). */
  cancel(id: string): boolean {
    return [...this.clients.values()].some((c) => c.cancel(id));
  }

  async close(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.allSettled(clients.map((c) => c.close()));
  }
}
