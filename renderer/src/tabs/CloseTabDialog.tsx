// "Save changes to <name>?" on closing a tab with unsaved work: Save (Enter), Don't save,
// Cancel (Escape).
import { useEffect, useRef } from 'react';
import { appStore, useApp } from '../app-store.js';
import { usePlatform } from '../platform/platform-context.js';
import { Modal } from '../dialogs/Modal.js';
import { closeDialog, useOpenDialog } from '../dialogs/dialog-store.js';
import { saveAndClose } from './close-actions.js';
import { tabTitle } from './tab-title.js';

export function CloseTabDialog() {
  const platform = usePlatform();
  const key = useOpenDialog()?.tabKey ?? '';
  const tab = useApp((s) => s.tabs.find((t) => t.key === key));
  const save = useRef<HTMLButtonElement>(null);
  // Save has the focus, so Enter saves (after the Modal's own first focus).
  useEffect(() => save.current?.focus(), []);
  const name = tab ? tabTitle(tab) : 'this request';
  return (
    <Modal title="Unsaved changes" testId="close-tab-dialog" onClose={closeDialog}>
      <p data-testid="close-tab-text">
        Save changes to <strong>{name}</strong>?{tab?.saved ? '' : ' It was never saved.'} Your changes are lost if you don&apos;t save them.
      </p>
      <div className="modal-buttons">
        <button type="button" className="btn" data-testid="close-tab-cancel" onClick={closeDialog}>
          Cancel
        </button>
        <button
          type="button"
          className="btn"
          data-testid="close-tab-discard"
          onClick={() => {
            closeDialog();
            appStore.getState().closeTab(key);
          }}
        >
          Don&apos;t save
        </button>
        <button
          type="button"
          ref={save}
          className="btn btn-primary"
          data-testid="close-tab-save"
          onClick={() => {
            closeDialog();
            void saveAndClose(platform, key);
          }}
        >
          Save
        </button>
      </div>
    </Modal>
  );
}
