// The request's interop actions under the request line: Import cURL… (Ctrl/Cmd+Shift+I),
// Copy as cURL, Code…; the import notice.
import { useEffect } from 'react';
import { ImportNotice } from './ImportNotice.js';
import { copyActiveAsCurl } from './interop-actions.js';
import { useInterop } from './interop-store.js';
import { openDialog } from '../dialogs/dialog-store.js';
import { useApp } from '../app-store.js';
import './interop.css';

function useImportShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.code === 'KeyI') {
        e.preventDefault();
        openDialog('curlImport');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function InteropBar() {
  useImportShortcut();
  const tabKey = useApp((s) => s.activeTab);
  const status = useInterop((s) => s.copyStatus[tabKey]);
  return (
    <>
      <div className="interop-bar">
        <button type="button" className="btn btn-small" data-testid="import-curl" title="Import a curl command (Ctrl+Shift+I)" onClick={() => openDialog('curlImport')}>
          Import cURL…
        </button>
        <button type="button" className="btn btn-small" data-testid="copy-curl" onClick={() => void copyActiveAsCurl()}>
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
    </>
  );
}
