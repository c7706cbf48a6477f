// Organising the workspace shown: new folder, rename, duplicate, move (keyboard, drag and
// drop, "Move to…"), delete with an undo toast. Each is a change of the app's own: the tree
// that follows it is taken without marking the tabs "changed on disk".
import { describeError, type Platform } from '../platform/index.js';
import { appStore } from '../app-store.js';
import type { TreeItem } from '../../../contract/workspace.js';
import { parentOf, type Move } from './tree-model.js';
import { dismissUndo, report, showUndo, uiStore } from './ui-store.js';
import { changeWorkspace } from './workspace-actions.js';

function shown(): string | undefined {
  return appStore.getState().workspaceId;
}

async function run(platform: Platform, what: string, change: (id: string) => Promise<void>): Promise<boolean> {
  const id = shown();
  if (id === undefined) return false;
  try {
    await changeWorkspace(platform, id, () => change(id));
    report(undefined);
    return true;
  } catch (e) {
    report({ kind: 'error', text: `${what} failed: ${describeError(e)}` });
    return false;
  }
}

export const createFolder = (platform: Platform, parent: string, name: string): Promise<boolean> =>
  run(platform, `Creating the folder "${name}"`, async (id) => void (await platform.call('createFolder', { id, parent, name })));

/** Renames an item; tabs of the request (or of the requests in the folder) follow it.
 * Resolves with its new path (undefined if refused). */
export async function renameItem(platform: Platform, item: TreeItem, name: string): Promise<string | undefined> {
  let renamed: string | undefined;
  await run(platform, `Renaming "${item.name}"`, async (id) => {
    const out = await platform.call('renameItem', { id, path: item.path, name });
    renamed = out.path;
    appStore.getState().relink(id, item.path, out.path);
    if (item.kind === 'request') appStore.setState((s) => ({ tabs: s.tabs.map((t) => (t.saved?.workspaceId === id && t.saved.path === out.path ? { ...t, title: name.trim() } : t)) }));
  });
  return renamed;
}

export const duplicateItem = (platform: Platform, item: TreeItem): Promise<boolean> =>
  run(platform, `Duplicating "${item.name}"`, async (id) => void (await platform.call('duplicateItem', { id, path: item.path })));

export function moveItem(platform: Platform, move: Move): Promise<boolean> {
  return run(platform, `Moving ${move.path}`, async (id) => {
    const out = await platform.call('moveItem', { id, path: move.path, toFolder: move.toFolder, seq: move.seq });
    appStore.getState().relink(id, move.path, out.path);
  });
}

/** Into `folder`, last. */
export const moveInto = (platform: Platform, path: string, folder: string): Promise<boolean> =>
  parentOf(path) === folder ? Promise.resolve(true) : run(platform, `Moving ${path}`, async (id) => {
    const out = await platform.call('moveItem', { id, path, toFolder: folder });
    appStore.getState().relink(id, path, out.path);
  });

/** How long the undo toast stays. */
export const UNDO_MS = 8000;

export function deleteItem(platform: Platform, item: TreeItem): Promise<boolean> {
  return run(platform, `Deleting "${item.name}"`, async (id) => {
    const { undoToken } = await platform.call('deleteItem', { id, path: item.path });
    showUndo(`Deleted ${item.name}`, undoToken);
  });
}

export async function undoDelete(platform: Platform): Promise<void> {
  const toast = uiStore.getState().toast;
  if (!toast?.undoToken) return;
  const undoToken = toast.undoToken;
  dismissUndo(toast.serial);
  await run(platform, `Undoing the delete`, async () => void (await platform.call('undoDelete', { undoToken })));
}
