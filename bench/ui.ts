// UI benchmark: browser mode started in-process (real core, curl engine, the built
// renderer) and Debian's Chromium, as the end-to-end tests run them. In one run it reports
// the time to first paint of the response view (Send click → status and first body text on
// screen, timed in the page) for a 1 KB and a 100 MB body (the median of RUNS sends each),
// their ratio (target ≤ 3, shown as information), the longest task while scrolling the
// large body, and the start time of `npm run web` on the built tree (bench/start-time.ts).
// The target server runs in a process of its own (bench/ui-target.ts), as a real server
// would. Prints a table and writes bench/results/ui-latest.json. Not a test: nothing about
// speed is asserted.
// Run with `npm run bench:ui`.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openApp, ROOT, startStack, until, type E2eStack } from '../test/e2e/support.js';
import { median } from './common.js';
import { measureStart, type StartTime } from './start-time.js';
import { armPaintProbe, readPaintProbe, readLongTasks, scrollBody, watchLongTasks, type PaintProbe } from './ui-page.js';

const RESULTS = path.join(ROOT, 'bench', 'results', 'ui-latest.json');
const SMALL = 1024;
const LARGE = 100 * 1024 * 1024;
const RATIO_TARGET = 3;
const RUNS = 5;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const tid = (id: string): string => `[data-testid="${id}"]`;

interface Measure extends PaintProbe {
  bytes: number;
  /** Longest task (ms) from the click until both were painted. */
  longestTask: number;
}

/** The medians of RUNS measures, and each run's. */
interface Measures extends Measure {
  runs: Measure[];
}

/** The target server, forked: its URL once it listens. */
function startTarget(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(HERE, 'ui-target.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the target server exited early (code ${code})`)));
    child.once('message', (m: { url: string }) => resolve({ url: m.url, child }));
  });
}

async function openReady(stack: E2eStack): Promise<Page> {
  const { page } = await openApp(stack);
  await page.locator(tid('send-button')).waitFor({ state: 'visible', timeout: 15_000 });
  await until('the connection to be up', async () =>
    (await page.locator(tid('connection-state')).getAttribute('data-state')) === 'connected' ? true : undefined,
  );
  return page;
}

/** One Send of GET /bytes/N, timed in the page; waits for the finished event. */
async function measure(page: Page, target: string, bytes: number): Promise<Measure> {
  await page.locator(tid('url-input')).fill(`${target}/bytes/${bytes}`);
  await watchLongTasks(page);
  await armPaintProbe(page, 120_000);
  await page.locator(tid('send-button')).click();
  const probe = await readPaintProbe(page);
  await page.locator(`${tid('event-row')}[data-status="finished"]`).first().waitFor({ state: 'attached', timeout: 120_000 });
  return { bytes, ...probe, longestTask: (await readLongTasks(page)).max };
}

async function measureRuns(page: Page, target: string, bytes: number): Promise<Measures> {
  const runs: Measure[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(page, target, bytes));
  const of = (k: 'status' | 'body' | 'longestTask'): number => median(runs.map((r) => r[k]));
  return { bytes, status: of('status'), body: of('body'), longestTask: of('longestTask'), runs };
}

interface Report {
  date: string;
  host: { cpus: number; cpu: string; platform: string; node: string };
  runs: number;
  small: Measures;
  large: Measures;
  /** large.body / small.body. */
  ratio: number;
  ratioTarget: number;
  ratioMet: boolean;
  scroll: { scrolled: boolean; longestTask: number; longTasks: number };
  /** `npm run web` on the built tree: spawn → URL answering (the target is ≤ 3 s). */
  start: StartTime;
}

const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

function printReport(r: Report): void {
  const rows: Array<[string, string, string, string]> = [
    [`body (median of ${r.runs})`, 'status painted', 'body painted', 'longest task'],
    ['1 KB', ms(r.small.status), ms(r.small.body), ms(r.small.longestTask)],
    ['100 MB', ms(r.large.status), ms(r.large.body), ms(r.large.longestTask)],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  for (const row of rows) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}\n`);
  const met = r.ratioMet ? 'met' : 'not met';
  process.stdout.write(`\nfirst paint ratio 100 MB / 1 KB: ${r.ratio.toFixed(2)} (target ≤ ${r.ratioTarget}: ${met})\n`);
  process.stdout.write(
    r.scroll.scrolled
      ? `scrolling the 100 MB body: longest task ${ms(r.scroll.longestTask)} (${r.scroll.longTasks} tasks over 50 ms)\n`
      : 'scrolling the 100 MB body: no scrollable body view was found\n',
  );
  const rebuilt = r.start.built ? ' (it rebuilt first: sources changed)' : '';
  process.stdout.write(`start of npm run web on a built tree: ${ms(r.start.ms)} to its URL answering${rebuilt}\n`);
}

async function run(stack: E2eStack, target: string, start: StartTime): Promise<Report> {
  // The downloads folder is fixed by startStack.
  await stack.core.call('setSettings', { defaultEngine: 'curl' });
  const page = await openReady(stack);
  await page.locator(tid('method-select')).selectOption('GET');
  // Warm-up: the first request pays for the connection and the first render of the panes.
  await measure(page, target, SMALL);
  const small = await measureRuns(page, target, SMALL);
  const large = await measureRuns(page, target, LARGE);
  await watchLongTasks(page);
  const scrolled = await scrollBody(page, 40, 1200);
  const long = await readLongTasks(page);
  const ratio = large.body / small.body;
  return {
    date: new Date().toISOString(),
    host: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', platform: `${os.platform()} ${os.release()}`, node: process.version },
    runs: RUNS,
    small,
    large,
    ratio,
    ratioTarget: RATIO_TARGET,
    ratioMet: ratio <= RATIO_TARGET,
    scroll: { scrolled, longestTask: long.max, longTasks: long.count },
    start,
  };
}

async function main(): Promise<void> {
  // First, with nothing else running on the machine's cores.
  const start = await measureStart();
  const target = await startTarget();
  const stack = await startStack();
  try {
    const report = await run(stack, target.url, start);
    printReport(report);
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nwritten to ${path.relative(process.cwd(), RESULTS)}\n`);
  } finally {
    await stack.close();
    target.child.disconnect();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:ui failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
