// Request tabs: one draft and one shown response each.
import { useApp, type Tab } from '../state/store.js';

function tabTitle(t: Tab): string {
  const url = t.draft.url.trim().replace(/^[a-z]+:\/\//i, '');
  return url ? `${t.draft.method} ${url}` : 'New request';
}

export function TabBar() {
  const tabs = useApp((s) => s.tabs);
  const active = useApp((s) => s.activeTab);
  const setActive = useApp((s) => s.setActiveTab);
  const newTab = useApp((s) => s.newTab);
  const closeTab = useApp((s) => s.closeTab);
  return (
    <nav className="tabbar" role="tablist" aria-label="Requests">
      {tabs.map((t) => (
        <div key={t.key} className={`tab${t.key === active ? ' tab-active' : ''}${t.inFlightId ? ' tab-busy' : ''}`}>
          <button role="tab" aria-selected={t.key === active} className="tab-label" title={tabTitle(t)} onClick={() => setActive(t.key)}>
            {tabTitle(t)}
          </button>
          {tabs.length > 1 && (
            <button className="tab-close" aria-label="Close tab" title="Close tab" onClick={() => closeTab(t.key)}>
              ×
            </button>
          )}
        </div>
      ))}
      <button className="tab-new" data-testid="new-tab" aria-label="New tab" title="New tab" onClick={() => newTab()}>
        +
      </button>
    </nav>
  );
}
