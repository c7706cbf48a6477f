// The request tabs (a feature of the workspace shell): each tab's draft, the request it shows
// and the one in flight. Closing a tab, or a new request in it, frees the exchanges no tab
// shows any more (forgetUnshown).
import type { StateCreator } from 'zustand/vanilla';
import type { SavedRef } from '../../../contract/workspace.js';
import { emptyDraft, type Draft } from '../composer/draft.js';
import type { ExchangesSlice } from '../timeline/exchanges-slice.js';
import type { AppState } from '../app-store.js';

export interface Tab {
  key: string;
  draft: Draft;
  /** The request shown under this tab (the last one sent). */
  requestId?: string;
  /** Set from send until its `finished` event (or a failed send). */
  inFlightId?: string;
  /** Why the last send was refused (bad draft, command error). */
  error?: string;
  /** The saved request this tab edits (collections/): Save writes there, if still at its version. */
  saved?: SavedRef;
  /** The draft as last loaded or saved: unsaved changes are measured against it. */
  baseline?: Draft;
  /** The saved request's name, the tab's title. */
  title?: string;
  /** Its file changed on disk while the tab had unsaved changes: the next save asks first. */
  diskChanged?: boolean;
}

export interface TabsSlice {
  tabs: Tab[];
  activeTab: string;
  newTab(): string;
  closeTab(key: string): void;
  setActiveTab(key: string): void;
  updateDraft(key: string, change: (d: Draft) => Draft): void;
  /** A new request in a tab (an import): its old response and error go with the old request. */
  replaceDraft(key: string, draft: Draft): void;
  /** Tabs of a stored session: in place of the one blank tab of a fresh page (their keys
   * kept), else after the tabs there are (under new keys); the active tab is theirs. */
  restoreTabs(tabs: Tab[], activeKey: string): void;
  /** A tab's own name (its title); blank goes back to the method and path. A saved
   * request's tab is named by its request (renamed in Collections), not here. */
  renameTab(key: string, title: string): void;
  /** The tab shows its draft only (its last exchange is no longer in the history). */
  forgetRequest(key: string, id: string): void;
}

/** The session keeps titles up to this length (contract/tab-session.ts). */
export const MAX_TAB_TITLE = 200;

let tabCounter = 0;
export const newTabKey = (): string => `tab-${++tabCounter}`;

/** Keys restored from a session: new ones are minted past them. */
function adoptKeys(keys: readonly string[]): void {
  for (const k of keys) tabCounter = Math.max(tabCounter, Number(/^tab-(\d+)$/.exec(k)?.[1] ?? 0));
}

function withRestored(s: Pick<TabsSlice, 'tabs'>, restored: Tab[], activeKey: string): Pick<TabsSlice, 'tabs' | 'activeTab'> {
  if (s.tabs.length === 1 && isBlankTab(s.tabs[0] as Tab)) {
    adoptKeys(restored.map((t) => t.key));
    return { tabs: restored, activeTab: activeKey };
  }
  const rekeyed = restored.map((t) => ({ ...t, key: newTabKey() }));
  const active = rekeyed[restored.findIndex((t) => t.key === activeKey)] ?? rekeyed[0];
  return { tabs: [...s.tabs, ...rekeyed], activeTab: active?.key ?? s.tabs[0]!.key };
}

export function mapTab(tabs: Tab[], key: string, change: (t: Tab) => Tab): Tab[] {
  return tabs.map((t) => (t.key === key ? change(t) : t));
}

/** A tab nothing was typed or sent in yet: a stored exchange or draft may take it. */
export const isBlankTab = (t: Tab): boolean => t.requestId === undefined && t.inFlightId === undefined && t.saved === undefined && t.draft.url.trim() === '';

export function activeTab(s: Pick<TabsSlice, 'tabs' | 'activeTab'>): Tab {
  return s.tabs.find((t) => t.key === s.activeTab) ?? (s.tabs[0] as Tab);
}

/** The exchanges of `s.tabs` only: a closed tab's, or a tab's earlier request, are dropped. */
export function forgetUnshown(s: Pick<TabsSlice, 'tabs'> & Pick<ExchangesSlice, 'timeline' | 'responses'>): Pick<ExchangesSlice, 'timeline' | 'responses'> {
  const shown = new Set(s.tabs.flatMap((t) => [t.requestId, t.inFlightId]));
  const keep = <T,>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => shown.has(id)));
  return { timeline: keep(s.timeline), responses: keep(s.responses) };
}

export const createTabsSlice: StateCreator<AppState, [], [], TabsSlice> = (set, get) => {
  const first: Tab = { key: newTabKey(), draft: emptyDraft() };
  return {
    tabs: [first],
    activeTab: first.key,
    newTab() {
      const tab: Tab = { key: newTabKey(), draft: emptyDraft(activeTab(get()).draft.options.engine) };
      set((s) => ({ tabs: [...s.tabs, tab], activeTab: tab.key }));
      return tab.key;
    },
    closeTab(key) {
      set((s) => {
        if (s.tabs.length <= 1) return {};
        const i = s.tabs.findIndex((t) => t.key === key);
        if (i < 0) return {};
        const tabs = s.tabs.filter((t) => t.key !== key);
        const activeTab = s.activeTab === key ? (tabs[Math.min(i, tabs.length - 1)] as Tab).key : s.activeTab;
        return { tabs, activeTab, ...forgetUnshown({ ...s, tabs }) };
      });
    },
    setActiveTab: (key) => set({ activeTab: key }),
    updateDraft: (key, change) => set((s) => ({ tabs: mapTab(s.tabs, key, (t) => ({ ...t, draft: change(t.draft) })) })),
    replaceDraft: (key, draft) =>
      set((s) => {
        const tabs = mapTab(s.tabs, key, (t) => ({ ...t, draft, requestId: undefined, error: undefined }));
        return { tabs, ...forgetUnshown({ ...s, tabs }) };
      }),
    restoreTabs: (tabs, activeKey) => {
      if (tabs.length > 0) set((s) => withRestored(s, tabs, activeKey));
    },
    renameTab: (key, title) => {
      const name = title.trim().slice(0, MAX_TAB_TITLE);
      set((s) => ({ tabs: mapTab(s.tabs, key, (t) => (t.saved ? t : { ...t, title: name || undefined })) }));
    },
    forgetRequest: (key, id) => set((s) => ({ tabs: mapTab(s.tabs, key, (t) => (t.requestId === id ? { ...t, requestId: undefined } : t)) })),
  };
};
