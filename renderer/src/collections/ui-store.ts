// The collections view's own state, not the page's data: the search text, collapsed
// folders, the row being renamed or the folder a new one is typed into, the last report,
// and the undo toast of a delete.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface CollectionsReport {
  kind: 'info' | 'error' | 'busy';
  text: string;
}

export interface UndoToast {
  text: string;
  /** A delete's: Undo brings the item back. Absent: a message only (a save refused). */
  undoToken?: string;
  kind?: 'error';
  /** Tells one toast from the next (each has its own timer). */
  serial: number;
}

export interface CollectionsUi {
  query: string;
  /** Collapsed folders as "workspaceId\n path". */
  collapsed: ReadonlySet<string>;
  /** The row whose name is being edited. */
  renaming?: string;
  /** The folder a new folder's name is being typed into ('' is the root). */
  creatingIn?: string;
  report?: CollectionsReport;
  toast?: UndoToast;
}

export const uiStore = createStore<CollectionsUi>()(() => ({ query: '', collapsed: new Set<string>() }));

export const useCollectionsUi = <T,>(selector: (s: CollectionsUi) => T): T => useStore(uiStore, selector);

export const collapseKey = (workspaceId: string, path: string): string => `${workspaceId}\n${path}`;

export function toggleCollapsed(workspaceId: string, path: string, collapse?: boolean): void {
  uiStore.setState((s) => {
    const key = collapseKey(workspaceId, path);
    const next = new Set(s.collapsed);
    if (collapse ?? !next.has(key)) next.add(key);
    else next.delete(key);
    return { collapsed: next };
  });
}

/** The collapsed folders of one workspace, by path. */
export function collapsedIn(collapsed: ReadonlySet<string>, workspaceId: string): Set<string> {
  const prefix = `${workspaceId}\n`;
  return new Set([...collapsed].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
}

export const report = (r: CollectionsReport | undefined): void => uiStore.setState({ report: r });

let serial = 0;
export const showUndo = (text: string, undoToken: string): void => uiStore.setState({ toast: { text, undoToken, serial: ++serial } });
/** A problem of a save, seen wherever the user is (the sidebar may be hidden): the report line and a toast. */
export function showError(text: string): void {
  uiStore.setState({ report: { kind: 'error', text }, toast: { text, kind: 'error', serial: ++serial } });
}
export const dismissUndo = (of?: number): void => uiStore.setState((s) => (of === undefined || s.toast?.serial === of ? { toast: undefined } : {}));
