// The notice after a curl import (or its failure): what was imported, the warnings (what
// did not come along), the notes (what was ignored on purpose). Dismissible; the active tab's.
import { setNotice, useInterop } from './interop-store.js';
import { useApp } from '../app-store.js';
import './interop.css';

export function ImportNotice() {
  const tabKey = useApp((s) => s.activeTab);
  const notice = useInterop((s) => s.notices[tabKey]);
  if (!notice) return null;
  return (
    <div className={`import-notice import-notice-${notice.kind}`} role="status" data-testid="curl-notice" data-kind={notice.kind}>
      <div className="import-notice-body">
        <strong data-testid="curl-notice-title">{notice.title}</strong>
        {notice.warnings.length > 0 && (
          <ul className="import-warnings">
            {notice.warnings.map((w, i) => (
              <li key={i} data-testid="curl-warning">
                {w}
              </li>
            ))}
          </ul>
        )}
        {notice.notes.length > 0 && (
          <ul className="import-notes muted">
            {notice.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="btn-icon" data-testid="curl-notice-dismiss" aria-label="Dismiss" title="Dismiss" onClick={() => setNotice(tabKey, undefined)}>
        ×
      </button>
    </div>
  );
}
