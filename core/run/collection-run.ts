// A run plan's requests sent one after another through one engine client, each resolved as
// the app's send resolves it (resolveSent, sendableDraft, prepareBody, toEngineRequest: the
// same steps, so the runner cannot send what the app would not), its response checked by
// its assertions and its Postman scripts (run-scripts.ts). A request that cannot be sent or fails in transport is a failed result;
// the run goes on unless it bails. Bodies go to files in the run's work dir, removed after.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ScriptReport } from '../../contract/scripts.js';
import type { FinishedEvent, InetEvent } from '../../contract/events.js';
import { derivePhases } from '../../domain/phases.js';
import { maskSecrets } from '../../domain/secret-mask.js';
import type { EngineClient } from '../../engine/client.js';
import { sendFollowing, type FollowedRequest } from '../../engine/hop-follower.js';
import { WorkspaceCookieJar } from '../../domain/cookies/jar.js';
import { CommandFailure } from '../command-failure.js';
import { prepareBody, type BodyFiles, type PreparedBody } from '../request-body.js';
import { sendableDraft, toEngineRequest } from '../engine-request.js';
import { resolveSent } from '../variable-source.js';
import { hostClientCert } from '../workspace/host-certs.js';
import { checkAssertions, responseFacts, type AssertionResult } from './assertions.js';
import type { PlannedRequest, RunPlan } from './run-plan.js';
import { RunChains } from './run-chains.js';
import { maskedReport, reportPassed, type Prepared, type RunScripts } from './run-scripts.js';
import { sentOf } from '../scripts/pm-request.js';
import { withOAuthHeader } from '../oauth/apply-auth.js';
import type { OAuthTokens } from '../oauth/oauth-tokens.js';
import { runTokenTransport } from './run-oauth.js';

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
  /** What its Postman scripts reported (absent: it has none). */
  scripts?: ScriptReport;
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
  /** Runs the requests' scripts (trusted with a sandbox) or reports them as not run. */
  scripts: RunScripts;
  /** OAuth 2.0 tokens (the data dir's cache, shared with the app); absent: oauth2 auth is refused. */
  oauth?: OAuthTokens;
  onStart?(request: PlannedRequest): void;
  onEvent?(request: PlannedRequest, ev: InetEvent): void;
  onResult?(result: RequestResult): void;
}

/** A run: its requests in order, until the end, a bail, or interrupt(). */
export class CollectionRun {
  private current: FollowedRequest | undefined;
  private interrupted = false;
  /** The run's own cookies: what one request's responses set, the next ones send (redirect hops too). */
  private readonly jar = new WorkspaceCookieJar();
  private readonly chains: RunChains;
  /** Paths already run (a chain's source runs before the request that needs it, once). */
  private readonly ran = new Set<string>();

  constructor(
    private readonly plan: RunPlan,
    private readonly opts: RunnerOptions,
  ) {
    this.chains = new RunChains(plan);
  }

  /** Cancels the request in flight; no further one starts. */
  interrupt(): void {
    this.interrupted = true;
    this.current?.cancel();
  }

  async run(): Promise<RunOutcome> {
    const started = Date.now();
    const results: RequestResult[] = [];
    let stopped: RunOutcome['stopped'];
    for (const request of this.plan.requests) {
      if (this.interrupted) break;
      if (this.ran.has(request.path)) continue;
      if ((await this.withSources(request, [], results)).bail) {
        stopped = 'bail';
        break;
      }
    }
    if (this.interrupted) stopped = 'interrupted';
    return { results, planned: this.plan.requests.length, ...(stopped ? { stopped } : {}), timeMs: Date.now() - started };
  }

  /** `request` after the sources of its chained variables not yet run (each once, depth
   * first); a cycle among them fails each request in it, naming the cycle. */
  private async withSources(request: PlannedRequest, chain: readonly string[], results: RequestResult[]): Promise<{ bail?: true; cycle?: string[] }> {
    const here = [...chain, request.path];
    let cycle: string[] | undefined;
    for (const source of this.chains.sourcesOf(request)) {
      if (this.ran.has(source.path)) continue;
      const at = here.indexOf(source.path);
      const step = at >= 0 ? { cycle: [...here.slice(at), source.path] } : await this.withSources(source, here, results);
      if (step.bail || this.interrupted) return step;
      cycle ??= step.cycle?.includes(request.path) ? step.cycle : undefined;
    }
    this.ran.add(request.path);
    this.opts.onStart?.(request);
    const result = cycle ? this.cycleResult(request, cycle) : await this.one(request);
    results.push(result);
    this.opts.onResult?.(result);
    return { ...(!result.passed && this.opts.bail ? { bail: true as const } : {}), ...(cycle ? { cycle } : {}) };
  }

  private cycleResult(request: PlannedRequest, cycle: readonly string[]): RequestResult {
    const { saved } = request;
    const message = `the chained variables' requests depend on each other in a cycle: ${cycle.join(' → ')}`;
    return { path: request.path, name: saved.name, folder: request.folder, method: saved.request.method, url: saved.request.url, error: { code: 'CHAIN_CYCLE', message }, assertions: [], passed: false };
  }

  private async one(request: PlannedRequest): Promise<RequestResult> {
    const { saved } = request;
    const base = { path: request.path, name: saved.name, folder: request.folder, method: saved.request.method, url: saved.request.url };
    const id = crypto.randomUUID();
    const sinkPath = path.join(this.opts.workDir, `${id}.body`);
    let body: PreparedBody | undefined;
    let prepared: Prepared | undefined;
    try {
      const ctx = { workspaceId: this.plan.workspaceId, requestPath: request.path, overrides: [] };
      prepared = await this.opts.scripts.before(request.scripts, saved.request, request.layers);
      if (prepared.failure !== undefined) return { ...base, error: { code: 'SCRIPT_FAILED', message: prepared.failure }, assertions: [], ...reportOf(prepared.report), passed: false };
      const layers = prepared.layers;
      const resolved = await resolveSent(sentOf(prepared.draft), ctx, { layersFor: () => Promise.resolve(layers) }, this.chains.responses);
      const plain = sendableDraft(this.opts.insecure ? { ...resolved.request, insecure: true } : resolved.request);
      const draft = await withOAuthHeader(plain, this.opts.oauth, this.plan.workspaceId, runTokenTransport(this.opts.client, this.opts.workDir), resolved.secrets);
      // Reports end up in CI logs: a secret's value is shown as its {{name}}.
      base.url = maskSecrets(draft.url, resolved.secrets);
      body = await prepareBody(draft, this.files());
      // The workspace's certificate for the host, for a request without one of its own.
      const hostCert = draft.clientCert ? undefined : await hostClientCert(this.plan.root, layers, draft.url);
      const spec = toEngineRequest(draft, this.files(), sinkPath, body, hostCert);
      const events: InetEvent[] = [];
      this.current = sendFollowing(this.opts.client, id, spec, { jar: this.jar, sendCookies: draft.sendCookies !== false }, (ev) => {
        events.push(ev);
        this.opts.onEvent?.(request, ev);
      });
      const finished = await this.current.finished;
      await this.chains.keep(request.path, events, finished, sinkPath);
      const result = await this.checked(base, request, events, finished, sinkPath);
      const report = await this.opts.scripts.after(request.scripts, prepared, draft, events, finished, sinkPath);
      // Reports end up in CI logs: what a script printed shows a used secret as its {{name}}.
      return { ...result, ...reportOf(report && maskedReport(report, resolved.secrets)), passed: result.passed && reportPassed(report) };
    } catch (e) {
      const code = e instanceof CommandFailure ? e.code : 'NOT_SENT';
      return { ...base, error: { code, message: (e as Error).message }, assertions: [], ...reportOf(prepared?.report), passed: false };
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

const reportOf = (report: ScriptReport | undefined): { scripts?: ScriptReport } => (report ? { scripts: report } : {});

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
