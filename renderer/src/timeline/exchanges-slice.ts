// The exchanges the tabs show: each request's events in seq order (the timeline) and the
// response folded from them. Pushed batches are applied in one set(). Only requests a tab
// began or opened are kept, and only while a tab shows them (forgetUnshown).
import type { StateCreator } from 'zustand/vanilla';
import type { Push } from '../../../contract/api.js';
import type { InetEvent } from '../../../contract/events.js';
import type { Draft } from '../composer/draft.js';
import { emptyResponse, foldEvent, type ResponseInfo } from '../response/response-model.js';
import { catchStore } from '../catch/catch-store.js';
import { activeTab, forgetUnshown, isBlankTab, mapTab, newTabKey, type Tab, type TabsSlice } from '../tabs/tabs-slice.js';
import type { AppState } from '../app-store.js';

export interface ExchangesSlice {
  /** Events per request id, in seq order. */
  timeline: Record<string, InetEvent[]>;
  responses: Record<string, ResponseInfo>;
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
  openExchange(draft: Draft, id: string, events: readonly InetEvent[]): string;
}

type Data = Pick<TabsSlice, 'tabs' | 'activeTab'> & Pick<ExchangesSlice, 'timeline' | 'responses'>;

/** Applies a batch of events (of any number of requests); returns only what changed. Events
 * of a request no tab began (or no longer shows) are not kept. */
export function reduceEvents(s: Data, events: readonly InetEvent[]): Partial<Data> {
  if (events.length === 0) return {};
  const timeline = { ...s.timeline };
  const responses = { ...s.responses };
  const copied = new Set<string>();
  const finished = new Set<string>();
  for (const e of events) {
    let list = timeline[e.id];
    if (!list) continue;
    const last = list[list.length - 1];
    if (last && e.seq <= last.seq) continue; // a duplicate
    if (!copied.has(e.id)) {
      list = list.slice();
      timeline[e.id] = list;
      copied.add(e.id);
    }
    list.push(e);
    responses[e.id] = foldEvent(responses[e.id] ?? emptyResponse(), e);
    if (e.type === 'finished') finished.add(e.id);
  }
  if (copied.size === 0) return {};
  const tabsChange = finished.size > 0 && s.tabs.some((t) => t.inFlightId !== undefined && finished.has(t.inFlightId));
  const tabs = tabsChange ? s.tabs.map((t) => (t.inFlightId !== undefined && finished.has(t.inFlightId) ? { ...t, inFlightId: undefined } : t)) : s.tabs;
  return { timeline, responses, tabs };
}

/** The state with a stored exchange in a tab: the active one if blank, else a new one. */
function withExchange(s: Data, draft: Draft, id: string, events: readonly InetEvent[]): Data {
  const active = activeTab(s);
  const blank = isBlankTab(active);
  const tab: Tab = { key: blank ? active.key : newTabKey(), draft, requestId: id };
  const fresh = { ...s, timeline: { ...s.timeline, [id]: [] }, responses: { ...s.responses, [id]: emptyResponse() } };
  const { timeline = fresh.timeline, responses = fresh.responses } = reduceEvents(fresh, events);
  const tabs = blank ? mapTab(s.tabs, active.key, () => tab) : [...s.tabs, tab];
  return { tabs, activeTab: tab.key, timeline, responses };
}

export const createExchangesSlice: StateCreator<AppState, [], [], ExchangesSlice> = (set, get) => ({
  timeline: {},
  responses: {},
  beginRequest: (key, id) =>
    set((s) => {
      const tabs = mapTab(s.tabs, key, (t) => ({ ...t, requestId: id, inFlightId: id, error: undefined }));
      const timeline = { ...s.timeline, [id]: s.timeline[id] ?? [] };
      return { tabs, ...forgetUnshown({ tabs, timeline, responses: { ...s.responses, [id]: s.responses[id] ?? emptyResponse() } }) };
    }),
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
      return { tabs, ...forgetUnshown({ ...s, tabs }) };
    }),
  setEngineStarting: (id, engine) =>
    set((s) => (s.responses[id] ? { responses: { ...s.responses, [id]: { ...s.responses[id], engineStarting: engine } } } : {})),
  // A workspace's tree is the collections sidebar's, not the timeline's.
  applyPush: (push) => {
    if (push.kind === 'events') set((s) => reduceEvents(s, push.events));
    else if (push.kind === 'caught') catchStore.getState().applyCaught(push);
  },
  openExchange(draft, id, events) {
    const next = withExchange(get(), draft, id, events);
    set(next);
    return next.activeTab;
  },
});
