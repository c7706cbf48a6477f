// The request's interop actions under the request line: Import cURL… (Ctrl/Cmd+Shift+I),
// Copy as cURL, Code…; the import notice and the open dialog.
import { useEffect, useState } from 'react';
import { draftToCurl } from '../../../contract/curl-serialize.js';
import { copyText } from '../timeline/clipboard.js';
import { CodeDialog } from './CodeDialog.js';
import { CurlImportDialog } from './CurlImportDialog.js';
import { ImportNotice } from './ImportNotice.js';
import { activeRequestForExport } from './interop-actions.js';
import { openDialog, useInterop } from './interop-store.js';
import './interop.css';

function useImportShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.code === 'KeyI') {
        e.preventDefault();
        openDialog('import');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function InteropBar() {
  useImportShortcut();
  const dialog = useInterop((s) => s.dialog);
  const [status, setStatus] = useState('');
  const copyCurl = async () => {
    const r = activeRequestForExport();
    if (!r.ok) return setStatus(`Not copied: ${r.message}`);
    if (await copyText(draftToCurl(r.request, { fileName: r.fileName }))) return setStatus('Copied as cURL.');
    // The clipboard refused: show the command to copy by hand.
    setStatus('');
    openDialog('code', { language: 'curl', copyFallback: true });
  };
  return (
    <>
      <div className="interop-bar">
        <button type="button" className="btn btn-small" data-testid="import-curl" title="Import a curl command (Ctrl+Shift+I)" onClick={() => openDialog('import')}>
          Import cURL…
        </button>
        <button type="button" className="btn btn-small" data-testid="copy-curl" onClick={() => void copyCurl()}>
          Copy as cURL
        </button>
        <button type="button" className="btn btn-small" data-testid="code-button" onClick={() => openDialog('code')}>
          Code…
        </button>
        {status && (
          <span className="muted" role="status" data-testid="copy-curl-status">
            {status}
          </span>
        )}
      </div>
      <ImportNotice />
      {dialog === 'import' && <CurlImportDialog />}
      {dialog === 'code' && <CodeDialog />}
    </>
  );
}
