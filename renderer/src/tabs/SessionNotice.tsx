// One line about the kept tabs (tabs/session-sync.ts): files a restored tab needs chosen
// again, a session file that was set aside, or why the tabs are not being kept.
import { dismissSessionNotice, useSessionNotice } from './session-sync.js';

export function SessionNotice() {
  const text = useSessionNotice();
  if (!text) return null;
  return (
    <p className="session-notice" role="status" data-testid="session-notice">
      <span>{text}</span>
      <button type="button" className="btn btn-small" aria-label="Dismiss" data-testid="session-notice-dismiss" onClick={dismissSessionNotice}>
        ✕
      </button>
    </p>
  );
}
