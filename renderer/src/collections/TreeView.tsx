// The tree of the workspace shown: rows in view (collapsed folders and the search applied),
// the keyboard (↑/↓ between rows, ←/→ fold, Enter opens, F2 renames, Delete deletes,
// Alt+↑/↓ moves among siblings, Shift+F10 opens the row's menu), drag and drop (onto a
// folder, or between rows for order), and the inline name of a new folder.
import { useCallback, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { TreeItem, WorkspaceTree } from '../../../contract/workspace.js';
import { usePlatform } from '../platform/platform-context.js';
import { useApp } from '../app-store.js';
import { openDialog } from '../dialogs/dialog-store.js';
import { isDirty } from './dirty.js';
import { dropMove, dropWhere, stepMove, visibleRows, type DropWhere, type TreeRow } from './tree-model.js';
import { useVirtualRows } from './use-virtual-rows.js';
import { collapsedIn, toggleCollapsed, uiStore, useCollectionsUi } from './ui-store.js';
import { createFolder, deleteItem, duplicateItem, moveInto, moveItem, renameItem } from './organise-actions.js';
import { openSaved } from './save-actions.js';
import type { MenuAction } from './RowMenu.js';
import { NameInput } from './NameInput.js';
import { TreeRowView, type RowHandlers } from './TreeRowView.js';

/** The item being dragged (one drag at a time): dragover events cannot read the drag's data. */
const dragged: { path?: string } = {};

function useDirtyPaths(workspaceId: string): Set<string> {
  const tabs = useApp((s) => s.tabs);
  return useMemo(() => new Set(tabs.flatMap((t) => (t.saved?.workspaceId === workspaceId && isDirty(t) ? [t.saved.path] : []))), [tabs, workspaceId]);
}

const rowEl = (list: HTMLElement | null, path: string): HTMLElement | null | undefined => list?.querySelector<HTMLElement>(`[data-testid="tree-row"][data-path="${CSS.escape(path)}"]`);

/** Focus a row by path: at once if it is rendered, else once it is (after a scroll of the
 * virtual list, or a rename: a few frames are tried). */
function focusRow(list: HTMLElement | null, path: string, tries = 5): void {
  const row = rowEl(list, path);
  if (row) return row.focus();
  if (tries > 0) requestAnimationFrame(() => focusRow(list, path, tries - 1));
}

/** A folder's own menu items: its variables, and its exports. */
const folderActions = (path: string): MenuAction[] => [
  { label: 'Edit variables…', run: () => openDialog('environments', { folder: path }) },
  { label: 'Export as Postman collection…', run: () => openDialog('collectionExport', { collectionExport: { kind: 'postman', folder: path } }) },
  { label: 'Export as HAR…', run: () => openDialog('collectionExport', { collectionExport: { kind: 'har', folder: path } }) },
];

function useRowHandlers(tree: WorkspaceTree, list: React.RefObject<HTMLDivElement | null>, setDrop: (d: { path: string; where: DropWhere } | undefined) => void): RowHandlers {
  const platform = usePlatform();
  const id = tree.info.id;
  return useMemo<RowHandlers>(() => {
    const items = tree.items;
    const move = (path: string, delta: -1 | 1): void => {
      const m = stepMove(items, path, delta);
      if (m) void moveItem(platform, m).then((ok) => ok && focusRow(list.current, path));
    };
    const where = (item: TreeItem, e: DragEvent<HTMLDivElement>): DropWhere => {
      const rect = e.currentTarget.getBoundingClientRect();
      return dropWhere(e.clientY - rect.top, rect.height, item.kind === 'folder');
    };
    return {
      activate: (item) => (item.kind === 'folder' ? toggleCollapsed(id, item.path) : void openSaved(platform, id, item.path)),
      startRename: (item) => uiStore.setState({ renaming: item.path }),
      cancelRename: () => uiStore.setState({ renaming: undefined }),
      rename(item, name) {
        uiStore.setState({ renaming: undefined });
        // The focus stays with the row under its new name (a keyboard user goes on from there).
        void renameItem(platform, item, name).then((path) => focusRow(list.current, path ?? item.path));
      },
      actions(item): MenuAction[] {
        const folder = item.kind === 'folder';
        return [
          ...(folder ? [{ label: 'New folder inside', run: () => uiStore.setState({ creatingIn: item.path }) }] : [{ label: 'Open', hint: 'Enter', run: () => void openSaved(platform, id, item.path) }]),
          { label: 'Rename', hint: 'F2', run: () => uiStore.setState({ renaming: item.path }) },
          { label: 'Duplicate', run: () => void duplicateItem(platform, item) },
          { label: 'Move up', hint: 'Alt+↑', run: () => move(item.path, -1), disabled: !stepMove(items, item.path, -1) },
          { label: 'Move down', hint: 'Alt+↓', run: () => move(item.path, 1), disabled: !stepMove(items, item.path, 1) },
          { label: 'Move to…', run: () => openDialog('moveTo', { itemPath: item.path }) },
          ...(folder ? folderActions(item.path) : []),
          { label: 'Delete', hint: 'Del', run: () => void deleteItem(platform, item) },
        ];
      },
      dragStart: (item) => void (dragged.path = item.path),
      dragEnd() {
        dragged.path = undefined;
        setDrop(undefined);
      },
      dragOver(item, e) {
        const from = dragged.path;
        const w = where(item, e);
        if (!from || !dropMove(items, from, item.path, w)) return setDrop(undefined);
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setDrop({ path: item.path, where: w });
      },
      drop(item, e) {
        const from = dragged.path;
        const m = from ? dropMove(items, from, item.path, where(item, e)) : undefined;
        dragged.path = undefined;
        setDrop(undefined);
        if (!m) return;
        e.preventDefault();
        void moveItem(platform, m);
      },
    };
  }, [platform, tree, id, list, setDrop]);
}

interface KeyContext {
  tree: WorkspaceTree;
  rows: readonly TreeRow[];
  handlers: RowHandlers;
  expanded(path: string): boolean;
  onMenu(path: string): void;
  /** Moves the focus to row `index` of `rows`, scrolling it into view. */
  focusAt(index: number): void;
}

function onTreeKey(e: KeyboardEvent<HTMLDivElement>, { tree, rows, handlers, expanded, onMenu, focusAt }: KeyContext): void {
  if ((e.target as HTMLElement).tagName === 'INPUT') return;
  const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[data-testid="tree-row"]');
  const path = rowEl?.dataset.path;
  const item = tree.items.find((i) => i.path === path);
  if (!rowEl || !item) return;
  const at = rows.findIndex((r) => r.item.path === path);
  const key = e.key;
  const act = (f: () => void): void => {
    e.preventDefault();
    f();
  };
  if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) return act(() => handlers.actions(item).find((a) => a.label === (key === 'ArrowUp' ? 'Move up' : 'Move down'))?.run());
  if (key === 'ArrowDown' || key === 'ArrowUp') return act(() => focusAt(Math.max(0, Math.min(rows.length - 1, at + (key === 'ArrowDown' ? 1 : -1)))));
  if (key === 'ArrowRight' && item.kind === 'folder' && !expanded(item.path)) return act(() => toggleCollapsed(tree.info.id, item.path, false));
  if (key === 'ArrowLeft' && item.kind === 'folder' && expanded(item.path)) return act(() => toggleCollapsed(tree.info.id, item.path, true));
  if (key === 'Enter') return act(() => handlers.activate(item));
  if (key === 'F2') return act(() => handlers.startRename(item));
  if (key === 'Delete') return act(() => handlers.actions(item).find((a) => a.label === 'Delete')?.run());
  if ((key === 'F10' && e.shiftKey) || key === 'ContextMenu') return act(() => onMenu(item.path));
}

/** The inline name of a new folder in `parent` ('' is the root), above the rows. */
function NewFolderRow({ tree, parent }: { tree: WorkspaceTree; parent: string }) {
  const platform = usePlatform();
  const cancel = (): void => uiStore.setState({ creatingIn: undefined });
  return (
    <div className="tree-row tree-new" data-testid="tree-new-folder">
      <span className="muted">New folder{parent ? ` in ${tree.items.find((i) => i.path === parent)?.name ?? parent}` : ''}:</span>
      <NameInput
        initial=""
        label="New folder name"
        onCancel={cancel}
        onCommit={(name) => {
          cancel();
          if (parent) toggleCollapsed(tree.info.id, parent, false);
          void createFolder(platform, parent, name);
        }}
      />
    </div>
  );
}

/** The space below the rows: it takes a drop into the workspace's root, last. */
function TreeTail() {
  const platform = usePlatform();
  return (
    <div
      className="tree-tail"
      data-testid="tree-tail"
      onDragOver={(e) => {
        if (dragged.path === undefined || !dragged.path.includes('/')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(e) => {
        const from = dragged.path;
        dragged.path = undefined;
        if (from === undefined) return;
        e.preventDefault();
        void moveInto(platform, from, '');
      }}
    />
  );
}

/** The row menu open (by path); closing it gives the focus back to its row. */
function useRowMenu(list: React.RefObject<HTMLDivElement | null>) {
  const [menu, setMenu] = useState<string | undefined>();
  const menuOf = useRef<string | undefined>(undefined);
  const onMenu = useCallback(
    (path: string | undefined) => {
      if (path === undefined && menuOf.current !== undefined) focusRow(list.current, menuOf.current);
      menuOf.current = path;
      setMenu(path);
    },
    [list],
  );
  return { menu, onMenu };
}

/** Which row takes Tab into the tree (the focused one while it is rendered, else the first
 * rendered), and moving the focus to a row of the list, scrolled into view. */
function useRowFocus(rows: readonly TreeRow[], shown: readonly TreeRow[], list: React.RefObject<HTMLDivElement | null>, reveal: (index: number) => void) {
  const [focused, setFocused] = useState<string | undefined>();
  const focusable = focused !== undefined && shown.some((r) => r.item.path === focused) ? focused : shown[0]?.item.path;
  const focusAt = (index: number): void => {
    const row = rows[index];
    if (!row) return;
    reveal(index);
    focusRow(list.current, row.item.path);
  };
  const onFocus = (e: React.FocusEvent<HTMLDivElement>): void => {
    const p = (e.target as HTMLElement).closest<HTMLElement>('[data-testid="tree-row"]')?.dataset.path;
    if (p !== undefined) setFocused(p);
  };
  return { focusable, focusAt, onFocus };
}

export function TreeView({ tree }: { tree: WorkspaceTree }) {
  const id = tree.info.id;
  const query = useCollectionsUi((s) => s.query);
  const collapsedAll = useCollectionsUi((s) => s.collapsed);
  const renaming = useCollectionsUi((s) => s.renaming);
  const creatingIn = useCollectionsUi((s) => s.creatingIn);
  const collapsed = useMemo(() => collapsedIn(collapsedAll, id), [collapsedAll, id]);
  const rows = useMemo(() => visibleRows(tree.items, collapsed, query), [tree.items, collapsed, query]);
  const dirty = useDirtyPaths(id);
  const { ref: list, top, bottom, win, onScroll, reveal } = useVirtualRows(rows.length);
  const [drop, setDropState] = useState<{ path: string; where: DropWhere } | undefined>();
  const setDrop = useCallback((d: { path: string; where: DropWhere } | undefined) => setDropState((old) => (old?.path === d?.path && old?.where === d?.where ? old : d)), []);
  const handlers = useRowHandlers(tree, list, setDrop);
  const { menu, onMenu } = useRowMenu(list);
  const expanded = (path: string): boolean => query.trim() !== '' || !collapsed.has(path);
  const shown = rows.slice(win.start, win.end);
  const { focusable, focusAt, onFocus } = useRowFocus(rows, shown, list, reveal);
  return (
    <>
      {creatingIn !== undefined && <NewFolderRow tree={tree} parent={creatingIn} />}
      <div
        className="tree"
        // An empty tree is no tree to assistive technology (a tree needs its items).
        role={rows.length > 0 ? 'tree' : undefined}
        aria-label={`Requests of ${tree.info.name}`}
        data-testid="tree"
        ref={list}
        onScroll={onScroll}
        onKeyDown={(e) => onTreeKey(e, { tree, rows, handlers, expanded, onMenu, focusAt })}
        onFocus={onFocus}
      >
        <div className="tree-spacer" ref={top} aria-hidden="true" />
        {shown.map((row) => (
          <TreeRowView
            key={row.item.path}
            row={row}
            expanded={expanded(row.item.path)}
            focusable={row.item.path === focusable}
            dirty={dirty.has(row.item.path)}
            renaming={renaming === row.item.path}
            menuOpen={menu === row.item.path}
            dropMark={drop?.path === row.item.path ? drop.where : undefined}
            handlers={handlers}
            onMenu={onMenu}
          />
        ))}
        <div className="tree-spacer" ref={bottom} aria-hidden="true" />
        {rows.length === 0 && (
          <p className="muted tree-empty" data-testid="tree-empty">
            {query.trim() ? `Nothing matches "${query.trim()}".` : 'No saved requests yet: Ctrl+S saves the request in the active tab here.'}
          </p>
        )}
        <TreeTail />
      </div>
    </>
  );
}
