// The cli reporter: a heading, a line per request as it ends (name, method, URL as sent,
// status, time, phases), its assertions under it, a folder's name where its requests begin,
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
  if (r.error && r.timeMs === undefined) return [`${head}  not sent: ${r.error.message.replace(/^Not sent: /, '')}`];
  const status = r.status === undefined ? '-' : String(r.status);
  const line = [head, status, `${ms(r.timeMs ?? 0)} ms`, phasesText(r.phases)].filter(Boolean).join('  ');
  const lines = [r.error ? `${line}  failed: ${r.error.message}` : line];
  for (const a of r.assertions) lines.push(`      ${a.passed ? '✓' : '✗'} ${a.description}${a.passed ? '' : `: expected ${a.expected}, got ${a.actual}`}`);
  return lines;
}

export function totalsLine(outcome: RunOutcome): string {
  const t = totalsOf(outcome);
  const stopped = outcome.stopped === 'bail' ? ` · stopped at the first failure (--bail): ${t.requests - t.run} not run` : outcome.stopped === 'interrupted' ? ` · interrupted: ${t.requests - t.run} not run` : '';
  const assertions = `${t.assertions} assertion${t.assertions === 1 ? '' : 's'}: ${t.assertions - t.assertionsFailed} passed, ${t.assertionsFailed} failed`;
  return `${t.run} request${t.run === 1 ? '' : 's'}: ${t.passed} passed, ${t.failed} failed · ${assertions} · ${ms(outcome.timeMs)} ms${stopped}`;
}
