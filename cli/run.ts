// `inetscope run PATH`: a workspace's saved requests (or a Postman collection file's, imported
// into a temp workspace for the run) sent one after another through one
// engine client (closed at the end), a line per request on stdout, the json / junit reports
// to --out (atomically) or stdout. Exit status as Newman's and Bruno's: 0 all passed, 1 a
// request or an assertion failed, 2 usage or file errors (the run refuses to start).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { InetEvent } from '../contract/events.js';
import { writeFileAtomic } from '../core/atomic-file.js';
import { defaultDataDir } from '../core/data-dir.js';
import { CollectionRun, type RunOutcome } from '../core/run/collection-run.js';
import { importCollectionFile, isFile } from '../core/run/postman-source.js';
import { loadRunPlan, RunRefused, type RunPlan } from '../core/run/run-plan.js';
import { OAuthTokens } from '../core/oauth/oauth-tokens.js';
import { TokenCache } from '../core/oauth/token-cache.js';
import { RunScripts } from '../core/run/run-scripts.js';
import { ScriptSandbox } from '../core/scripts/sandbox.js';
import { formatTimelineLine } from '../domain/timeline-text.js';
import { EngineClient, HostStartError } from '../engine/client.js';
import { resolveEngine } from '../engine/host-launch.js';
import { WineSetupError } from '../engine/wine-runtime.js';
import { UsageError } from './args.js';
import { EXIT_INTERRUPTED, EXIT_USAGE } from './exit-codes.js';
import { outputFor, parseRunArgs, type RunOptions } from './run-args.js';
import { folderLine, headingLine, resultLines, totalsLine } from './run-lines.js';
import { jsonReport, junitReport, type RunHeader } from './run-report.js';
import { RUN_USAGE } from './usage.js';

export const EXIT_RUN_FAILED = 1;

const out = (text: string): void => void process.stdout.write(`${text}\n`);

/** The cli reporter's lines as the run goes; --timeline's event lines on stderr. */
function progress(opts: RunOptions): Pick<ConstructorParameters<typeof CollectionRun>[1], 'onStart' | 'onEvent' | 'onResult'> {
  const cli = opts.reporters.includes('cli');
  let folder: string | undefined;
  return {
    onStart: (r) => {
      if (cli && r.folder !== folder && r.folder !== '') out(folderLine(r.folder));
      folder = r.folder;
      if (opts.timeline) process.stderr.write(`* ${r.saved.name} (${r.path})\n`);
    },
    onEvent: opts.timeline ? (_r, ev: InetEvent) => void process.stderr.write(`${formatTimelineLine(ev)}\n`) : undefined,
    onResult: cli ? (r) => resultLines(r).forEach(out) : undefined,
  };
}

async function writeReports(opts: RunOptions, header: RunHeader, outcome: RunOutcome): Promise<void> {
  for (const reporter of opts.reporters) {
    if (reporter === 'cli') continue;
    const text = reporter === 'json' ? jsonReport(header, outcome) : junitReport(header, outcome);
    const file = outputFor(reporter, opts);
    if (file === undefined) process.stdout.write(text);
    else await writeFileAtomic(path.resolve(file), text).catch((e: Error) => Promise.reject(new RunRefused(`cannot write the ${reporter} report to ${file}: ${e.message}`)));
  }
}

/** Said once: without --trust-scripts no script runs (their tests are reported as not run). */
function untrustedLine(opts: RunOptions, plan: RunPlan): void {
  const n = plan.requests.filter((r) => r.scripts.length > 0).length;
  if (opts.trustScripts || n === 0) return;
  process.stderr.write(`inetscope: ${n} request${n === 1 ? ' has' : 's have'} Postman scripts; they are not run (their tests count as not run, so the run fails): --trust-scripts runs them\n`);
}

/** `dataDir`: the app's, whose token cache the run uses (and refreshes); `shownAt`: the
 * location the reports name (a collection file rather than its temporary workspace). */
async function execute(opts: RunOptions, plan: RunPlan, dataDir: string, log: (m: string) => void, shownAt = plan.root): Promise<number> {
  const engine = resolveEngine(opts.engine);
  const header: RunHeader = { workspace: plan.name, location: shownAt, environment: plan.environment, engine, startedAt: new Date() };
  if (opts.reporters.includes('cli')) out(headingLine(header, plan.requests.length));
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'inetscope-run-'));
  let client: EngineClient | undefined;
  let run: CollectionRun | undefined;
  const sandbox = opts.trustScripts ? new ScriptSandbox(opts.scriptTimeout) : undefined;
  untrustedLine(opts, plan);
  const onSigint = (): void => run?.interrupt();
  process.on('SIGINT', onSigint);
  try {
    client = await EngineClient.start({ engine, startWith: opts.insecure ? 'insecure' : 'verify' });
    run = new CollectionRun(plan, { client, insecure: opts.insecure, bail: opts.bail, workDir, scripts: new RunScripts(sandbox), oauth: new OAuthTokens(new TokenCache(path.join(dataDir, 'oauth'), log)), ...progress(opts) });
    const outcome = await run.run();
    if (opts.reporters.includes('cli')) out(totalsLine(outcome));
    await writeReports(opts, header, outcome);
    if (outcome.stopped === 'interrupted') return EXIT_INTERRUPTED;
    return outcome.results.every((r) => r.passed) ? 0 : EXIT_RUN_FAILED;
  } finally {
    process.off('SIGINT', onSigint);
    await sandbox?.dispose();
    await client?.close();
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

export async function runMain(argv: string[]): Promise<number> {
  try {
    const o = parseRunArgs(argv);
    if (!('path' in o)) return void process.stdout.write(RUN_USAGE), 0;
    const log = (m: string): void => void process.stderr.write(`inetscope: ${m}\n`);
    const collection = (await isFile(o.path)) ? await importCollectionFile(o.path, log) : undefined;
    try {
      for (const n of collection?.notes ?? []) log(`${o.path}: ${n.path || 'the collection'}: ${n.note}`);
      const at = { path: collection?.root ?? o.path, dataDir: collection?.dataDir ?? defaultDataDir() };
      const plan = await loadRunPlan({ ...at, environment: o.env, environmentFile: o.envFile, overrides: o.var, folder: o.folder, log });
      return await execute(o, plan, at.dataDir, log, collection ? path.resolve(o.path) : plan.root);
    } finally {
      await collection?.remove();
    }
  } catch (e) {
    const known = e instanceof UsageError || e instanceof RunRefused || e instanceof WineSetupError || e instanceof HostStartError;
    process.stderr.write(`inetscope: ${known ? (e as Error).message : ((e as Error).stack ?? String(e))}\n`);
    return EXIT_USAGE;
  }
}
