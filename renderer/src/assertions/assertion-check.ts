// After a send, the assertions the tab held when it was sent are checked in the core
// (checkAssertions: the checks `inetscope run` makes) once its exchange finished; the
// results are kept per request id while the exchange is shown.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { AssertionResult } from '../../../contract/assertions.js';
import { appStore } from '../app-store.js';
import { describeError, type Platform } from '../platform/index.js';
import type { Tab } from '../tabs/tabs-slice.js';
import { rowsToAssertions, type AssertionRow } from './assertion-rows.js';

export type CheckState = { state: 'checking'; count: number } | { state: 'done'; results: AssertionResult[] } | { state: 'not checked'; reason: string };

const results = createStore<Record<string, CheckState>>(() => ({}));

export const useAssertionCheck = (id: string): CheckState | undefined => useStore(results, (s) => s[id]);

const set = (id: string, state: CheckState): void => results.setState({ [id]: state });

async function check(platform: Platform, id: string, rows: readonly AssertionRow[]): Promise<void> {
  const r = rowsToAssertions(rows);
  if (!r.ok) return set(id, { state: 'not checked', reason: r.message });
  set(id, { state: 'checking', count: r.assertions.length });
  try {
    set(id, { state: 'done', results: (await platform.call('checkAssertions', { id, assertions: r.assertions })).results });
  } catch (e) {
    set(id, { state: 'not checked', reason: describeError(e) });
  }
}

/** Requests in flight → the assertion rows their tab held when they were sent. */
function began(tabs: readonly Tab[], before: ReadonlyMap<string, string | undefined>, sent: Map<string, readonly AssertionRow[]>): void {
  for (const t of tabs) if (t.inFlightId !== undefined && before.get(t.key) !== t.inFlightId) sent.set(t.inFlightId, t.draft.assertions ?? []);
}

export function watchAssertions(platform: Platform): () => void {
  const sent = new Map<string, readonly AssertionRow[]>();
  return appStore.subscribe((s, prev) => {
    if (s.tabs === prev.tabs && s.responses === prev.responses) return;
    began(s.tabs, new Map(prev.tabs.map((t) => [t.key, t.inFlightId])), sent);
    for (const [id, rows] of sent) {
      const finished = s.responses[id]?.finished;
      const gone = s.responses[id] === undefined;
      if (!finished && !gone) continue;
      sent.delete(id);
      if (finished && rows.length > 0) void check(platform, id, rows);
    }
    // Results of exchanges no tab shows any more go with them.
    const kept = Object.keys(results.getState()).filter((id) => s.responses[id] !== undefined);
    if (kept.length !== Object.keys(results.getState()).length) results.setState(Object.fromEntries(kept.map((id) => [id, results.getState()[id]!])), true);
  });
}
