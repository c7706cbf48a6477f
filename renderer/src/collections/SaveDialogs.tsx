// The dialogs of saving: Save As (a name and a folder of the workspace shown; Enter saves),
// the conflict of a save over a file changed on disk (Overwrite / Load theirs / Cancel), and
// "Move to…" (a folder for an item).
import { useEffect, useRef, useState } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { appStore, useApp } from '../app-store.js';
import { Modal } from '../dialogs/Modal.js';
import { DialogButtons } from '../dialogs/DialogButtons.js';
import { DialogForm } from '../dialogs/DialogForm.js';
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
  const thenClose = useOpenDialog()?.thenClose === true;
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
    if (problem !== undefined) return setStatus({ error: problem });
    closeDialog();
    if (thenClose) appStore.getState().closeTab(key);
  };
  return (
    <DialogForm title="Save request" testId="save-as-dialog" onSubmit={() => void save()}>
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
        <DialogButtons onCancel={closeDialog} submitLabel="Save" busyLabel="Saving…" busy={status.busy === true} disabled={!tree || tree.info.readOnly} submitTestId="save-as-save" />
    </DialogForm>
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
    <DialogForm
      title={`Move ${item?.name ?? path}`}
      testId="move-to-dialog"
      onSubmit={() => {
        closeDialog();
        void moveInto(platform, path, folder);
      }}
    >
        <div className="set-fields">
          <FieldRow label="Into folder">
            <FolderSelect testId="move-to-folder" value={folder} onChange={setFolder} moving={path} />
          </FieldRow>
        </div>
        <DialogButtons onCancel={closeDialog} submitLabel="Move" busyLabel="Moving…" busy={false} submitTestId="move-to-move" />
    </DialogForm>
  );
}
