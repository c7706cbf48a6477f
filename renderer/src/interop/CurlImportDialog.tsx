// "Import cURL…": paste or type a command; it is parsed as you type (the error names the
// problem), Import replaces the active tab's request.
import { useMemo, useState } from 'react';
import { CurlParseError, parseCurlCommand } from '../../../domain/curl/command.js';
import { importCurl } from './interop-actions.js';
import { closeDialog } from '../dialogs/dialog-store.js';
import { Modal } from '../dialogs/Modal.js';

function preview(text: string): { ok: true; line: string; warnings: number } | { ok: false; message: string } | undefined {
  if (text.trim() === '') return undefined;
  try {
    const r = parseCurlCommand(text);
    return { ok: true, line: `${r.draft.method} ${r.draft.url}`, warnings: r.warnings.length };
  } catch (e) {
    return { ok: false, message: e instanceof CurlParseError ? e.message : String(e) };
  }
}

export function CurlImportDialog() {
  const [text, setText] = useState('');
  const p = useMemo(() => preview(text), [text]);
  const doImport = () => {
    if (p?.ok && importCurl(text)) closeDialog();
  };
  return (
    <Modal title="Import cURL" testId="curl-import-dialog" onClose={closeDialog}>
      <textarea
        className="curl-import-text"
        data-testid="curl-import-text"
        aria-label="curl command"
        spellCheck={false}
        placeholder={"curl 'https://api.example.com/v1/items' \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"name\": \"x\"}'"}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="modal-foot">
        {p?.ok === false && (
          <p className="error" role="alert" data-testid="curl-import-error">
            {p.message}
          </p>
        )}
        {p?.ok && (
          <p className="muted" data-testid="curl-import-preview">
            {p.line}
            {p.warnings > 0 ? ` (${p.warnings} warning${p.warnings > 1 ? 's' : ''})` : ''}
          </p>
        )}
        <span className="spacer" />
        <button type="button" className="btn" onClick={closeDialog}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" data-testid="curl-import-button" disabled={!p?.ok} onClick={doImport}>
          Import
        </button>
      </div>
    </Modal>
  );
}
