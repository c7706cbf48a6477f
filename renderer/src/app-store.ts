// The renderer's state (zustand): request tabs with their drafts, the event timeline and
// folded response of every request, and UI state. Pushed batches are applied in one set().
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Push } from '../../contract/api.js';
import type { InetEventDto } from '../../contract/events.js';
import { emptyDraft, type Draft } from './composer/draft.js';
import { emptyResponse, foldEvent, type ResponseInfo } from './response/response-model.js';
import type { ConnectionState } from './platform/types.js';
import { catchStore } from './catch/catch-store.js';

export interface Tab {
  key: string;
  draft: Draft;
  /** The request shown under this tab (the last one sent). */
  requestId?: string;
  /** Set from send until its `finished` event (or a failed send). */
  inFlightId?: string;
  /** Why the last send was refused (bad draft, command error). */
  error?: string;
}

export type Theme = 'system' | 'light' | 'dark';

export interface AppState {
  tabs: Tab[];
  activeTab: string;
  /** Events per request id, in seq order. */
  timeline: Record<string, InetEventDto[]>;
  responses: Record<string, ResponseInfo>;
  theme: Theme;
  connection: ConnectionState;

  newTab(): string;
  closeTab(key: string): void;
  setActiveTab(key: string): void;
  updateDraft(key: string, change: (d: Draft) => Draft): void;
  /** A new request in a tab (an import): its old response and error go with the old request. */
  replaceDraft(key: string, draft: Draft): void;
  /** A request is about to be sent from a tab: its timeline exists before any event. */
  beginRequest(key: string, id: string): void;
  /** The send was refused or failed before the core took it: the error shows, no response
   * (the one shown before belongs to an earlier request, not to the draft refused). */
  failRequest(key: string, id: string | undefined, message: string): void;
  applyPush(push: Push): void;
  /** The core said the request waits for its engine host to start (sendRequest's answer). */
  setEngineStarting(id: string, engine: string): void;
  /** A stored exchange (history, HAR import) in a tab of its own (the active one if blank),
   * its events folded as a live exchange's; returns the tab's key. */
  openExchange(draft: Draft, id: string, events: readonly InetEventDto[]): string;
  setConnection(state: ConnectionState): void;
  setTheme(theme: Theme): void;
}

type Data = Pick<AppState, 'tabs' | 'activeTab' | 'timeline' | 'responses'>;

/** Applies a batch of events (of any number of requests); returns only what changed. */
export function reduceEvents(s: Data, events: readonly InetEventDto[]): Partial<Data> {
  if (events.length === 0) return {};
  const timeline = { ...s.timeline };
  const responses = { ...s.responses };
  const copied = new Set<string>();
  const finished = new Set<string>();
  for (const e of events) {
    let list = timeline[e.id];
    const last = list?.[list.length - 1];
    if (last && e.seq <= last.seq) continue; // a duplicate
    if (!copied.has(e.id)) {
      list = list ? list.slice() : [];
      timeline[e.id] = list;
      copied.add(e.id);
    }
    (list as InetEventDto[]).push(e);
    responses[e.id] = foldEvent(responses[e.id] ?? emptyResponse(), e);
    if (e.type === 'finished') finished.add(e.id);
  }
  if (copied.size === 0) return {};
  const tabsChange = finished.size > 0 && s.tabs.some((t) => t.inFlightId !== undefined && finished.has(t.inFlightId));
  const tabs = tabsChange ? s.tabs.map((t) => (t.inFlightId !== undefined && finished.has(t.inFlightId) ? { ...t, inFlightId: undefined } : t)) : s.tabs;
  return { timeline, responses, tabs };
}

/** A request in flight when the link to the core is lost: its end will not reach this page. */
export const LOST_IN_FLIGHT = "The connection to InetScope's core was lost while this request ran; if the core finished it, it is in the history.";

/** The link's state; a loss ends every tab's wait for a `finished` that cannot come. */
function withConnection(s: AppState, connection: ConnectionState): Partial<AppState> {
  if (connection !== 'reconnecting' || !s.tabs.some((t) => t.inFlightId !== undefined)) return { connection };
  return { connection, tabs: s.tabs.map((t) => (t.inFlightId !== undefined ? { ...t, inFlightId: undefined, error: LOST_IN_FLIGHT } : t)) };
}

let tabCounter = 0;
const newTabKey = (): string => `tab-${++tabCounter}`;

function mapTab(tabs: Tab[], key: string, change: (t: Tab) => Tab): Tab[] {
  return tabs.map((t) => (t.key === key ? change(t) : t));
}

/** A tab nothing was typed or sent in yet: a stored exchange or draft may take it. */
export const isBlankTab = (t: Tab): boolean => t.requestId === undefined && t.inFlightId === undefined && t.draft.url.trim() === '';

/** The state with a stored exchange in a tab: the active one if blank, else a new one. */
function withExchange(s: AppState, draft: Draft, id: string, events: readonly InetEventDto[]): Pick<AppState, 'tabs' | 'activeTab' | 'timeline' | 'responses'> {
  const active = activeTab(s);
  const blank = isBlankTab(active);
  const tab: Tab = { key: blank ? active.key : newTabKey(), draft, requestId: id };
  const fresh = { ...s, timeline: { ...s.timeline, [id]: [] }, responses: { ...s.responses, [id]: emptyResponse() } };
  const { timeline = fresh.timeline, responses = fresh.responses } = reduceEvents(fresh, events);
  const tabs = blank ? mapTab(s.tabs, active.key, () => tab) : [...s.tabs, tab];
  return { tabs, activeTab: tab.key, timeline, responses };
}

export function createAppStore(): StoreApi<AppState> {
  const first: Tab = { key: newTabKey(), draft: emptyDraft() };
  return createStore<AppState>()((set, get) => ({
    tabs: [first],
    activeTab: first.key,
    timeline: {},
    responses: {},
    theme: 'system',
    connection: 'connecting',

    newTab() {
      const tab: Tab = { key: newTabKey(), draft: emptyDraft(get().tabs.find((t) => t.key === get().activeTab)?.draft.options.engine) };
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
        return { tabs, activeTab };
      });
    },
    setActiveTab: (key) => set({ activeTab: key }),
    updateDraft: (key, change) => set((s) => ({ tabs: mapTab(s.tabs, key, (t) => ({ ...t, draft: change(t.draft) })) })),
    replaceDraft: (key, draft) =>
      set((s) => ({ tabs: mapTab(s.tabs, key, (t) => ({ ...t, draft, requestId: undefined, error: undefined })) })),
    beginRequest: (key, id) =>
      set((s) => ({
        tabs: mapTab(s.tabs, key, (t) => ({ ...t, requestId: id, inFlightId: id, error: undefined })),
        timeline: { ...s.timeline, [id]: s.timeline[id] ?? [] },
        responses: { ...s.responses, [id]: s.responses[id] ?? emptyResponse() },
      })),
    failRequest: (key, id, message) =>
      set((s) => {
        // A send the core never took (no event at all), or one refused before it was made
        // (no id, nothing in flight: not a failed cancel): no exchange shows under the error.
        const untaken = id !== undefined && (s.timeline[id]?.length ?? 0) === 0;
        const tabs = mapTab(s.tabs, key, (t) => ({
          ...t,
          error: message,
          inFlightId: id !== undefined && t.inFlightId === id ? undefined : t.inFlightId,
          requestId: (untaken && t.requestId === id) || (id === undefined && t.inFlightId === undefined) ? undefined : t.requestId,
        }));
        if (!untaken) return { tabs };
        const { [id]: _t, ...timeline } = s.timeline;
        const { [id]: _r, ...responses } = s.responses;
        return { tabs, timeline, responses };
      }),
    setEngineStarting: (id, engine) =>
      set((s) => (s.responses[id] ? { responses: { ...s.responses, [id]: { ...s.responses[id], engineStarting: engine } } } : {})),
    applyPush: (push) => (push.kind === 'events' ? set((s) => reduceEvents(s, push.events)) : catchStore.getState().applyCaught(push)),
    openExchange(draft, id, events) {
      const next = withExchange(get(), draft, id, events);
      set(next);
      return next.activeTab;
    },
    setConnection: (connection) => set((s) => withConnection(s, connection)),
    setTheme: (theme) => set({ theme }),
  }));
}

/** The page's store. */
export const appStore = createAppStore();

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

export function activeTab(s: AppState): Tab {
  return s.tabs.find((t) => t.key === s.activeTab) ?? (s.tabs[0] as Tab);
}
