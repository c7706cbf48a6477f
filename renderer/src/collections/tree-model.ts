// The workspace tree as the sidebar shows it: the core's flat list (collection order: a
// folder before its contents, siblings in order) → the rows in view (collapsed folders and
// the search filter applied), siblings, and where a keyboard move or a drop puts an item
// (moveItem's folder and seq: the index among the new siblings once the item is taken out).
// Pure.
import type { TreeItem } from '../../../contract/workspace.js';

export interface TreeRow {
  item: TreeItem;
  depth: number;
  /** A folder with at least one item in it. */
  hasChildren: boolean;
}

/** The folder holding `path` ('' is the workspace root). */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** `path` itself or anything inside it. */
export const isWithin = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

const depthOf = (path: string): number => path.split('/').length - 1;

/** Search by name (folders and requests) and URL (requests): a match shows with its folders. */
export function matches(item: TreeItem, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return item.name.toLowerCase().includes(q) || (item.kind === 'request' && item.url.toLowerCase().includes(q));
}

/** The rows to show: with a query, every match and its folders (collapsing ignored); without
 * one, every item whose folders are all expanded. */
export function visibleRows(items: readonly TreeItem[], collapsed: ReadonlySet<string>, query = ''): TreeRow[] {
  const withChildren = new Set(items.map((i) => parentOf(i.path)));
  const shown = new Set<string>();
  if (query.trim() !== '') {
    for (const item of items) {
      if (!matches(item, query)) continue;
      for (let p = item.path; p !== ''; p = parentOf(p)) shown.add(p);
    }
  }
  const rows: TreeRow[] = [];
  for (const item of items) {
    if (query.trim() !== '' ? !shown.has(item.path) : hiddenByCollapse(item.path, collapsed)) continue;
    rows.push({ item, depth: depthOf(item.path), hasChildren: item.kind === 'folder' && withChildren.has(item.path) });
  }
  return rows;
}

function hiddenByCollapse(path: string, collapsed: ReadonlySet<string>): boolean {
  for (let p = parentOf(path); p !== ''; p = parentOf(p)) if (collapsed.has(p)) return true;
  return false;
}

/** The items directly in `folder`, in order. */
export function siblingsIn(items: readonly TreeItem[], folder: string): TreeItem[] {
  return items.filter((i) => i.path !== '' && parentOf(i.path) === folder);
}

export interface Move {
  path: string;
  toFolder: string;
  seq: number;
}

/** Alt+Up / Alt+Down: one place up or down among its siblings; undefined at the end. */
export function stepMove(items: readonly TreeItem[], path: string, delta: -1 | 1): Move | undefined {
  const siblings = siblingsIn(items, parentOf(path));
  const at = siblings.findIndex((i) => i.path === path);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= siblings.length) return undefined;
  return { path, toFolder: parentOf(path), seq: to };
}

export type DropWhere = 'before' | 'into' | 'after';

/** Where a pointer at `y` px from a row's top (of `height` px) drops: a folder's middle half
 * takes the item in, its edges (and a request's halves) put it before or after the row. */
export function dropWhere(y: number, height: number, isFolder: boolean): DropWhere {
  const f = height > 0 ? y / height : 0.5;
  if (isFolder) return f < 0.25 ? 'before' : f > 0.75 ? 'after' : 'into';
  return f < 0.5 ? 'before' : 'after';
}

/** The move a drop of `path` on `target` makes; undefined where it cannot go (into itself
 * or one of its folders) or would change nothing. */
export function dropMove(items: readonly TreeItem[], path: string, target: string, where: DropWhere): Move | undefined {
  const targetItem = items.find((i) => i.path === target);
  if (!targetItem || isWithin(target, path)) return undefined;
  if (where === 'into') {
    if (targetItem.kind !== 'folder') return undefined;
    if (parentOf(path) === target) return undefined;
    return { path, toFolder: target, seq: siblingsIn(items, target).length };
  }
  const folder = parentOf(target);
  const others = siblingsIn(items, folder).filter((i) => i.path !== path);
  const at = others.findIndex((i) => i.path === target);
  const seq = where === 'before' ? at : at + 1;
  if (parentOf(path) === folder) {
    const now = siblingsIn(items, folder).findIndex((i) => i.path === path);
    if (now === seq) return undefined;
  }
  return { path, toFolder: folder, seq };
}

/** The folders an item can be moved into (not itself nor its own folders), root first. */
export function folderChoices(items: readonly TreeItem[], moving?: string): Array<{ path: string; label: string }> {
  const names = new Map(items.map((i) => [i.path, i.name]));
  const label = (path: string): string => {
    const parts: string[] = [];
    for (let p = path; p !== ''; p = parentOf(p)) parts.unshift(names.get(p) ?? p.slice(p.lastIndexOf('/') + 1));
    return parts.join(' / ');
  };
  const folders = items.filter((i) => i.kind === 'folder' && (moving === undefined || !isWithin(i.path, moving)));
  return [{ path: '', label: '(workspace root)' }, ...folders.map((f) => ({ path: f.path, label: label(f.path) }))];
}

/** A path after its item (or a folder holding it) moved from `from` to `to`. */
export function rebase(path: string, from: string, to: string): string {
  return isWithin(path, from) ? `${to}${path.slice(from.length)}` : path;
}
