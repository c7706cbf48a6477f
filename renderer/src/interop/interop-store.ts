// UI state of the curl/code features: the notice after an import, which dialog is open,
// the language last chosen. Kept apart from the app store (request tabs and exchanges).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface Notice {
  kind: 'imported' | 'error';
  title: string;
  warnings: string[];
  notes: string[];
}

export type Dialog = 'import' | 'code';

export interface InteropState {
  /** The notice of each request tab (by tab key): it belongs to the tab it was made in. */
  notices: Record<string, Notice>;
  dialog?: Dialog;
  language: string;
  /** Set when the code dialog was opened by "Copy as cURL" because the clipboard refused. */
  copyFallback?: boolean;
  /** What the last "Copy as cURL" of each tab (by key) did, shown beside its button. */
  copyStatus: Record<string, string>;
}

export const interopStore = createStore<InteropState>(() => ({ language: 'curl', notices: {}, copyStatus: {} }));

export function useInterop<T>(selector: (s: InteropState) => T): T {
  return useStore(interopStore, selector);
}

export const openDialog = (dialog: Dialog, patch: Partial<InteropState> = {}): void => interopStore.setState({ dialog, copyFallback: false, ...patch });
export const closeDialog = (): void => interopStore.setState({ dialog: undefined, copyFallback: false });
export function setNotice(tabKey: string, notice: Notice | undefined): void {
  const { [tabKey]: _old, ...rest } = interopStore.getState().notices;
  interopStore.setState({ notices: notice ? { ...rest, [tabKey]: notice } : rest });
}

export const setCopyStatus = (tabKey: string, status: string): void =>
  interopStore.setState((s) => ({ copyStatus: { ...s.copyStatus, [tabKey]: status } }));
