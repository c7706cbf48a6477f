// A run plan's requests sent one after another through one engine client, each resolved as
// the app's send resolves it (resolveSent, sendableDraft, prepareBody, toEngineRequest: the
// same steps, so the runner cannot send what the app would not), its response checked by
// its assertions. A request that cannot be sent or fails in transport is a failed result;
// the run goes on unless it bails. Bodies go to files in the run's work dir, removed after.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SentRequestSchema } from '../../contract/request.js';
import type { FinishedEvent, InetEvent } from '../../contract/events.js';
import { derivePhases } from '../../domain/phases.js';
import { maskSecrets } from '../../domain/secret-mask.js';
import type { EngineClient } from '../../engine/client.js';
import { CommandFailure } from '../command-failure.js';
import { prepareBody, type BodyFiles, type PreparedBody } from '../request-body.js';
import { sendableDraft, toEngineRequest } from '../request-runner.js';
import { resolveSent } from '../variable-source.js';
import { checkAssertions, responseFacts, type AssertionResult } from './assertions.js';
import type { PlannedRequest, RunPlan } from './run-plan.js';

/** Phase times summed over a request's hops (ms); absent where no hop reported the phase. */
export interface PhaseTotals {
  dns?: number;
  connect?: number;
  tls?: number;
  wait?: number;
  receive?: number;
}

export interface RequestResult {
  path: string;
  name: string;
  folder: string;
  method: string;
  /** As sent (variables resolved); the template's if it could not be resolved. */
  url: string;
  status?: number;
  timeMs?: number;
  phases?: PhaseTotals;
  bodyBytes?: number;
  /** Not sent (a variable, a bad URL) or failed in transport. */
  error?: { code: string; message: string };
  assertions: AssertionResult[];
  passed: boolean;
}

export interface RunOutcome {
  results: RequestResult[];
  /** Requests the plan held, run or not. */
  planned: number;
  /** Stopped early: at the first failure (bail) or by an interrupt. */
  stopped?: 'bail' | 'interrupted';
  timeMs: number;
}

export interface RunnerOptions {
  client: EngineClient;
  /** -k: every request accepts any certificate. */
  insecure: boolean;
  bail: boolean;
  /** A folder of the run's own (bodies, built multipart bodies). */
  workDir: string;
  onStart?(request: PlannedRequest): void;
  onEvent?(request: PlannedRequest, ev: InetEvent): void;
  onResult?(result: RequestResult): void;
}

/** A run: its requests in order, until the end, a bail, or interrupt(). */
export class CollectionRun {
  private current: string | undefined;
  private interrupted = false;

  constructor(
    private readonly plan: RunPlan,
    private readonly opts: RunnerOptions,
  ) {}

  /** Cancels the request in flight; no further one starts. */
  interrupt(): void {
    this.interrupted = true;
    if (this.current) this.opts.client.cancel(this.current);
  }

  async run(): Promise<RunOutcome> {
    const started = Date.now();
    const results: RequestResult[] = [];
    let stopped: RunOutcome['stopped'];
    for (const request of this.plan.requests) {
      if (this.interrupted) break;
      this.opts.onStart?.(request);
      const result = await this.one(request);
      results.push(result);
      this.opts.onResult?.(result);
      if (!result.passed && this.opts.bail) {
        stopped = 'bail';
        break;
      }
    }
    if (this.interrupted) stopped = 'interrupted';
    return { results, planned: this.plan.requests.length, ...(stopped ? { stopped } : {}), timeMs: Date.now() - started };
  }

  private async one(request: PlannedRequest): Promise<RequestResult> {
    const { saved } = request;
    const base = { path: request.path, name: saved.name, folder: request.folder, method: saved.request.method, url: saved.request.url };
    const id = crypto.randomUUID();
    const sinkPath = path.join(this.opts.workDir, `${id}.body`);
    let body: PreparedBody | undefined;
    try {
      const ctx = { workspaceId: this.plan.workspaceId, requestPath: request.path, overrides: [] };
      const resolved = await resolveSent(SentRequestSchema.parse(saved.request), ctx, { layersFor: () => Promise.resolve(request.layers) });
      const draft = sendableDraft(this.opts.insecure ? { ...resolved.request, insecure: true } : resolved.request);
      // Reports end up in CI logs: a secret's value is shown as its {{name}}.
      base.url = maskSecrets(draft.url, resolved.secrets);
      body = await prepareBody(draft, this.files());
      const spec = toEngineRequest(draft, this.files(), sinkPath, body);
      const events: InetEvent[] = [];
      this.current = id;
      const finished = await this.opts.client.send(id, spec, (ev) => {
        events.push(ev);
        this.opts.onEvent?.(request, ev);
      });
      return await this.checked(base, request, events, finished, sinkPath);
    } catch (e) {
      const code = e instanceof CommandFailure ? e.code : 'NOT_SENT';
      return { ...base, error: { code, message: (e as Error).message }, assertions: [], passed: false };
    } finally {
      this.current = undefined;
      await fs.rm(sinkPath, { force: true });
      if (body?.temp) await fs.rm(body.temp, { force: true });
    }
  }

  private async checked(base: Omit<RequestResult, 'assertions' | 'passed'>, request: PlannedRequest, events: InetEvent[], finished: FinishedEvent, sinkPath: string): Promise<RequestResult> {
    const timeMs = tenth(finished.t);
    const facts = { ...base, ...(finished.statusCode !== undefined ? { status: finished.statusCode } : {}), timeMs, phases: phaseTotals(events), bodyBytes: finished.bodyBytes };
    // A request that failed has no response to check: its assertions are not run (nor counted as passed).
    if (!finished.ok) return { ...facts, error: { code: finished.error?.code ?? 'FAILED', message: finished.error?.message ?? 'the request failed' }, assertions: [], passed: false };
    const assertions = await checkAssertions(request.saved.assertions ?? [], responseFacts(events, finished, () => fs.readFile(sinkPath)));
    return { ...facts, assertions, passed: assertions.every((a) => a.passed) };
  }

  /** A saved request holds no picked file (they are this session's): one named by hand is refused. */
  private files(): BodyFiles {
    return {
      pathFor: (token) => {
        throw new CommandFailure('BAD_REQUEST', `the request names a picked file (${JSON.stringify(token)}): picked files are not saved, so a run cannot send one`);
      },
      tempPath: () => path.join(this.opts.workDir, `${crypto.randomUUID()}.multipart`),
    };
  }
}

function phaseTotals(events: readonly InetEvent[]): PhaseTotals {
  const totals: PhaseTotals = {};
  for (const hop of derivePhases(events).hops) {
    for (const key of ['dns', 'connect', 'tls', 'wait', 'receive'] as const) {
      const v = hop[key];
      if (v !== undefined) totals[key] = tenth((totals[key] ?? 0) + v);
    }
  }
  return totals;
}

const tenth = (ms: number): number => Math.round(ms * 10) / 10;
