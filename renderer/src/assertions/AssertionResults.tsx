// The response pane's "Assertions 3/4 passed": each failure with what was expected and what
// came, the passed ones folded away. Nothing shows for a request sent without assertions.
import { useAssertionCheck } from './assertion-check.js';
import './assertions.css';

export function AssertionResults({ id }: { id: string }) {
  const check = useAssertionCheck(id);
  if (!check) return null;
  if (check.state === 'checking') {
    return (
      <p className="assertion-results muted" data-testid="assertion-results" data-state="checking">
        Checking {check.count} {check.count === 1 ? 'assertion' : 'assertions'}…
      </p>
    );
  }
  if (check.state === 'not checked') {
    return (
      <p className="assertion-results error" data-testid="assertion-results" data-state="not-checked">
        Assertions not checked: {check.reason}
      </p>
    );
  }
  const failed = check.results.filter((r) => !r.passed);
  const passed = check.results.filter((r) => r.passed);
  return (
    <section className="assertion-results" data-testid="assertion-results" data-state="done" aria-label="Assertions">
      <strong className={failed.length ? 'failed-some' : 'passed-all'} data-testid="assertion-summary">
        Assertions {passed.length}/{check.results.length} passed
      </strong>
      {failed.length > 0 && (
        <ul>
          {failed.map((r, i) => (
            <li key={i} className="error" data-testid="assertion-failure">
              ✗ {r.description}: expected {r.expected}, got {r.actual}
            </li>
          ))}
        </ul>
      )}
      {passed.length > 0 && (
        <details>
          <summary className="muted">Passed ({passed.length})</summary>
          <ul>
            {passed.map((r, i) => (
              <li key={i} data-testid="assertion-pass">
                ✓ {r.description} ({r.actual})
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
