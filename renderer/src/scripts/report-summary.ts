// A script report in one line for the Tests heading: "2 passed, 1 failed, 1 not run, 1 script error".
import type { ScriptReport, ScriptTest } from '../../../contract/scripts.js';

export function reportSummary(r: ScriptReport): string {
  const n = (status: ScriptTest['status']) => r.tests.filter((t) => t.status === status).length;
  const parts = [`${n('passed')} passed`, `${n('failed')} failed`, ...(n('not-run') ? [`${n('not-run')} not run`] : [])];
  if (r.problems.length) parts.push(`${r.problems.length} script error${r.problems.length === 1 ? '' : 's'}`);
  return parts.join(', ');
}
