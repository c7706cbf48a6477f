// Closing a tab (its ×, the open-tabs list, Ctrl/Cmd+W): at once, or through the
// "Save changes?" dialog for a tab with unsaved work. Its Save saves over the tab's request,
// or opens Save As for one never saved, and closes the tab once nothing is left unsaved.
import type { Platform } from '../platform/index.js';
import { appStore } from '../app-store.js';
import { openDialog } from '../dialogs/dialog-store.js';
import { hasUnsavedWork } from '../collections/dirty.js';
import { saveTab } from '../collections/save-actions.js';
import { closeDecision } from './close-decision.js';

const tabOf = (key: string) => appStore.getState().tabs.find((t) => t.key === key);

export function requestClose(key: string): void {
  const s = appStore.getState();
  const decision = closeDecision(tabOf(key), s.tabs.length);
  if (decision === 'close') s.closeTab(key);
  else if (decision === 'ask') openDialog('closeTab', { tabKey: key });
}

/** The dialog's Save. A conflict or a refused save leaves the tab open (its own dialog or message says why). */
export async function saveAndClose(platform: Platform, key: string): Promise<void> {
  const tab = tabOf(key);
  if (!tab) return;
  if (!tab.saved) return openDialog('saveAs', { tabKey: key, thenClose: true });
  await saveTab(platform, key);
  const after = tabOf(key);
  if (after && !hasUnsavedWork(after)) appStore.getState().closeTab(key);
}
