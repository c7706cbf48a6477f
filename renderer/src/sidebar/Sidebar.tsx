// The sidebar at the left: a switch between Collections, History and Cookies at its top (the
// choice remembered), then that view.
import { CollectionsPanel } from '../collections/CollectionsPanel.js';
import { CookiesPanel } from '../cookies/CookiesPanel.js';
import { HistorySidebar } from '../history/HistorySidebar.js';
import { setSidebar, useSidebar, type SidebarView } from './sidebar-store.js';
import './sidebar.css';

const VIEWS: Array<{ view: SidebarView; label: string }> = [
  { view: 'collections', label: 'Collections' },
  { view: 'history', label: 'History' },
  { view: 'cookies', label: 'Cookies' },
];

export function Sidebar() {
  const view = useSidebar((s) => s.view);
  return (
    <aside className="sidebar" data-testid="sidebar" aria-label="Sidebar">
      <div className="side-switch" role="tablist" aria-label="Sidebar view">
        {VIEWS.map((v) => (
          <button key={v.view} type="button" role="tab" aria-selected={view === v.view} data-testid={`sidebar-${v.view}`} className={view === v.view ? 'on' : undefined} onClick={() => setSidebar(true, v.view)}>
            {v.label}
          </button>
        ))}
      </div>
      {view === 'collections' ? <CollectionsPanel /> : view === 'history' ? <HistorySidebar /> : <CookiesPanel />}
    </aside>
  );
}
