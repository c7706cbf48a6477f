// The tabs against a new tree (a push after a change in the app or on disk): a clean tab
// whose file has another version now is to be reloaded; a tab with unsaved changes is
// marked "changed on disk" (its next save asks); a tab back at its version loses the mark.
// Tabs being saved are left alone (the save's answer sets their version). While the app
// itself changes the workspace (a rename, a move renumbering siblings), the new versions are
// adopted: the change is ours, not one on disk. Pure.
import type { SavedRef, WorkspaceTree } from '../../../contract/workspace.js';
import type { Tab } from '../tabs/tabs-slice.js';
import { isDirty } from './dirty.js';
import { isWithin, rebase } from './tree-model.js';

// The links this feature made (opened, saved, relinked, adopted). A tab with a link not
// among them got it from elsewhere (the tabs restored after a reload): it is checked
// against the trees known, as if they had just arrived.
const madeHere = new WeakSet<SavedRef>();

export function ownRef(ref: SavedRef): SavedRef {
  madeHere.add(ref);
  return ref;
}

/** Whether some tab holds a link this feature did not make (and takes them as known now). */
export function takeForeignRefs(tabs: readonly Tab[]): boolean {
  let foreign = false;
  for (const t of tabs) {
    if (t.saved && !madeHere.has(t.saved)) {
      foreign = true;
      madeHere.add(t.saved);
    }
  }
  return foreign;
}

export interface Reconciled {
  tabs: Tab[];
  /** Keys of clean tabs whose saved request is to be loaded again. */
  reload: string[];
}

export interface ReconcileOptions {
  saving?: ReadonlySet<string>;
  /** The tree follows a change the app made: take its versions as the tabs' own. */
  adopt?: boolean;
}

export function reconcileTabs(tabs: readonly Tab[], tree: WorkspaceTree, { saving = new Set(), adopt = false }: ReconcileOptions = {}): Reconciled {
  const versions = new Map(tree.items.flatMap((i) => (i.kind === 'request' ? [[i.path, i.version] as const] : [])));
  const reload: string[] = [];
  let changed = false;
  const next = tabs.map((t) => {
    if (!t.saved || t.saved.workspaceId !== tree.info.id || saving.has(t.key)) return t;
    const version = versions.get(t.saved.path);
    if (version === undefined) return t; // deleted or moved away: a save will say so
    if (version === t.saved.version) {
      if (!t.diskChanged) return t;
      changed = true;
      return { ...t, diskChanged: undefined };
    }
    if (adopt) {
      changed = true;
      return { ...t, saved: ownRef({ ...t.saved, version }) };
    }
    if (!isDirty(t)) {
      reload.push(t.key);
      return t;
    }
    if (t.diskChanged) return t;
    changed = true;
    return { ...t, diskChanged: true };
  });
  return { tabs: changed ? next : (tabs as Tab[]), reload };
}

/** The tabs after an item of `workspaceId` (a request, or a folder holding some) moved or was renamed. */
export function relinkTabs(tabs: readonly Tab[], workspaceId: string, from: string, to: string): Tab[] {
  if (from === to) return tabs as Tab[];
  return tabs.map((t) => (t.saved && t.saved.workspaceId === workspaceId && isWithin(t.saved.path, from) ? { ...t, saved: ownRef({ ...t.saved, path: rebase(t.saved.path, from, to) }) } : t));
}
