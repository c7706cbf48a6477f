// A request's script chain run in the sandbox: the pre-request scripts (outermost first)
// before its variables are resolved, each seeing the request and scopes as the previous one
// left them; the test scripts after the response. Environment and collection sets go into
// the caller's ScriptSets (they outlive the send); pm.variables sets apply to this send only.
// A pre-request script that fails stops the send; a test script that fails is reported and
// the next level's still runs (as in Postman).
import type { RequestDraft } from '../../contract/request.js';
import type { ScriptPhase, ScriptReport, ScriptTest } from '../../contract/scripts.js';
import type { VariableLayer } from '../../contract/variables.js';
import { pmRequestOf, pmResponseOf, withScriptChanges, type ResponseInput } from './pm-request.js';
import { changesIn, layersWithSets, mergeInto, pmScopesOf, type ScriptSets, type VariableSets } from './pm-scopes.js';
import type { SandboxRun, ScriptSandbox } from './sandbox.js';
import type { ScriptLevel } from './script-sources.js';

export const emptyReport = (): ScriptReport => ({ tests: [], problems: [], console: [] });

function testsOf(run: SandboxRun): ScriptTest[] {
  return run.assertions.map((a) =>
    a.skipped ? { name: a.name, status: 'not-run', error: 'skipped (pm.test.skip)' } : { name: a.name, status: a.passed ? 'passed' : 'failed', ...(a.error !== undefined && !a.passed ? { error: a.error } : {}) },
  );
}

interface StepInput {
  phase: ScriptPhase;
  level: ScriptLevel;
  request: Record<string, unknown>;
  response?: Record<string, unknown>;
  layers: VariableLayer[];
}

/** One level's script; its sets merged into `sets` (and `local`), its report appended. */
async function step(sandbox: ScriptSandbox, s: StepInput, sets: ScriptSets, local: VariableSets, report: ScriptReport): Promise<SandboxRun> {
  const scopes = pmScopesOf(s.layers);
  const context = {
    request: s.request,
    ...(s.response ? { response: s.response } : {}),
    environment: { values: scopes.environment },
    collectionVariables: { values: scopes.collectionVariables },
    _variables: { values: scopes._variables },
    globals: { values: [] },
  };
  const run = await sandbox.run(s.phase, s.level.scripts[s.phase] ?? '', context);
  report.tests.push(...testsOf(run));
  report.console.push(...run.console.map((c) => ({ phase: s.phase, level: c.level, text: c.text })));
  if (run.error !== undefined) {
    report.problems.push({ phase: s.phase, level: s.level.level, message: run.error });
    return run;
  }
  mergeInto(sets.environment, changesIn(scopes.environment, run.result?.environment?.values));
  mergeInto(sets.collection, changesIn(scopes.collectionVariables, run.result?.collectionVariables?.values));
  mergeInto(local, changesIn(scopes._variables, run.result?._variables?.values));
  return run;
}

export interface PrerequestOutcome {
  /** The template as the scripts left it (still to be resolved). */
  draft: RequestDraft;
  /** The scopes with the scripts' sets, to resolve it in. */
  layers: VariableLayer[];
  report: ScriptReport;
  /** The level whose script failed: the request is not sent. */
  failed?: string;
}

export async function runPrerequest(sandbox: ScriptSandbox, chain: readonly ScriptLevel[], draft: RequestDraft, layers: VariableLayer[], sets: ScriptSets): Promise<PrerequestOutcome> {
  const report = emptyReport();
  const local: VariableSets = new Map();
  let current = draft;
  for (const level of chain.filter((l) => l.scripts.prerequest?.trim())) {
    const request = pmRequestOf(current);
    const run = await step(sandbox, { phase: 'prerequest', level, request, layers: layersWithSets(layers, sets, local) }, sets, local, report);
    if (run.error !== undefined) return { draft: current, layers: layersWithSets(layers, sets, local), report, failed: level.level };
    current = withScriptChanges(current, request, run.result?.request);
  }
  return { draft: current, layers: layersWithSets(layers, sets, local), report };
}

/** The test scripts against the response; `sent` is the request as it went (resolved). */
export async function runTests(sandbox: ScriptSandbox, chain: readonly ScriptLevel[], sent: RequestDraft, response: ResponseInput, layers: VariableLayer[], sets: ScriptSets, report: ScriptReport): Promise<void> {
  const local: VariableSets = new Map();
  const pmResponse = pmResponseOf(response);
  for (const level of chain.filter((l) => l.scripts.test?.trim())) {
    await step(sandbox, { phase: 'test', level, request: pmRequestOf(sent), response: pmResponse, layers: layersWithSets(layers, sets, local) }, sets, local, report);
  }
}
