// Asked once per workspace, on the first send of a request with scripts (its own, its
// folders' or the workspace's) while the workspace is not trusted.
import { useEffect, useRef } from 'react';
import { sendActive } from '../composer/send-actions.js';
import { closeDialog, useOpenDialog } from '../dialogs/dialog-store.js';
import { Modal } from '../dialogs/Modal.js';
import { describeError } from '../platform/index.js';
import { usePlatform } from '../platform/platform-context.js';
import { appStore, useApp } from '../app-store.js';
import { answerTrust } from './script-trust.js';

export function ScriptTrustDialog() {
  const platform = usePlatform();
  const open = useOpenDialog();
  const workspaceId = open?.workspaceId ?? '';
  const name = useApp((s) => s.workspaces.open.find((w) => w.id === workspaceId)?.name ?? 'This workspace');
  const without = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus: Enter must not trust code by accident.
  useEffect(() => without.current?.focus(), []);
  const answer = (trust: boolean) => () => {
    closeDialog();
    void answerTrust(platform, workspaceId, trust)
      .then(() => sendActive(platform))
      .catch((e: unknown) => open?.tabKey && appStore.getState().failRequest(open.tabKey, undefined, describeError(e)));
  };
  return (
    <Modal title="Run this workspace's scripts?" testId="script-trust-dialog" onClose={closeDialog}>
      <p data-testid="script-trust-text">
        <strong>{name}</strong> has scripts (Postman pre-request and test scripts). They are code: they read and change this workspace's variables, its secrets
        included, and the requests it sends. Run them only if you trust where the workspace comes from. Your answer to trust it is remembered for this folder.
      </p>
      <div className="modal-buttons">
        <button type="button" className="btn" onClick={closeDialog}>
          Cancel
        </button>
        <button type="button" ref={without} className="btn" data-testid="script-trust-without" onClick={answer(false)}>
          Send without scripts
        </button>
        <button type="button" className="btn btn-primary" data-testid="script-trust-run" onClick={answer(true)}>
          Trust and run
        </button>
      </div>
    </Modal>
  );
}
