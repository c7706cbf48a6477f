// The top of the Collections view: the workspace shown, with a menu of the open ones, the
// recent ones, "Manage environments…", "Open folder…" (Electron: the folder dialog; browser
// mode answers how to give it a folder, which the report line shows), the exports of the
// workspace shown (Postman collection, HAR, an environment for Postman) and the imports
// into it (the native picker, else a file input of the page).
import { useEffect, useRef, useState } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { useApp } from '../app-store.js';
import type { WorkspaceInfo } from '../../../contract/workspace.js';
import { openWorkspace, showWorkspace } from './workspace-actions.js';
import { ImportItems, useImportPicker } from './ImportPicker.js';
import { menuArrows } from './RowMenu.js';
import { openDialog, type ExportKind } from '../dialogs/dialog-store.js';

function Item({ info, current, onPick }: { info: WorkspaceInfo; current?: boolean; onPick(): void }) {
  return (
    <li role="none">
      <button type="button" role="menuitem" className={current ? 'active' : undefined} aria-current={current || undefined} title={info.location} data-testid="workspace-item" onClick={onPick}>
        {info.name}
        {info.readOnly && <span className="ws-ro"> (read-only)</span>}
      </button>
    </li>
  );
}

const EXPORTS: ReadonlyArray<[ExportKind, string]> = [
  ['postman', 'Export as Postman collection…'],
  ['har', 'Export as HAR…'],
  ['environment', 'Export environment for Postman…'],
];

function ExportItems({ disabled, onPick }: { disabled: boolean; onPick(kind: ExportKind): void }) {
  return (
    <>
      {EXPORTS.map(([kind, label]) => (
        <li role="none" key={kind}>
          <button type="button" role="menuitem" data-testid={`workspace-export-${kind}`} disabled={disabled} onClick={() => onPick(kind)}>
            {label}
          </button>
        </li>
      ))}
    </>
  );
}

export function WorkspaceSwitcher() {
  const platform = usePlatform();
  const { open, recent } = useApp((s) => s.workspaces);
  const shownId = useApp((s) => s.workspaceId);
  const shown = open.find((w) => w.id === shownId);
  const [menu, setMenu] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    box.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => void (box.current && !box.current.contains(e.target as Node) && setMenu(false));
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [menu]);
  const pick = (f: () => Promise<void>) => () => {
    setMenu(false);
    void f();
  };
  const picker = useImportPicker();
  return (
    <div className="ws-switcher" ref={box} onKeyDown={(e) => e.key === 'Escape' && menu && (e.stopPropagation(), setMenu(false))}>
      <button type="button" className="ws-name" data-testid="workspace-name" aria-haspopup="menu" aria-expanded={menu} title={shown?.location ?? 'No workspace open'} onClick={() => setMenu(!menu)}>
        <span>{shown?.name ?? 'No workspace'}</span>
        {shown?.readOnly && <span className="ws-ro" title="This folder cannot be written: saving is refused"> read-only</span>}
        <span aria-hidden="true"> ▾</span>
      </button>
      {menu && (
        <ul className="ws-menu" role="menu" data-testid="workspace-menu" onKeyDown={menuArrows}>
          {open.length > 0 && <li className="ws-heading muted" role="presentation">Open</li>}
          {open.map((w) => (
            <Item key={w.id} info={w} current={w.id === shownId} onPick={pick(() => showWorkspace(platform, w.id))} />
          ))}
          {recent.length > 0 && <li className="ws-heading muted" role="presentation">Recent</li>}
          {recent.map((w) => (
            <Item key={w.id} info={w} onPick={pick(() => openWorkspace(platform, { id: w.id }))} />
          ))}
          <li role="separator" className="ws-sep" />
          <li role="none">
            <button type="button" role="menuitem" data-testid="workspace-manage-environments" disabled={!shown} onClick={pick(async () => openDialog('environments'))}>
              Manage environments…
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" data-testid="workspace-open-folder" onClick={pick(() => openWorkspace(platform, { choose: 'dialog' }))}>
              Open folder…
            </button>
          </li>
          <li role="separator" className="ws-sep" />
          <ExportItems disabled={!shown} onPick={(kind) => (setMenu(false), openDialog('collectionExport', { collectionExport: { kind, folder: '' } }))} />
          <li role="separator" className="ws-sep" />
          <ImportItems disabled={!shown || shown.readOnly} into={shown?.name} onPick={(kind) => (setMenu(false), picker.start(kind))} />
        </ul>
      )}
      {picker.input}
    </div>
  );
}
