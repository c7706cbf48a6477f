// The answer of an import: what was written, and each note (what was not carried over)
// under the item it concerns, so nothing is dropped without the user seeing it.
import { Modal } from '../dialogs/Modal.js';
import { closeDialog, useOpenDialog } from '../dialogs/dialog-store.js';
import type { ImportNote } from '../../../contract/import.js';

/** A collection can bring thousands of notes; the dialog lists this many items. */
const SHOWN_ITEMS = 300;

function byItem(notes: ImportNote[]): Array<[string, string[]]> {
  const out = new Map<string, string[]>();
  for (const n of notes) out.set(n.path, [...(out.get(n.path) ?? []), n.note]);
  return [...out.entries()];
}

export function ImportResultDialog() {
  const result = useOpenDialog()?.importResult;
  if (!result) return null;
  const items = byItem(result.notes);
  return (
    <Modal title={result.title} testId="import-result" onClose={closeDialog}>
      <p data-testid="import-summary">{result.summary}</p>
      {items.length > 0 && (
        <ul className="import-notes" data-testid="import-notes">
          {items.slice(0, SHOWN_ITEMS).map(([path, notes]) => (
            <li key={path} data-testid="import-note" data-path={path}>
              <code>{path === '' ? 'the workspace' : path}</code>
              <ul>
                {notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </li>
          ))}
          {items.length > SHOWN_ITEMS && <li className="muted">and {items.length - SHOWN_ITEMS} more items with notes</li>}
        </ul>
      )}
      <div className="modal-buttons">
        <button type="button" className="btn" data-testid="import-result-close" onClick={closeDialog}>
          Close
        </button>
      </div>
    </Modal>
  );
}
