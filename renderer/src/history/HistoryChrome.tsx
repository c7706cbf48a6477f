// What the history and settings UI adds around the app: the top bar's Collections, History
// and Cookies buttons (each shows the sidebar on its view, or hides it) and Settings.
import { openDialog } from '../dialogs/dialog-store.js';
import { toggleSidebar, useSidebar, type SidebarView } from '../sidebar/sidebar-store.js';

function ViewButton({ view, label, title }: { view: SidebarView; label: string; title: string }) {
  const on = useSidebar((s) => s.open && s.view === view);
  return (
    <button type="button" className={`btn btn-small${on ? ' btn-on' : ''}`} data-testid={`${view}-toggle`} aria-pressed={on} title={title} onClick={() => toggleSidebar(view)}>
      {label}
    </button>
  );
}

export function HistoryButtons() {
  return (
    <span className="top-buttons">
      <ViewButton view="collections" label="Collections" title="Show or hide the collections (Ctrl+Shift+K)" />
      <ViewButton view="history" label="History" title="Show or hide the history (Ctrl+Shift+H)" />
      <ViewButton view="cookies" label="Cookies" title="Show or hide the workspace's cookies" />
      <button type="button" className="btn btn-small" data-testid="settings-open" title="Settings (Ctrl+,)" onClick={() => openDialog('settings')}>
        Settings
      </button>
    </span>
  );
}
