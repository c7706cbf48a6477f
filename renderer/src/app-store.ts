// The page's state (zustand), composed of the features' slices: the request tabs, the
// exchanges they show, the collections (workspaces, trees, environments: the variables of a
// request derive from them), and the shell's link state and theme.
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ConnectionState } from './platform/types.js';
import type { Engine } from '../../contract/composer-draft.js';
import { keepBodyCaches } from './response/body-caches.js';
import { createExchangesSlice, type ExchangesSlice } from './timeline/exchanges-slice.js';
import { createTabsSlice, type TabsSlice } from './tabs/tabs-slice.js';
import { createCollectionsSlice, type CollectionsSlice } from './collections/collections-slice.js';

export type Theme = 'system' | 'light' | 'dark';

interface ShellSlice {
  theme: Theme;
  /** The engine a new request takes (Settings); the composer's option count leaves it out. */
  defaultEngine: Engine;
  connection: ConnectionState;
  setConnection(state: ConnectionState): void;
  setTheme(theme: Theme): void;
  setDefaultEngine(engine: Engine): void;
}

export type AppState = TabsSlice & ExchangesSlice & ShellSlice & CollectionsSlice;

/** A request in flight when the link to the core is lost: its end will not reach this page. */
export const LOST_IN_FLIGHT = "The connection to InetScope's core was lost while this request ran; if the core finished it, it is in the history.";

/** The link's state; a loss ends every tab's wait for a `finished` that cannot come. */
function withConnection(s: AppState, connection: ConnectionState): Partial<AppState> {
  if (connection !== 'reconnecting' || !s.tabs.some((t) => t.inFlightId !== undefined)) return { connection };
  return { connection, tabs: s.tabs.map((t) => (t.inFlightId !== undefined ? { ...t, inFlightId: undefined, error: LOST_IN_FLIGHT } : t)) };
}

const createShellSlice: StateCreator<AppState, [], [], ShellSlice> = (set) => ({
  theme: 'system',
  defaultEngine: 'auto',
  connection: 'connecting',
  setConnection: (connection) => set((s) => withConnection(s, connection)),
  setTheme: (theme) => set({ theme }),
  setDefaultEngine: (defaultEngine) => set({ defaultEngine }),
});

export function createAppStore(): StoreApi<AppState> {
  const store = createStore<AppState>()((...a) => ({
    ...createTabsSlice(...a),
    ...createExchangesSlice(...a),
    ...createShellSlice(...a),
    ...createCollectionsSlice(...a),
  }));
  // The viewers' cached body bytes go with the responses the store lets go.
  store.subscribe((s, prev) => {
    if (s.responses !== prev.responses) keepBodyCaches(s.responses);
  });
  return store;
}

/** The page's store. */
export const appStore = createAppStore();

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
