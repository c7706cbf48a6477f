// What the history sidebar does with the core: fetch the pages in view, refresh, search,
// re-open an entry in a tab (its stored events fed to the store as a live exchange's) and
// re-send an entry as a new request.
import { sendActive } from '../composer/send-actions.js';
import { describeError, type Platform } from '../platform/index.js';
import type { Draft } from '../composer/draft.js';
import { storedRequestToDraft } from './stored-request.js';
import { appStore } from '../app-store.js';
import { activeTab, isBlankTab } from '../tabs/tabs-slice.js';
import { missingPages, pagesFor, PAGE_SIZE, refreshed, withPage } from './history-model.js';
import { historyStore, setReport } from './history-store.js';

/** Pages asked for and not answered yet, as "gen:page". */
const asked = new Set<string>();

/** Fetches the pages of the rows in view that are missing or stale. */
export function fetchMissing(platform: Platform): void {
  const { data, view } = historyStore.getState();
  for (const page of missingPages(data, view.start, view.end)) {
    const key = `${data.gen}:${page}`;
    if (asked.has(key)) continue;
    asked.add(key);
    const { gen, query } = data;
    platform.call('listHistory', { ...(query ? { query } : {}), limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
      (answer) => {
        asked.delete(key);
        historyStore.setState((s) => ({ data: withPage(s.data, page, gen, answer) }));
        if (historyStore.getState().data.gen === gen) fetchMissing(platform);
      },
      (e: unknown) => {
        asked.delete(key);
        setReport({ kind: 'error', text: `Listing the history failed: ${describeError(e)}` });
      },
    );
  }
}

export function setView(platform: Platform, start: number, end: number): void {
  const v = historyStore.getState().view;
  if (v.start === start && v.end === end) return;
  historyStore.setState({ view: { start, end } });
  fetchMissing(platform);
}

/** New entries (a request finished, an import): the pages in view are fetched again. */
export function refreshHistory(platform: Platform): void {
  historyStore.setState((s) => ({ data: refreshed(s.data, pagesFor(s.view.start, s.view.end)) }));
  fetchMissing(platform);
}

export function searchHistory(platform: Platform, query: string): void {
  const q = query.trim();
  if (q === historyStore.getState().data.query) return;
  historyStore.setState((s) => ({ data: refreshed(s.data, [], q), view: { start: 0, end: s.view.end - s.view.start } }));
  fetchMissing(platform);
}

async function loadEntry(platform: Platform, id: string) {
  const entry = await platform.call('loadHistoryEntry', { id });
  const { draft, notes } = storedRequestToDraft(entry.request);
  return { entry, draft, notes };
}

const notesText = (notes: string[]): string => (notes.length ? ` ${notes.join(' ')}` : '');

/** Shows a stored exchange in a tab (the one that shows it already, if any). */
export async function openEntry(platform: Platform, id: string): Promise<void> {
  historyStore.setState({ current: id });
  const shown = appStore.getState().tabs.find((t) => t.requestId === id);
  if (shown) return appStore.getState().setActiveTab(shown.key);
  try {
    const { entry, draft, notes } = await loadEntry(platform, id);
    appStore.getState().openExchange(draft, id, entry.events);
    setReport(notes.length ? { kind: 'info', text: `Opened ${entry.summary.method} ${entry.summary.url}.${notesText(notes)}` } : undefined);
  } catch (e) {
    setReport({ kind: 'error', text: `Opening the entry failed: ${describeError(e)}` });
  }
}

/** A tab for a draft: the active one if it is still blank, else a new one. */
function tabFor(draft: Draft): void {
  const s = appStore.getState();
  const tab = activeTab(s);
  const key = isBlankTab(tab) ? tab.key : s.newTab();
  appStore.getState().updateDraft(key, () => draft);
}

/** Loads the entry's request into the composer (a tab of its own) and sends it as a new request. */
export async function resendEntry(platform: Platform, id: string): Promise<void> {
  historyStore.setState({ current: id });
  try {
    const { draft, notes } = await loadEntry(platform, id);
    tabFor(draft);
    setReport(notes.length ? { kind: 'info', text: `Re-sent with changes:${notesText(notes)}` } : undefined);
    await sendActive(platform);
  } catch (e) {
    setReport({ kind: 'error', text: `Re-sending failed: ${describeError(e)}` });
  }
}

/** The entry Re-send's shortcut acts on: the one shown in the active tab, or the last opened. */
export function currentEntry(): string | undefined {
  const tab = activeTab(appStore.getState());
  const current = historyStore.getState().current;
  if (tab.requestId && tab.inFlightId === undefined && appStore.getState().responses[tab.requestId]?.finished) return tab.requestId;
  return current;
}
