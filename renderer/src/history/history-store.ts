// The history sidebar's state: the list model, the selection, the rows in view, and the
// last import/export/re-open report (whether the sidebar shows: sidebar/sidebar-store.ts).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { emptyHistory, emptySelection, type HistoryData, type Selection } from './history-model.js';

export interface Report {
  kind: 'info' | 'error' | 'busy';
  text: string;
}

export interface HistoryState {
  data: HistoryData;
  selection: Selection;
  /** Rows [start, end) in view. */
  view: { start: number; end: number };
  /** The entry last opened or focused: what Re-send's shortcut acts on. */
  current?: string;
  report?: Report;
}

export const historyStore = createStore<HistoryState>()(() => ({
  data: emptyHistory(),
  selection: emptySelection(),
  view: { start: 0, end: 40 },
}));

export function useHistory<T>(selector: (s: HistoryState) => T): T {
  return useStore(historyStore, selector);
}

export const setReport = (report: Report | undefined): void => historyStore.setState({ report });
