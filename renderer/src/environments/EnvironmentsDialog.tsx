// Manage environments (Ctrl/Cmd+Alt+E, "Manage…" in the environment selector, the workspace
// menu, a folder's "Edit variables…"): the scopes of the workspace shown on the left, the
// chosen one's variables on the right; environments added, renamed, duplicated, deleted.
// The model is taken from the tree when the dialog opens; Save writes it (env-actions.ts),
// closing with unsaved edits asks first.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkspaceTree } from '../../../contract/workspace.js';
import { usePlatform } from '../platform/platform-context.js';
import { appStore, useApp } from '../app-store.js';
import { environmentOf } from '../collections/collections-slice.js';
import { closeDialog, useOpenDialog } from '../dialogs/dialog-store.js';
import { Modal } from '../dialogs/Modal.js';
import { addEnvironment, addRow, deleteEnvironment, deleteRow, duplicateEnvironment, folderKey, modelFromTree, renameEnvironment, requestChoices, updateRow, WORKSPACE_KEY, type EnvModel, type ScopeDraft } from './env-model.js';
import { isChanged, problemsOf, savePlanOf, type ScopeProblems } from './env-save.js';
import { saveEnvironments } from './env-actions.js';
import { ScopeList } from './ScopeList.js';
import { VariableTable } from './VariableTable.js';
import './environments.css';

function ScopeHead({ scope, workspaceName, problem, edit }: { scope: ScopeDraft; workspaceName: string; problem?: string; edit(f: (m: EnvModel) => EnvModel | { model: EnvModel; key: string }): void }) {
  if (scope.kind === 'workspace') return <p className="env-about muted">Variables of the workspace {workspaceName}: every request sees them, whatever the environment (an environment's or a folder's of the same name wins).</p>;
  if (scope.kind === 'folder') return <p className="env-about muted">Variables of the folder {scope.name}: the requests inside it see them (over the workspace's; the environment's win over them).</p>;
  return (
    <div className="env-head">
      <label className="env-rename">
        <span className="muted">Environment</span>
        <input data-testid="env-name" aria-label="Environment name" aria-invalid={problem !== undefined} value={scope.name} onChange={(e) => edit((m) => renameEnvironment(m, scope.key, e.target.value))} />
      </label>
      <button type="button" className="btn btn-small" data-testid="env-duplicate" onClick={() => edit((m) => duplicateEnvironment(m, scope.key))}>
        Duplicate
      </button>
      <button type="button" className="btn btn-small" data-testid="env-delete" onClick={() => edit((m) => deleteEnvironment(m, scope.key))}>
        Delete
      </button>
      <p className="env-about muted">Chosen in the top bar: its variables win over the workspace's and the folders'.</p>
      {problem && (
        <span className="error env-problem" role="alert" data-testid="env-name-problem">
          {problem}
        </span>
      )}
    </div>
  );
}

function Footer(props: { confirm: boolean; saving: boolean; canSave: boolean; readOnly: boolean; error?: string; changedOnDisk: boolean; onLoad(): void; onCancel(): void; onKeep(): void; onDiscard(): void }) {
  return (
    <footer className="env-foot">
      {props.changedOnDisk && (
        <p className="env-disk" role="status" data-testid="env-disk-changed">
          <span>The variables changed on disk since this opened: Save writes these over them.</span>
          <button type="button" className="btn btn-small" data-testid="env-load-disk" onClick={props.onLoad}>
            Load from disk
          </button>
        </p>
      )}
      {props.error && (
        <p className="error" role="alert" data-testid="env-error">
          {props.error}
        </p>
      )}
      {props.readOnly && <p className="muted">This workspace's folder is read-only: nothing can be saved there.</p>}
      {props.confirm ? (
        <div className="modal-buttons" role="alertdialog" aria-label="Unsaved changes" data-testid="env-confirm">
          <span className="env-confirm-text">Discard the unsaved changes?</span>
          <button type="button" className="btn" data-testid="env-keep" onClick={props.onKeep}>
            Keep editing
          </button>
          <button type="button" className="btn btn-primary" data-testid="env-discard" autoFocus onClick={props.onDiscard}>
            Discard
          </button>
        </div>
      ) : (
        <div className="modal-buttons">
          <button type="button" className="btn" data-testid="env-cancel" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" data-testid="env-save" disabled={!props.canSave} title="Save (Ctrl+S)">
            {props.saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </footer>
  );
}

const variablesJson = (t: WorkspaceTree): string => JSON.stringify([t.variables, t.environments, t.folderVariables]);

function firstKey(model: EnvModel, folder: string | undefined, chosen: string | undefined): string {
  if (folder) return folderKey(folder);
  return model.scopes.find((s) => s.kind === 'environment' && s.original === chosen && chosen !== undefined)?.key ?? WORKSPACE_KEY;
}

/** The dialog's state: the model as opened and as edited, the scope shown, the close question, the save. */
function useEditor(tree: WorkspaceTree, folder: string | undefined) {
  const platform = usePlatform();
  const chosen = useApp((s) => environmentOf(s, tree.info.id));
  // The model as opened (what a save compares with) and the tree's variables then.
  const [base, setBase] = useState(() => ({ initial: modelFromTree(tree, folder), vars: variablesJson(tree) }));
  const initial = base.initial;
  const [model, setModel] = useState(initial);
  const [selected, setSelected] = useState(() => firstKey(initial, folder, chosen));
  const [confirm, setConfirm] = useState(false);
  const [status, setStatus] = useState<{ saving?: boolean; error?: string }>({});
  const problems = useMemo(() => problemsOf(model), [model]);
  const edit = (f: (m: EnvModel) => EnvModel | { model: EnvModel; key: string }): void => {
    const out = f(model);
    const next = 'key' in out ? out.model : out;
    setModel(next);
    if ('key' in out) setSelected(out.key);
    else if (!next.scopes.some((s) => s.key === selected)) setSelected(WORKSPACE_KEY);
    setConfirm(false);
  };
  const requestClose = (): void => (confirm ? setConfirm(false) : isChanged(model, initial) ? setConfirm(true) : closeDialog());
  const canSave = !status.saving && !tree.info.readOnly && Object.keys(problems).length === 0;
  const save = async (): Promise<void> => {
    if (!canSave) return;
    const plan = savePlanOf(tree.info.id, model, initial);
    if (plan.saves.length === 0 && plan.secrets.length === 0) return closeDialog();
    setStatus({ saving: true });
    const error = await saveEnvironments(platform, tree.info.id, plan);
    if (error === undefined) return closeDialog();
    setStatus({ error });
    // What a partial save wrote is the dialog's own, not a change on disk.
    const now = appStore.getState().trees[tree.info.id];
    if (now) setBase((b) => ({ ...b, vars: variablesJson(now) }));
  };
  const changedOnDisk = !status.saving && variablesJson(tree) !== base.vars;
  const loadFromDisk = (): void => {
    const fresh = modelFromTree(tree, folder);
    setBase({ initial: fresh, vars: variablesJson(tree) });
    setModel(fresh);
    if (!fresh.scopes.some((s) => s.key === selected)) setSelected(WORKSPACE_KEY);
    setStatus({});
  };
  return { chosen, model, setModel, selected, setSelected, confirm, setConfirm, status, problems, edit, requestClose, canSave, save, changedOnDisk, loadFromDisk };
}

function Editor({ tree, folder }: { tree: WorkspaceTree; folder?: string }) {
  const ed = useEditor(tree, folder);
  // The name as opened: a tree pushed meanwhile (a file broken on disk) may not know it.
  const [workspaceName] = useState(tree.info.name);
  const { model, problems } = ed;
  const closeRef = useRef(ed.requestClose);
  closeRef.current = ed.requestClose;
  const onClose = useCallback(() => closeRef.current(), []);
  const box = useRef<HTMLFormElement>(null);
  // The Modal focuses its first button; this effect (of its parent) runs after it: the scope shown gets the focus.
  useEffect(() => box.current?.querySelector<HTMLElement>('[data-testid="env-scope"][aria-current="true"]')?.focus(), []);
  const scope = model.scopes.find((s) => s.key === ed.selected) ?? model.scopes[0]!;
  const scopeProblems: ScopeProblems = problems[scope.key] ?? { rows: {} };
  const requests = useMemo(() => requestChoices(tree.items), [tree.items]);
  const onAdd = (): void => {
    const { model: next, rowId } = addRow(model, scope.key);
    ed.setModel(next);
    requestAnimationFrame(() => box.current?.querySelector<HTMLInputElement>(`[data-testid="env-row"][data-row="${rowId}"] [data-testid="env-var-name"]`)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
    e.preventDefault();
    void ed.save();
  };
  return (
    <Modal title={`Manage environments: ${workspaceName}`} testId="environments-dialog" onClose={onClose}>
      <form ref={box} className="env-dialog" onKeyDown={onKeyDown} onSubmit={(e) => (e.preventDefault(), void ed.save())}>
        <div className="env-body">
          <ScopeList scopes={model.scopes} selected={scope.key} flagged={new Set(Object.keys(problems))} chosen={ed.chosen} onPick={ed.setSelected} onAddEnvironment={() => ed.edit(addEnvironment)} />
          <section className="env-pane" aria-label="Variables">
            <ScopeHead scope={scope} workspaceName={workspaceName} problem={scopeProblems.name} edit={ed.edit} />
            <VariableTable
              rows={scope.rows}
              problems={scopeProblems.rows}
              requests={requests}
              onChange={(rowId, patch) => ed.edit((m) => updateRow(m, scope.key, rowId, patch))}
              onDelete={(rowId) => ed.edit((m) => deleteRow(m, scope.key, rowId))}
              onAdd={onAdd}
            />
          </section>
        </div>
        <Footer
          confirm={ed.confirm}
          saving={ed.status.saving === true}
          canSave={ed.canSave}
          readOnly={tree.info.readOnly}
          error={ed.status.error}
          changedOnDisk={ed.changedOnDisk}
          onLoad={ed.loadFromDisk}
          onCancel={ed.requestClose}
          onKeep={() => ed.setConfirm(false)}
          onDiscard={closeDialog}
        />
      </form>
    </Modal>
  );
}

export function EnvironmentsDialog() {
  const open = useOpenDialog();
  const tree = useApp((s) => (s.workspaceId !== undefined ? s.trees[s.workspaceId] : undefined));
  if (!tree) {
    return (
      <Modal title="Manage environments" testId="environments-dialog" onClose={closeDialog}>
        <p className="muted">No workspace is open yet.</p>
      </Modal>
    );
  }
  // Keyed by workspace: another workspace shown is another model.
  return <Editor key={tree.info.id} tree={tree} folder={open?.folder} />;
}
