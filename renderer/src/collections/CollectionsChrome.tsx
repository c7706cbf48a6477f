// What the collections add around the app: the top bar's environment selector (per
// workspace, remembered; its last choice opens Manage environments) and the toast after a delete ("Deleted X — Undo", for UNDO_MS) or
// a refused save.
import { useEffect } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { appStore, useApp } from '../app-store.js';
import { environmentOf } from './collections-slice.js';
import { UNDO_MS, undoDelete } from './organise-actions.js';
import { dismissUndo, useCollectionsUi } from './ui-store.js';
import { openDialog } from '../dialogs/dialog-store.js';

const NONE = '';
/** The selector's last choice: not an environment, it opens Manage environments. */
const MANAGE = '\u0000manage';

export function EnvironmentSelect() {
  const id = useApp((s) => s.workspaceId);
  const environments = useApp((s) => (id !== undefined ? s.trees[id]?.environments : undefined));
  const chosen = useApp((s) => (id !== undefined ? environmentOf(s, id) : undefined));
  // Shown (disabled) before the workspace is read, so the top bar does not shift when it is.
  return (
    <select
      className="env-select"
      data-testid="environment-select"
      aria-label="Environment"
      title="The environment whose variables {{…}} resolve against"
      disabled={id === undefined || !environments}
      value={chosen ?? NONE}
      onChange={(e) => {
        if (id === undefined) return;
        if (e.target.value === MANAGE) return openDialog('environments');
        appStore.getState().setEnvironment(id, e.target.value === NONE ? undefined : e.target.value);
      }}
    >
      <option value={NONE}>No environment</option>
      {(environments ?? []).map((env) => (
        <option key={env.name} value={env.name}>
          {env.name}
        </option>
      ))}
      <option disabled>──────────</option>
      <option value={MANAGE} data-testid="environment-manage">
        Manage environments…
      </option>
    </select>
  );
}

export function UndoToast() {
  const platform = usePlatform();
  const toast = useCollectionsUi((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => dismissUndo(toast.serial), UNDO_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return (
    <div className={`toast${toast.kind === 'error' ? ' toast-error' : ''}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid={toast.undoToken ? 'undo-toast' : 'message-toast'}>
      <span>{toast.text}</span>
      {toast.undoToken && (
        <button type="button" className="btn btn-small" data-testid="undo-delete" onClick={() => void undoDelete(platform)}>
          Undo
        </button>
      )}
      <button type="button" className="btn-icon" aria-label="Dismiss" onClick={() => dismissUndo(toast.serial)}>
        ×
      </button>
    </div>
  );
}
