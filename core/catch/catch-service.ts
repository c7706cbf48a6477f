// The catch server as AppCore runs it: one listener at a time, its rules, the caught
// requests and their bodies (<dataDir>/caught/, emptied at each start of the app), and
// commands over them. A file rule names its file by an upload token (pickUploadFile or
// beginUpload…endUpload): the UI, a browser page included, never names a path.
import fs from 'node:fs/promises';
import { CatchLimitsSchema, type CatchLimits, type CatchRule, type CatchStatus, type CaughtSummary, type CatchEvent } from '../../contract/catch.js';
import { readFileSlice, type BodySlice } from '../body-store.js';
import { CommandFailure, type AppHooks } from '../command-failure.js';
import { suggestFileName } from '../file-name.js';
import type { PushBatcher } from '../push-batcher.js';
import { copyAtomic, type SaveResult } from '../save-body.js';
import type { Uploads } from '../uploads.js';
import { CatchServer, CatchServerError, isLoopback } from './catch-server.js';
import { CaughtStore, type CaughtEntry } from './caught-store.js';
import type { ActiveRule } from './request-handler.js';

interface CatchServiceDeps {
  dir: string;
  batcher: PushBatcher;
  uploads: Uploads;
  hooks: AppHooks;
  log: (m: string) => void;
}

export class CatchService {
  private server: CatchServer | undefined;
  private host = '127.0.0.1';
  private rules: CatchRule[] = [];
  private limits: CatchLimits = CatchLimitsSchema.parse({});
  private readonly store: CaughtStore;

  private constructor(private readonly deps: CatchServiceDeps) {
    this.store = new CaughtStore(deps.dir, (e, s) => deps.batcher.addCaught(e, s));
  }

  static async create(deps: CatchServiceDeps): Promise<CatchService> {
    // Bodies of an earlier run have no entries any more.
    await fs.rm(deps.dir, { recursive: true, force: true });
    await fs.mkdir(deps.dir, { recursive: true });
    return new CatchService(deps);
  }

  status(): CatchStatus {
    const s = this.server;
    if (!s) return { running: false };
    return { running: true, host: this.host, port: s.port, url: s.url, loopback: isLoopback(this.host), rules: this.rules, limits: this.limits };
  }

  async start(input: { host?: string; port?: number; rules?: CatchRule[]; limits?: CatchLimits }): Promise<CatchStatus> {
    if (this.server) throw new CommandFailure('CATCH_RUNNING', `the catch server is already listening on ${this.server.url}; stop it first`);
    const rules = input.rules ?? this.rules;
    const active = this.resolve(rules);
    const host = input.host ?? '127.0.0.1';
    const limits = input.limits ?? this.limits;
    try {
      this.server = await CatchServer.start({ host, port: input.port ?? 0, rules: active, limits, store: this.store, log: this.deps.log });
    } catch (e) {
      throw new CommandFailure('CATCH_LISTEN_FAILED', e instanceof CatchServerError ? e.message : (e as Error).message);
    }
    this.host = host;
    this.rules = rules;
    this.limits = limits;
    return this.status();
  }

  async stop(): Promise<CatchStatus> {
    const s = this.server;
    this.server = undefined;
    await s?.stop();
    return this.status();
  }

  setRules(rules: CatchRule[]): CatchStatus {
    const active = this.resolve(rules);
    this.rules = rules;
    if (this.server) this.server.rules = active;
    return this.status();
  }

  list(limit: number): { requests: CaughtSummary[]; total: number } {
    return this.store.list(limit);
  }

  get(id: string): { summary: CaughtSummary; events: CatchEvent[] } {
    const e = this.entry(id);
    return { summary: e.summary, events: e.rec.events };
  }

  readSlice(id: string, offset: number, length: number): Promise<BodySlice> {
    const e = this.entry(id);
    return readFileSlice(e.bodyFile, offset, length, e.summary.state !== 'receiving');
  }

  async save(id: string): Promise<SaveResult> {
    const e = this.finishedEntry(id);
    const type = e.summary.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const target = await this.deps.hooks.chooseSavePath(suggestFileName({ url: `http://caught${e.summary.path}`, contentType: type }));
    if (target === undefined) return { saved: false };
    return { saved: true, path: target, bytes: await copyAtomic(e.bodyFile, target) };
  }

  bodyToken(id: string): { fileToken: string; size: number } {
    const e = this.finishedEntry(id);
    return { fileToken: this.deps.uploads.offer(e.bodyFile), size: e.summary.bodyBytes };
  }

  close(): Promise<CatchStatus> {
    return this.stop();
  }

  private entry(id: string): CaughtEntry {
    const e = this.store.get(id);
    if (!e) throw new CommandFailure('NOT_FOUND', `no caught request ${id} (unknown, or dropped to keep the list short)`);
    return e;
  }

  private finishedEntry(id: string): CaughtEntry {
    const e = this.entry(id);
    if (e.summary.state === 'receiving') throw new CommandFailure('NOT_FINISHED', `the body of ${id} is still arriving`);
    return e;
  }

  /** A UI's file rule names a token; a path would let a page make the core serve any file. */
  private resolve(rules: CatchRule[]): ActiveRule[] {
    return rules.map((rule, i) => {
      if (rule.response.kind !== 'file') return { rule };
      if (rule.response.path !== undefined) throw new CommandFailure('FORBIDDEN', `rule ${i}: the app serves only a file picked or uploaded (fileToken), not a path`);
      return { rule, filePath: this.deps.uploads.pathFor(rule.response.fileToken as string) };
    });
  }
}
