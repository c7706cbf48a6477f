// The sidebar at the left: shown or not, and which view (Collections, History or Cookies); both are
// remembered in localStorage. Hidden until first asked for: the exchange keeps the whole width.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

const OPEN_KEY = 'inetscope.history.open';
const VIEW_KEY = 'inetscope.sidebar.view';

export type SidebarView = 'collections' | 'history' | 'cookies';
const VIEWS: readonly SidebarView[] = ['collections', 'history', 'cookies'];

export interface SidebarState {
  open: boolean;
  view: SidebarView;
}

function stored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function remember(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage refused (a private window): the choice lasts for this page only.
  }
}

export const sidebarStore = createStore<SidebarState>()(() => ({
  open: stored(OPEN_KEY) === 'true',
  view: VIEWS.find((v) => v === stored(VIEW_KEY)) ?? 'collections',
}));

export const useSidebar = <T,>(selector: (s: SidebarState) => T): T => useStore(sidebarStore, selector);

export function setSidebar(open: boolean, view: SidebarView = sidebarStore.getState().view): void {
  sidebarStore.setState({ open, view });
  remember(OPEN_KEY, String(open));
  remember(VIEW_KEY, view);
}

/** A view's button or shortcut: shows the sidebar on that view, or hides it if it shows that view already. */
export function toggleSidebar(view: SidebarView): void {
  const s = sidebarStore.getState();
  setSidebar(!(s.open && s.view === view), view);
}

export const toggleHistory = (): void => toggleSidebar('history');
export const toggleCollections = (): void => toggleSidebar('collections');
