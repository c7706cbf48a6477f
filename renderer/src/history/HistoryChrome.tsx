// What the history and settings UI adds around the app: the top bar's History and Settings
// buttons.
import { toggleHistory, useHistory } from './history-store.js';
import { openDialog } from '../dialogs/dialog-store.js';

export function HistoryButtons() {
  const open = useHistory((s) => s.open);
  return (
    <span className="top-buttons">
      <button type="button" className={`btn btn-small${open ? ' btn-on' : ''}`} data-testid="history-toggle" aria-pressed={open} title="Show or hide the history (Ctrl+Shift+H)" onClick={toggleHistory}>
        History
      </button>
      <button type="button" className="btn btn-small" data-testid="settings-open" title="Settings (Ctrl+,)" onClick={() => openDialog('settings')}>
        Settings
      </button>
    </span>
  );
}
