// The history sidebar's state: shown or not (remembered in localStorage), the list model,
// the selection, the rows in view, and the last import/export/re-open report.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { emptyHistory, emptySelection, type HistoryData, type Selection } from './history-model.js';

const OPEN_KEY = 'inetscope.history.open';

export interface Report {
  kind: 'info' | 'error' | 'busy';
  text: string;
}

export interface HistoryState {
  open: boolean;
  data: HistoryData;
  selection: Selection;
  /** Rows [start, end) in view. */
  view: { start: number; end: number };
  /** The entry last opened or focused: what Re-send's shortcut acts on. */
  current?: string;
  report?: Report;
}

/** Hidden until first asked for (the History button, Ctrl/Cmd+Shift+H): the exchange keeps the whole width. */
function storedOpen(): boolean {
  try {
    return globalThis.localStorage?.getItem(OPEN_KEY) === 'true';
  } catch {
    return false;
  }
}

export const historyStore = createStore<HistoryState>()(() => ({
  open: storedOpen(),
  data: emptyHistory(),
  selection: emptySelection(),
  view: { start: 0, end: 40 },
}));

export function useHistory<T>(selector: (s: HistoryState) => T): T {
  return useStore(historyStore, selector);
}

export function setHistoryOpen(open: boolean): void {
  historyStore.setState({ open });
  try {
    globalThis.localStorage?.setItem(OPEN_KEY, String(open));
  } catch {
    // Storage refused (a private window): the choice lasts for this page only.
  }
}

export const toggleHistory = (): void => setHistoryOpen(!historyStore.getState().open);

export const setReport = (report: Report | undefined): void => historyStore.setState({ report });
