// One row of the tree: a folder (chevron, name) or a saved request (method badge, name, the
// URL on hover), a dot while a tab holding it has unsaved changes, the "⋯" menu, inline
// rename (F2 or double-click), and the drop mark while something is dragged over it.
import { memo, useLayoutEffect, useRef, type DragEvent, type MouseEvent } from 'react';
import type { TreeItem } from '../../../contract/workspace.js';
import type { DropWhere, TreeRow } from './tree-model.js';
import { NameInput } from './NameInput.js';
import { RowMenu, type MenuAction } from './RowMenu.js';

export interface RowHandlers {
  activate(item: TreeItem): void;
  rename(item: TreeItem, name: string): void;
  actions(item: TreeItem): MenuAction[];
  startRename(item: TreeItem): void;
  cancelRename(): void;
  dragStart(item: TreeItem): void;
  dragOver(item: TreeItem, e: DragEvent<HTMLDivElement>): void;
  drop(item: TreeItem, e: DragEvent<HTMLDivElement>): void;
  dragEnd(): void;
}

interface Props {
  row: TreeRow;
  expanded: boolean;
  focusable: boolean;
  dirty: boolean;
  renaming: boolean;
  menuOpen: boolean;
  dropMark?: DropWhere;
  handlers: RowHandlers;
  onMenu(path: string | undefined): void;
}

/** The badge class of a method, coloured as HTTP tools do (GET green, POST orange…). */
export function methodClass(method: string): string {
  const m = method.toUpperCase();
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(m) ? `m-${m.toLowerCase()}` : 'm-other';
}

const METHOD_LABEL: Record<string, string> = { DELETE: 'DEL', OPTIONS: 'OPT', PATCH: 'PATCH' };

function dragProps(item: TreeItem, handlers: RowHandlers, renaming: boolean) {
  return {
    draggable: !renaming,
    onDragStart(e: DragEvent<HTMLDivElement>) {
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', item.name);
      handlers.dragStart(item);
    },
    onDragOver: (e: DragEvent<HTMLDivElement>) => handlers.dragOver(item, e),
    onDrop: (e: DragEvent<HTMLDivElement>) => handlers.drop(item, e),
    onDragEnd: handlers.dragEnd,
  };
}

/** A folder's chevron, or a request's method badge. */
function RowIcon({ row, expanded }: { row: TreeRow; expanded: boolean }) {
  const { item } = row;
  if (item.kind === 'folder') {
    return (
      <span className={`tree-chevron${row.hasChildren ? '' : ' tree-chevron-empty'}`} aria-hidden="true">
        {expanded ? '▾' : '▸'}
      </span>
    );
  }
  return (
    <span className={`tree-method ${methodClass(item.method)}`} data-testid="tree-method">
      {METHOD_LABEL[item.method.toUpperCase()] ?? item.method.toUpperCase().slice(0, 5)}
    </span>
  );
}

export const TreeRowView = memo(function TreeRowView({ row, expanded, focusable, dirty, renaming, menuOpen, dropMark, handlers, onMenu }: Props) {
  const { item, depth } = row;
  const ref = useRef<HTMLDivElement>(null);
  // The indent through the CSSOM: the page's CSP refuses style attributes.
  useLayoutEffect(() => ref.current?.style.setProperty('--depth', String(depth)), [depth]);
  const openMenu = (e: MouseEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    onMenu(item.path);
  };
  const folder = item.kind === 'folder';
  return (
    <div
      ref={ref}
      className={`tree-row${dropMark ? ` drop-${dropMark}` : ''}`}
      role="treeitem"
      tabIndex={focusable ? 0 : -1}
      aria-level={depth + 1}
      aria-expanded={folder && row.hasChildren ? expanded : undefined}
      aria-label={item.kind === 'request' ? `${item.method} ${item.name}` : `Folder ${item.name}`}
      data-testid="tree-row"
      data-path={item.path}
      data-kind={item.kind}
      data-dirty={dirty || undefined}
      title={item.kind === 'request' ? `${item.method} ${item.url}` : item.path}
      {...dragProps(item, handlers, renaming)}
      onClick={() => !renaming && handlers.activate(item)}
      onDoubleClick={() => handlers.startRename(item)}
      onContextMenu={openMenu}
    >
      <RowIcon row={row} expanded={expanded} />
      {renaming ? (
        <NameInput initial={item.name} label={`New name for ${item.name}`} onCommit={(name) => handlers.rename(item, name)} onCancel={handlers.cancelRename} />
      ) : (
        <span className="tree-name" data-testid="tree-name">
          {item.name}
        </span>
      )}
      {dirty && (
        <span className="tree-dirty" data-testid="tree-dirty" title="Unsaved changes in a tab" aria-label="unsaved changes">
          ●
        </span>
      )}
      <button type="button" className="btn-icon tree-more" tabIndex={-1} aria-label={`Actions for ${item.name}`} title="Actions (Shift+F10)" data-testid="tree-more" onClick={openMenu}>
        ⋯
      </button>
      {menuOpen && (
        <div className="tree-menu-anchor" onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
          <RowMenu actions={handlers.actions(item)} onClose={() => onMenu(undefined)} />
        </div>
      )}
    </div>
  );
});
