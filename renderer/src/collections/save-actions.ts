// Saved requests in tabs: open one (a tab already showing it is focused), Save (over the
// file, while it is still at the version the tab knows; else the conflict dialog), Save As
// (a new file in a folder: the tab is linked to it). The draft → request conversion is the
// composer's (draftToRequest); its refusal is the message shown.
import { describeError, PlatformError, type Platform } from '../platform/index.js';
import { appStore } from '../app-store.js';
import { storedRequestToDraft } from '../history/stored-request.js';
import { activeTab, isBlankTab, type Tab } from '../tabs/tabs-slice.js';
import { openDialog } from '../dialogs/dialog-store.js';
import { withAssertions } from '../assertions/assertion-rows.js';
import { requestToSave } from './dirty.js';
import { report, showError } from './ui-store.js';
import { fetchTree, saving } from './workspace-actions.js';

const tabOf = (key: string): Tab | undefined => appStore.getState().tabs.find((t) => t.key === key);

/** Opens a saved request: in the tab that shows it already, else the active tab if blank, else a new one. */
export async function openSaved(platform: Platform, workspaceId: string, path: string): Promise<void> {
  const shown = appStore.getState().tabs.find((t) => t.saved?.workspaceId === workspaceId && t.saved.path === path);
  if (shown) return appStore.getState().setActiveTab(shown.key);
  try {
    const loaded = await platform.call('loadSavedRequest', { id: workspaceId, path });
    const { draft: stored, notes } = storedRequestToDraft(loaded.saved.request);
    const draft = withAssertions(stored, loaded.saved.assertions);
    const s = appStore.getState();
    const key = isBlankTab(activeTab(s)) ? s.activeTab : s.newTab();
    appStore.getState().setActiveTab(key);
    appStore.getState().linkTab(key, { workspaceId, path, version: loaded.version }, loaded.saved.name, draft, true);
    report(notes.length ? { kind: 'info', text: `Opened ${loaded.saved.name}. ${notes.join(' ')}` } : undefined);
  } catch (e) {
    report({ kind: 'error', text: `Opening ${path} failed: ${describeError(e)}` });
  }
}

const codeOf = (e: unknown): string | undefined => (e instanceof PlatformError ? e.code : undefined);

/** Ctrl/Cmd+S: over the tab's saved request, or Save As for a tab without one. */
export async function saveTab(platform: Platform, key: string, overwrite = false): Promise<void> {
  const tab = tabOf(key);
  if (!tab) return;
  if (!tab.saved) return openDialog('saveAs', { tabKey: key });
  if (tab.diskChanged && !overwrite) return openDialog('saveConflict', { tabKey: key });
  const r = requestToSave(tab.draft);
  if (!r.ok) return showError(`Not saved: ${r.message}`);
  const { workspaceId, path, version } = tab.saved;
  const draft = tab.draft;
  saving.add(key);
  try {
    // Its place among its siblings stays as it is in the file (the store keeps an absent seq).
    const saved = { name: tab.title ?? path.slice(path.lastIndexOf('/') + 1), request: r.request, ...(r.assertions ? { assertions: r.assertions } : {}) };
    const out = await platform.call('saveRequest', { id: workspaceId, path, baseVersion: version, overwrite, saved });
    appStore.getState().linkTab(key, { workspaceId, path: out.path, version: out.version }, saved.name, draft, false);
    report(undefined);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'CONFLICT') openDialog('saveConflict', { tabKey: key });
    else if (code === 'NOT_FOUND') {
      showError(`${tab.title ?? path} is no longer in the workspace: save it under a name.`);
      openDialog('saveAs', { tabKey: key });
    } else showError(`Saving failed: ${describeError(e)}`);
  } finally {
    saving.delete(key);
    void fetchTree(platform, workspaceId);
  }
}

/** Save As: a new request named `name` in `folder` of the workspace shown; the tab is linked
 * to it. Resolves with the problem to show in the dialog, or undefined once saved. */
export async function saveTabAs(platform: Platform, key: string, folder: string, name: string): Promise<string | undefined> {
  const tab = tabOf(key);
  const workspaceId = appStore.getState().workspaceId;
  if (!tab) return 'That tab is closed.';
  if (workspaceId === undefined) return 'No workspace is open.';
  const r = requestToSave(tab.draft);
  if (!r.ok) return r.message;
  const draft = tab.draft;
  saving.add(key);
  try {
    const saved = { name: name.trim(), request: r.request, ...(r.assertions ? { assertions: r.assertions } : {}) };
    const out = await platform.call('saveRequest', { id: workspaceId, folder, saved });
    appStore.getState().linkTab(key, { workspaceId, path: out.path, version: out.version }, name.trim(), draft, false);
    report(undefined);
    return undefined;
  } catch (e) {
    return describeError(e);
  } finally {
    saving.delete(key);
    void fetchTree(platform, workspaceId);
  }
}
