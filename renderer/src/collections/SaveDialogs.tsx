// The dialogs of saving: Save As (a name and a folder of the workspace shown; Enter saves),
// the conflict of a save over a file changed on disk (Overwrite / Load theirs / Cancel), and
// "Move to…" (a folder for an item).
import { useEffect, useRef, useState } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { useApp } from '../app-store.js';
import { Modal } from '../dialogs/Modal.js';
import { closeDialog, useOpenDialog } from '../dialogs/dialog-store.js';
import { FieldRow } from '../settings/FieldRow.js';
import { suggestedName } from './dirty.js';
import { folderChoices, parentOf } from './tree-model.js';
import { saveTab, saveTabAs } from './save-actions.js';
import { reloadTab } from './workspace-actions.js';
import { moveInto } from './organise-actions.js';

function useShownTree() {
  const id = useApp((s) => s.workspaceId);
  return useApp((s) => (id !== undefined ? s.trees[id] : undefined));
}

/** The tab the open dialog is about. */
function useDialogTab() {
  const key = useOpenDialog()?.tabKey ?? '';
  return { key, tab: useApp((s) => s.tabs.find((t) => t.key === key)) };
}

function FolderSelect({ value, onChange, moving, testId }: { value: string; onChange(path: string): void; moving?: string; testId: string }) {
  const tree = useShownTree();
  const choices = folderChoices(tree?.items ?? [], moving);
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      {choices.map((c) => (
        <option key={c.path} value={c.path}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

export function SaveAsDialog() {
  const platform = usePlatform();
  const { key, tab } = useDialogTab();
  const tree = useShownTree();
  const [name, setName] = useState(() => (tab?.title ? `${tab.title} copy` : suggestedName(tab?.draft ?? { method: 'GET', url: '' })));
  const [folder, setFolder] = useState(() => (tab?.saved && tab.saved.workspaceId === tree?.info.id ? parentOf(tab.saved.path) : ''));
  const [status, setStatus] = useState<{ error?: string; busy?: boolean }>({});
  const input = useRef<HTMLInputElement>(null);
  // After the Modal's own first focus (a parent's effect runs after its children's).
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const save = async (): Promise<void> => {
    if (name.trim() === '') return setStatus({ error: 'A name cannot be empty.' });
    setStatus({ busy: true });
    const problem = await saveTabAs(platform, key, folder, name);
    if (problem === undefined) closeDialog();
    else setStatus({ error: problem });
  };
  return (
    <Modal title="Save request" testId="save-as-dialog" onClose={closeDialog}>
      <form
        className="set-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="set-fields">
          <FieldRow label="Name">
            <input ref={input} data-testid="save-as-name" value={name} spellCheck={false} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </FieldRow>
          <FieldRow label="Folder" hint={tree ? `in ${tree.info.name} (${tree.info.location})` : undefined}>
            <FolderSelect testId="save-as-folder" value={folder} onChange={setFolder} />
          </FieldRow>
        </div>
        {status.error && (
          <p className="error set-error" role="alert" data-testid="save-as-error">
            {status.error}
          </p>
        )}
        <div className="modal-buttons">
          <button type="button" className="btn" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" data-testid="save-as-save" disabled={status.busy || !tree || tree.info.readOnly}>
            {status.busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function SaveConflictDialog() {
  const platform = usePlatform();
  const { key, tab } = useDialogTab();
  const name = tab?.title ?? tab?.saved?.path ?? 'The request';
  const cancel = useRef<HTMLButtonElement>(null);
  // Cancel first: Enter must not overwrite a file by accident (runs after the Modal's focus).
  useEffect(() => cancel.current?.focus(), []);
  const act = (f: () => Promise<void>) => () => {
    closeDialog();
    void f();
  };
  return (
    <Modal title="Changed on disk" testId="save-conflict-dialog" onClose={closeDialog}>
      <p data-testid="save-conflict-text">
        <strong>{name}</strong> changed on disk since you opened it. Overwrite it with this tab, load the version on disk (this tab's changes are dropped), or cancel.
      </p>
      <div className="modal-buttons">
        <button type="button" ref={cancel} className="btn" data-testid="conflict-cancel" onClick={closeDialog}>
          Cancel
        </button>
        <button type="button" className="btn" data-testid="conflict-load" onClick={act(() => reloadTab(platform, key))}>
          Load theirs
        </button>
        <button type="button" className="btn btn-primary" data-testid="conflict-overwrite" onClick={act(() => saveTab(platform, key, true))}>
          Overwrite
        </button>
      </div>
    </Modal>
  );
}

export function MoveToDialog() {
  const platform = usePlatform();
  const path = useOpenDialog()?.itemPath ?? '';
  const item = useShownTree()?.items.find((i) => i.path === path);
  const [folder, setFolder] = useState(() => parentOf(path));
  return (
    <Modal title={`Move ${item?.name ?? path}`} testId="move-to-dialog" onClose={closeDialog}>
      <form
        className="set-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          closeDialog();
          void moveInto(platform, path, folder);
        }}
      >
        <div className="set-fields">
          <FieldRow label="Into folder">
            <FolderSelect testId="move-to-folder" value={folder} onChange={setFolder} moving={path} />
          </FieldRow>
        </div>
        <div className="modal-buttons">
          <button type="button" className="btn" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" data-testid="move-to-move">
            Move
          </button>
        </div>
      </form>
    </Modal>
  );
}
