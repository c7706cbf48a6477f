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
  notice?: Notice;
  dialog?: Dialog;
  language: string;
  /** Set when the code dialog was opened by "Copy as cURL" because the clipboard refused. */
  copyFallback?: boolean;
  /** What the last "Copy as cURL" did, shown beside its button. */
  copyStatus?: string;
}

export const interopStore = createStore<InteropState>(() => ({ language: 'curl' }));

export function useInterop<T>(selector: (s: InteropState) => T): T {
  return useStore(interopStore, selector);
}

export const openDialog = (dialog: Dialog, patch: Partial<InteropState> = {}): void => interopStore.setState({ dialog, copyFallback: false, ...patch });
export const closeDialog = (): void => interopStore.setState({ dialog: undefined, copyFallback: false });
export const dismissNotice = (): void => interopStore.setState({ notice: undefined });
