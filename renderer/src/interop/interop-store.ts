// UI state of the curl/code features: the notice after an import, the language last chosen,
// what "Copy as cURL" did. Kept apart from the app store (request tabs and exchanges); a
// closed tab's notice and copy status go with it.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { appStore } from '../app-store.js';

export interface Notice {
  kind: 'imported' | 'error';
  title: string;
  warnings: string[];
  notes: string[];
}

export interface InteropState {
  /** The notice of each request tab (by tab key): it belongs to the tab it was made in. */
  notices: Record<string, Notice>;
  language: string;
  /** What the last "Copy as cURL" of each tab (by key) did, shown beside its button. */
  copyStatus: Record<string, string>;
}

export const interopStore = createStore<InteropState>(() => ({ language: 'curl', notices: {}, copyStatus: {} }));

export function useInterop<T>(selector: (s: InteropState) => T): T {
  return useStore(interopStore, selector);
}

export function setNotice(tabKey: string, notice: Notice | undefined): void {
  const { [tabKey]: _old, ...rest } = interopStore.getState().notices;
  interopStore.setState({ notices: notice ? { ...rest, [tabKey]: notice } : rest });
}

export const setCopyStatus = (tabKey: string, status: string): void =>
  interopStore.setState((s) => ({ copyStatus: { ...s.copyStatus, [tabKey]: status } }));

const ofTabs = <T,>(record: Record<string, T>, keys: Set<string>): Record<string, T> => Object.fromEntries(Object.entries(record).filter(([k]) => keys.has(k)));

appStore.subscribe(({ tabs }, prev) => {
  if (tabs.length >= prev.tabs.length) return;
  const keys = new Set(tabs.map((t) => t.key));
  interopStore.setState((s) => ({ notices: ofTabs(s.notices, keys), copyStatus: ofTabs(s.copyStatus, keys) }));
});
