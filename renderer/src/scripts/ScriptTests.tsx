// The response pane's Tests section: what the last send's scripts reported (pm.test results,
// a script that failed, their console output), read from the core once the exchange is over.
// Nothing shows for a send without scripts.
import { useEffect, useState } from 'react';
import type { ScriptReport, ScriptTest } from '../../../contract/scripts.js';
import { reportSummary } from './report-summary.js';
import { usePlatform } from '../platform/platform-context.js';
import './scripts.css';

const MARK: Record<ScriptTest['status'], string> = { passed: '✓', failed: '✗', 'not-run': '–' };
const phaseName = (phase: string): string => (phase === 'prerequest' ? 'pre-request' : 'test');

export function ScriptTests({ id, finished }: { id: string; finished: boolean }) {
  const platform = usePlatform();
  const [report, setReport] = useState<ScriptReport | undefined>();
  useEffect(() => {
    setReport(undefined);
    if (!finished) return;
    let live = true;
    void platform.call('scriptReport', { id }).then(
      (r) => live && setReport(r.report),
      () => {},
    );
    return () => void (live = false);
  }, [platform, id, finished]);
  if (!report) return null;
  return (
    <div className="pane script-tests" data-testid="script-tests">
      <h2>
        Tests <span className="muted" data-testid="script-tests-summary">{reportSummary(report)}</span>
      </h2>
      {report.skipped && <p className="muted">{`Scripts ${report.skipped}`}</p>}
      <ul>
        {report.tests.map((t, i) => (
          <li key={i} className={`script-test-${t.status}`} data-testid="script-test" data-status={t.status}>
            <span className="mark">{MARK[t.status]}</span>
            {t.name}
            {t.error && <span className="why">{t.error}</span>}
          </li>
        ))}
        {report.problems.map((p, i) => (
          <li key={`p${i}`} className="script-problem" data-testid="script-problem">
            <span className="mark">✗</span>
            {`The ${phaseName(p.phase)} script of the ${p.level} failed: ${p.message}`}
          </li>
        ))}
      </ul>
      {report.console.length > 0 && (
        <pre className="script-console" data-testid="script-console">
          {report.console.map((c) => `${c.level === 'log' ? '' : `[${c.level}] `}${c.text}`).join('\n')}
        </pre>
      )}
    </div>
  );
}
