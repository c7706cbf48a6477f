// A modal dialog holding one form (Save As, Move to…, Settings): Enter in a field submits it,
// Escape or Cancel closes the dialog. Its footer is DialogButtons.
import type { ReactNode } from 'react';
import { closeDialog } from './dialog-store.js';
import { Modal } from './Modal.js';

export function DialogForm({ title, testId, onSubmit, children }: { title: string; testId: string; onSubmit(): void; children: ReactNode }) {
  return (
    <Modal title={title} testId={testId} onClose={closeDialog}>
      <form
        className="set-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Modal>
  );
}
