// Scripts in the app: the trust commands, the send hook the request runner calls (pre-request
// scripts before resolution, test scripts after the response), the script sets of this
// session per workspace (environment and collection sets; in memory only, gone at restart,
// never written to a file), and the reports of the last sends. One sandbox, closed with the core.
import type { FinishedEvent, InetEvent } from '../../contract/events.js';
import type { RequestDraft, SentRequest } from '../../contract/request.js';
import type { ScriptReport } from '../../contract/scripts.js';
import type { SendContext } from '../../contract/variables.js';
import { CommandFailure, type Log } from '../command-failure.js';
import type { VariableSource } from '../variable-source.js';
import type { WorkspaceService } from '../workspace/workspace-service.js';
import { sentOf } from './pm-request.js';
import { emptySets, layersWithSets, type ScriptSets } from './pm-scopes.js';
import { responseInput } from './response-input.js';
import { ScriptSandbox } from './sandbox.js';
import { chainHas, savedRequestChain, type ScriptLevel } from './script-sources.js';
import { emptyReport, runPrerequest, runTests } from './script-steps.js';
import { TrustStore } from './trust-store.js';

/** Reports kept for scriptReport: the last this many sends with scripts. */
const KEPT_REPORTS = 200;
export const SCRIPT_TIMEOUT_MS = 5000;

/** After the response: the test scripts, given the request as sent, its events and its body file. */
export type AfterResponse = (sent: RequestDraft, events: InetEvent[], finished: FinishedEvent, bodyFile: string) => Promise<void>;

export interface PreparedSend {
  sent: SentRequest;
  variables: VariableSource | undefined;
  after?: AfterResponse;
}

export class ScriptService {
  private readonly sandbox: ScriptSandbox;
  private readonly sets = new Map<string, ScriptSets>();
  private readonly reports = new Map<string, ScriptReport>();

  private constructor(
    private readonly trustStore: TrustStore,
    private readonly workspaces: WorkspaceService,
    timeoutMs: number,
  ) {
    this.sandbox = new ScriptSandbox(timeoutMs);
  }

  static async create(dataDir: string, log: Log, workspaces: WorkspaceService, timeoutMs = SCRIPT_TIMEOUT_MS): Promise<ScriptService> {
    return new ScriptService(await TrustStore.load(dataDir, log), workspaces, timeoutMs);
  }

  async trust(id: string, requestPath: string | undefined): Promise<{ trusted: boolean; hasScripts: boolean }> {
    const root = this.rootOf(id);
    return { trusted: this.trustStore.isTrusted(id), hasScripts: (await savedRequestChain(root, requestPath)).length > 0 };
  }

  async setTrust(id: string, trusted: boolean): Promise<{ trusted: boolean }> {
    await this.trustStore.set(id, this.rootOf(id), trusted);
    return { trusted };
  }

  report(id: string): { report?: ScriptReport } {
    const report = this.reports.get(id);
    return report ? { report } : {};
  }

  /** The send as its pre-request scripts leave it, and the variables with this session's script sets. */
  async prepare(id: string, sent: SentRequest, context: SendContext | undefined, withoutScripts: boolean, base: VariableSource | undefined): Promise<PreparedSend> {
    const root = context ? this.workspaces.rootOf(context.workspaceId) : undefined;
    if (!context || !base || root === undefined) return { sent, variables: base };
    const sets = this.setsOf(context.workspaceId);
    const withSets: VariableSource = { layersFor: async (ctx) => layersWithSets(await base.layersFor(ctx), sets) };
    const chain = await savedRequestChain(root, context.requestPath);
    if (chain.length === 0) return { sent, variables: withSets };
    if (withoutScripts) {
      this.keep(id, { ...emptyReport(), skipped: 'not run: sent without scripts' });
      return { sent, variables: withSets };
    }
    if (!this.trustStore.isTrusted(context.workspaceId)) {
      throw new CommandFailure('SCRIPTS_NOT_TRUSTED', 'This workspace has scripts (pre-request or test). They run only once you trust the workspace: trust it, or send without scripts.');
    }
    const pre = await runPrerequest(this.sandbox, chain, sent, await base.layersFor(context), sets);
    this.keep(id, pre.report);
    if (pre.failed !== undefined) {
      throw new CommandFailure('SCRIPT_FAILED', `Not sent: the pre-request script of the ${pre.failed} failed: ${pre.report.problems.at(-1)?.message ?? 'unknown error'}`);
    }
    const layers = pre.layers;
    return { sent: sentOf(pre.draft), variables: { layersFor: () => Promise.resolve(layers) }, ...(chainHas(chain, 'test') ? { after: this.tests(chain, pre.report, layers, sets) } : {}) };
  }

  dispose(): Promise<void> {
    return this.sandbox.dispose();
  }

  private tests(chain: ScriptLevel[], report: ScriptReport, layers: Parameters<typeof runTests>[4], sets: ScriptSets): AfterResponse {
    return async (sent, events, finished, bodyFile) => {
      if (!finished.ok) return void report.tests.push({ name: 'test scripts', status: 'not-run', error: 'not run: the request failed' });
      await runTests(this.sandbox, chain, sent, await responseInput(events, finished, bodyFile), layers, sets, report);
    };
  }

  private rootOf(id: string): string {
    const root = this.workspaces.rootOf(id);
    if (root === undefined) throw new CommandFailure('NOT_FOUND', `the workspace ${id} is not open`);
    return root;
  }

  private setsOf(workspaceId: string): ScriptSets {
    let sets = this.sets.get(workspaceId);
    if (!sets) this.sets.set(workspaceId, (sets = emptySets()));
    return sets;
  }

  private keep(id: string, report: ScriptReport): void {
    this.reports.set(id, report);
    for (const old of this.reports.keys()) {
      if (this.reports.size <= KEPT_REPORTS) break;
      this.reports.delete(old);
    }
  }
}
