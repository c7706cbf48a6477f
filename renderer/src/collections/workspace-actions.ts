// The workspaces with the core: which are open and recent, the tree of the one shown (kept
// up to date by pushes), opening a folder, and applying a tree to the tabs (a clean tab whose
// file changed on disk is loaded again).
import { describeError, PlatformError, type Platform } from '../platform/index.js';
import type { WorkspaceTree } from '../../../contract/workspace.js';
import { appStore } from '../app-store.js';
import { storedRequestToDraft } from '../history/stored-request.js';
import { withAssertions } from '../assertions/assertion-rows.js';
import { report } from './ui-store.js';
import { takeForeignRefs } from './sync.js';

/** Tabs whose save is in flight: a tree arriving meanwhile leaves them to the save's answer. */
export const saving = new Set<string>();
/** Workspaces the app is changing itself (a rename, a move): their trees' versions are adopted. */
const changing = new Map<string, number>();

export function applyTree(platform: Platform, tree: WorkspaceTree): void {
  const reload = appStore.getState().applyTree(tree, { saving, adopt: (changing.get(tree.info.id) ?? 0) > 0 });
  for (const key of reload) void reloadTab(platform, key, true);
}

export async function fetchTree(platform: Platform, id: string): Promise<void> {
  try {
    applyTree(platform, await platform.call('workspaceTree', { id }));
  } catch (e) {
    report({ kind: 'error', text: `Reading the workspace failed: ${describeError(e)}` });
  }
}

/** Runs a change of the app's own on workspace `id`, then takes its tree (versions adopted). */
export async function changeWorkspace<T>(platform: Platform, id: string, change: () => Promise<T>): Promise<T> {
  changing.set(id, (changing.get(id) ?? 0) + 1);
  try {
    const out = await change();
    applyTree(platform, await platform.call('workspaceTree', { id }));
    return out;
  } finally {
    changing.set(id, (changing.get(id) ?? 1) - 1);
  }
}

export async function refreshWorkspaces(platform: Platform): Promise<void> {
  try {
    appStore.getState().setWorkspaces(await platform.call('listWorkspaces', {}));
    const id = appStore.getState().workspaceId;
    if (id !== undefined) await fetchTree(platform, id);
  } catch (e) {
    report({ kind: 'error', text: `Listing the workspaces failed: ${describeError(e)}` });
  }
}

export async function showWorkspace(platform: Platform, id: string): Promise<void> {
  appStore.getState().showWorkspace(id);
  await fetchTree(platform, id);
}

/** A recent workspace by id, or a folder from the shell's dialog. Browser mode has no
 * dialog: its answer says how to give it a folder, and that is shown. */
export async function openWorkspace(platform: Platform, input: { choose: 'dialog' } | { id: string }): Promise<void> {
  try {
    const out = await platform.call('openWorkspace', input);
    if (!out.opened) return;
    await refreshWorkspaces(platform);
    await showWorkspace(platform, out.info.id);
    report(undefined);
  } catch (e) {
    // Browser mode says how to give it a folder: that is advice, not a failure.
    if (e instanceof PlatformError && e.code === 'NO_FOLDER_DIALOG') report({ kind: 'info', text: `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.` });
    else report({ kind: 'error', text: `Opening the workspace failed: ${describeError(e)}` });
  }
}

/** Loads the tab's saved request again: "Load theirs", or (`onlyIfClean`) a clean tab whose file
 * changed on disk; a tab edited meanwhile is marked changed on disk instead. */
export async function reloadTab(platform: Platform, key: string, onlyIfClean = false): Promise<void> {
  const before = appStore.getState().tabs.find((t) => t.key === key);
  if (!before?.saved) return;
  const { workspaceId, path } = before.saved;
  try {
    const loaded = await platform.call('loadSavedRequest', { id: workspaceId, path });
    const now = appStore.getState().tabs.find((t) => t.key === key);
    if (!now || now.saved?.path !== path) return;
    if (onlyIfClean && now.draft !== before.draft) {
      appStore.setState((s) => ({ tabs: s.tabs.map((t) => (t.key === key ? { ...t, diskChanged: true } : t)) }));
      return;
    }
    const draft = withAssertions(storedRequestToDraft(loaded.saved.request).draft, loaded.saved.assertions);
    appStore.getState().linkTab(key, { workspaceId, path, version: loaded.version }, loaded.saved.name, draft, true);
  } catch (e) {
    report({ kind: 'error', text: `Loading ${path} again failed: ${describeError(e)}` });
  }
}

/** Subscribes the page to workspace pushes and loads the workspaces on every (re)connect. */
export function watchWorkspaces(platform: Platform): () => void {
  const offPush = platform.onPush((push) => push.kind === 'workspace' && applyTree(platform, push.tree));
  const offConnection = platform.onConnectionChange((state) => state === 'connected' && void refreshWorkspaces(platform));
  if (platform.connection() === 'connected') void refreshWorkspaces(platform);
  // Tabs restored with links (after a reload): their files may have changed meanwhile.
  const offTabs = appStore.subscribe((s, prev) => {
    if (s.tabs !== prev.tabs && takeForeignRefs(s.tabs)) for (const tree of Object.values(s.trees)) applyTree(platform, tree);
  });
  return () => {
    offPush();
    offConnection();
    offTabs();
  };
}
