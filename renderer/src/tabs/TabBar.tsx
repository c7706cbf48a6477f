// Request tabs: one draft and one shown response each. The tabs scroll sideways (wheel,
// arrow buttons) when they overflow; "+" and the list of open tabs stay outside the
// scrolling part, so they are always reachable.
import { useApp } from '../app-store.js';
import { type Tab } from './tabs-slice.js';
import { TabList } from './TabList.js';
import { useStripScroll } from './use-strip-scroll.js';
import { isDirty } from '../collections/dirty.js';
import { requestClose } from './close-actions.js';
import { tabTitle } from './tab-title.js';
import { TabLabel } from './TabLabel.js';

/** A saved request's tab: its unsaved changes, and whether its file changed on disk meanwhile. */
function TabMarks({ t }: { t: Tab }) {
  if (t.diskChanged) {
    return (
      <span className="tab-mark tab-disk" data-testid="tab-disk-changed" title="Changed on disk since you opened it: saving asks first" aria-label="changed on disk">
        ●
      </span>
    );
  }
  if (!isDirty(t)) return null;
  return (
    <span className="tab-mark tab-dirty" data-testid="tab-dirty" title="Unsaved changes (Ctrl+S saves)" aria-label="unsaved changes">
      ●
    </span>
  );
}

export function TabBar() {
  const tabs = useApp((s) => s.tabs);
  const active = useApp((s) => s.activeTab);
  const setActive = useApp((s) => s.setActiveTab);
  const newTab = useApp((s) => s.newTab);
  const activeTitle = tabTitle(tabs.find((t) => t.key === active) ?? (tabs[0] as Tab));
  const strip = useStripScroll(active, tabs.length, activeTitle);
  const overflowing = strip.canLeft || strip.canRight;
  return (
    <div className="tabstrip">
      {overflowing && (
        <button className="tab-arrow" data-testid="tabs-left" aria-label="Scroll tabs left" disabled={!strip.canLeft} onClick={() => strip.page(-1)}>
          ‹
        </button>
      )}
      <nav className="tabbar" role="tablist" aria-label="Requests" ref={strip.ref} data-testid="tabbar">
        {tabs.map((t) => (
          <div key={t.key} className={`tab${t.key === active ? ' tab-active' : ''}${t.inFlightId ? ' tab-busy' : ''}`}>
            <TabLabel t={t} active={t.key === active} onPick={() => setActive(t.key)} />
            <TabMarks t={t} />
            {tabs.length > 1 && (
              <button className="tab-close" aria-label="Close tab" title="Close tab" onClick={() => requestClose(t.key)}>
                ×
              </button>
            )}
          </div>
        ))}
      </nav>
      {overflowing && (
        <button className="tab-arrow" data-testid="tabs-right" aria-label="Scroll tabs right" disabled={!strip.canRight} onClick={() => strip.page(1)}>
          ›
        </button>
      )}
      <button className="tab-new" data-testid="new-tab" aria-label="New tab" title="New tab" onClick={() => newTab()}>
        +
      </button>
      {tabs.length > 1 && <TabList tabs={tabs} active={active} title={tabTitle} onPick={setActive} onClose={requestClose} />}
    </div>
  );
}
