// What the history and settings UI adds around the app: the top bar's History and Settings
// buttons, and the open dialog (at most one).
import { HarExportDialog } from './HarExportDialog.js';
import { toggleHistory, useHistory } from './history-store.js';
import { openDialog, useOpenDialog } from '../dialogs/dialog-store.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';

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

export function Dialogs() {
  const open = useOpenDialog();
  if (open === 'settings') return <SettingsDialog />;
  if (open === 'export') return <HarExportDialog />;
  return null;
}
