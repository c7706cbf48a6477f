// The Catch panel's state: the catch server's status, the caught requests (newest first)
// with their server-side timelines, and the one selected. Pushed batches are applied in one set().
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CatchEvent, CatchStatus, CaughtPush, CaughtSummary } from '../../../contract/catch.js';

export interface CatchState {
  status: CatchStatus;
  /** Newest first. */
  order: string[];
  requests: Record<string, CaughtSummary>;
  events: Record<string, CatchEvent[]>;
  selected?: string;
  error?: string;
  /** The Catch panel is shown instead of the request tabs. */
  open: boolean;
  setOpen(open: boolean): void;
  /** The rules editor's text (kept while the panel is closed). */
  rulesText: string;
  setRulesText(text: string): void;
  applyCaught(push: CaughtPush): void;
  setStatus(status: CatchStatus): void;
  select(id: string | undefined): void;
  setError(error: string | undefined): void;
}

/** Adds a batch: events in seq order per request (duplicates dropped), summaries replaced. */
export function reduceCaught(s: Pick<CatchState, 'order' | 'requests' | 'events'>, push: CaughtPush): Pick<CatchState, 'order' | 'requests' | 'events'> {
  const requests = { ...s.requests };
  const events = { ...s.events };
  const fresh: string[] = [];
  for (const r of push.requests) {
    if (!requests[r.id]) fresh.push(r.id);
    requests[r.id] = r;
  }
  const copied = new Set<string>();
  for (const e of push.events) {
    const list = events[e.id] ?? [];
    const last = list[list.length - 1];
    if (last && e.seq <= last.seq) continue;
    if (!copied.has(e.id)) {
      events[e.id] = list.slice();
      copied.add(e.id);
    }
    (events[e.id] as CatchEvent[]).push(e);
  }
  // A push lists requests in the order their first event came: newest goes on top.
  const order = fresh.length > 0 ? [...fresh.reverse(), ...s.order] : s.order;
  return { order, requests, events };
}

export const catchStore = createStore<CatchState>()((set) => ({
  status: { running: false },
  order: [],
  requests: {},
  events: {},
  open: false,
  setOpen: (open) => set({ open }),
  rulesText: '[]',
  setRulesText: (rulesText) => set({ rulesText }),
  applyCaught: (push) => set((s) => reduceCaught(s, push)),
  setStatus: (status) => set({ status }),
  select: (selected) => set({ selected }),
  setError: (error) => set({ error }),
}));

export function useCatch<T>(selector: (s: CatchState) => T): T {
  return useStore(catchStore, selector);
}
