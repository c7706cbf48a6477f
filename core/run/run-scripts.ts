// Scripts within `inetscope run`: with --trust-scripts each request's chain runs in one
// sandbox for the whole run (its environment and collection sets carry to the later requests
// of the run, and to no file); without it no script runs, and each test script is reported
// as not run, so the request fails: an unrun test never passes.
import type { RequestDraft } from '../../contract/request.js';
import type { ScriptReport } from '../../contract/scripts.js';
import type { FinishedEvent, InetEvent } from '../../contract/events.js';
import type { VariableLayer } from '../../contract/variables.js';
import { maskSecrets, type SecretValue } from '../../domain/secret-mask.js';
import { emptySets, layersWithSets } from '../scripts/pm-scopes.js';
import { responseInput } from '../scripts/response-input.js';
import type { ScriptSandbox } from '../scripts/sandbox.js';
import { chainHas, type ScriptLevel } from '../scripts/script-sources.js';
import { emptyReport, runPrerequest, runTests } from '../scripts/script-steps.js';

export const NOT_TRUSTED = 'not run: scripts run only with --trust-scripts';

export interface Prepared {
  draft: RequestDraft;
  layers: VariableLayer[];
  report?: ScriptReport;
  /** A pre-request script failed: the request is not sent. */
  failure?: string;
}

export class RunScripts {
  private readonly sets = emptySets();

  /** `sandbox`: the scripts are trusted (--trust-scripts). */
  constructor(private readonly sandbox: ScriptSandbox | undefined) {}

  async before(chain: readonly ScriptLevel[], draft: RequestDraft, layers: VariableLayer[]): Promise<Prepared> {
    if (chain.length === 0) return { draft, layers: layersWithSets(layers, this.sets) };
    if (!this.sandbox) {
      const tests = chain.filter((l) => l.scripts.test?.trim()).map((l) => ({ name: `test script of the ${l.level}`, status: 'not-run' as const, error: NOT_TRUSTED }));
      return { draft, layers: layersWithSets(layers, this.sets), report: { ...emptyReport(), tests, skipped: NOT_TRUSTED } };
    }
    const pre = await runPrerequest(this.sandbox, chain, draft, layers, this.sets);
    if (pre.failed === undefined) return { draft: pre.draft, layers: pre.layers, report: pre.report };
    const problem = pre.report.problems.at(-1);
    return { ...pre, failure: `the pre-request script of the ${pre.failed} failed: ${problem?.message ?? 'unknown error'}` };
  }

  /** The test scripts, if trusted and the exchange completed; a failed exchange's tests are not run. */
  async after(chain: readonly ScriptLevel[], prepared: Prepared, sent: RequestDraft, events: InetEvent[], finished: FinishedEvent, bodyFile: string): Promise<ScriptReport | undefined> {
    const report = prepared.report;
    if (!report || !this.sandbox || !chainHas(chain, 'test')) return report;
    if (!finished.ok) {
      report.tests.push({ name: 'test scripts', status: 'not-run', error: 'not run: the request failed' });
      return report;
    }
    await runTests(this.sandbox, chain, sent, await responseInput(events, finished, bodyFile), prepared.layers, this.sets, report);
    return report;
  }
}

/** A report without a failed or unrun test and without a failed script. */
export function reportPassed(report: ScriptReport | undefined): boolean {
  return !report || (report.problems.length === 0 && report.tests.every((t) => t.status === 'passed'));
}

/** The report with each secret the request used written as {{name}} in its texts. */
export function maskedReport(report: ScriptReport, secrets: readonly SecretValue[]): ScriptReport {
  if (secrets.length === 0) return report;
  const mask = (text: string): string => maskSecrets(text, secrets);
  return {
    ...report,
    tests: report.tests.map((t) => ({ ...t, name: mask(t.name), ...(t.error !== undefined ? { error: mask(t.error) } : {}) })),
    problems: report.problems.map((p) => ({ ...p, message: mask(p.message) })),
    console: report.console.map((c) => ({ ...c, text: mask(c.text) })),
  };
}
