// The cli reporter: a heading, a line per request as it ends (name, method, URL as sent,
// status, time, phases), its assertions and script tests under it, a folder's name where its requests begin,
// and the totals.
import type { PhaseTotals, RequestResult, RunOutcome } from '../core/run/collection-run.js';
import { totalsOf, type RunHeader } from './run-report.js';

const ms = (v: number): string => (v < 10 ? v.toFixed(1) : String(Math.round(v)));

export function phasesText(p: PhaseTotals | undefined): string {
  if (!p) return '';
  const parts = (['dns', 'connect', 'tls', 'wait', 'receive'] as const).flatMap((k) => (p[k] === undefined ? [] : [`${k} ${ms(p[k])}`]));
  return parts.length ? `(${parts.join(' · ')} ms)` : '';
}

export function headingLine(header: RunHeader, planned: number): string {
  const env = header.environment === undefined ? '' : `, environment ${header.environment}`;
  return `inetscope run: ${header.workspace} (${planned} request${planned === 1 ? '' : 's'}, engine ${header.engine}${env})`;
}

export function folderLine(folder: string): string {
  return folder === '' ? '' : `${folder}/`;
}

/** The request's line and one line per assertion under it. */
export function resultLines(r: RequestResult): string[] {
  const mark = r.passed ? '✓' : '✗';
  const head = `  ${mark} ${r.name}  ${r.method} ${r.url}`;
  // The resolver's message already says "Not sent: …".
  if (r.error && r.timeMs === undefined) return [`${head}  not sent: ${r.error.message.replace(/^Not sent: /, '')}`, ...scriptLines(r)];
  const status = r.status === undefined ? '-' : String(r.status);
  const line = [head, status, `${ms(r.timeMs ?? 0)} ms`, phasesText(r.phases)].filter(Boolean).join('  ');
  const lines = [r.error ? `${line}  failed: ${r.error.message}` : line];
  for (const a of r.assertions) lines.push(`      ${a.passed ? '✓' : '✗'} ${a.description}${a.passed ? '' : `: expected ${a.expected}, got ${a.actual}`}`);
  return [...lines, ...scriptLines(r)];
}

const TEST_MARK = { passed: '✓', failed: '✗', 'not-run': '-' } as const;

/** Its script tests (pm.test) under its assertions, then a script that failed. */
function scriptLines(r: RequestResult): string[] {
  const s = r.scripts;
  if (!s) return [];
  const tests = s.tests.map((t) => `      ${TEST_MARK[t.status]} ${t.name}${t.status === 'passed' ? '' : `: ${t.error ?? t.status}`}`);
  return [...tests, ...s.problems.map((p) => `      ✗ ${p.phase === 'prerequest' ? 'pre-request' : 'test'} script of the ${p.level}: ${p.message}`)];
}

export function totalsLine(outcome: RunOutcome): string {
  const t = totalsOf(outcome);
  const stopped = outcome.stopped === 'bail' ? ` · stopped at the first failure (--bail): ${t.requests - t.run} not run` : outcome.stopped === 'interrupted' ? ` · interrupted: ${t.requests - t.run} not run` : '';
  const assertions = `${t.assertions} assertion${t.assertions === 1 ? '' : 's'}: ${t.assertions - t.assertionsFailed} passed, ${t.assertionsFailed} failed`;
  const tests = t.tests === 0 ? '' : ` · ${t.tests} test${t.tests === 1 ? '' : 's'}: ${t.testsPassed} passed, ${t.testsFailed} failed${t.testsNotRun ? `, ${t.testsNotRun} not run` : ''}`;
  return `${t.run} request${t.run === 1 ? '' : 's'}: ${t.passed} passed, ${t.failed} failed · ${assertions}${tests} · ${ms(outcome.timeMs)} ms${stopped}`;
}
