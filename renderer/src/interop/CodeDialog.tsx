// "Code…": the active request as code in the chosen language (httpsnippet, loaded on first
// use), in a read-only CodeMirror view, with a Copy button.
import { useEffect, useState } from 'react';
import { copyText } from '../timeline/clipboard.js';
import { activeRequestForExport } from './interop-actions.js';
import { interopStore, useInterop } from './interop-store.js';
import { closeDialog, useOpenDialog } from '../dialogs/dialog-store.js';
import { DROPPED, LANGUAGES } from './languages.js';
import { Modal } from '../dialogs/Modal.js';
import { SnippetView } from './SnippetView.js';

type Snippet = { code: string } | { error: string } | undefined;

function useSnippet(language: string): Snippet {
  const [snippet, setSnippet] = useState<Snippet>();
  useEffect(() => {
    let gone = false;
    const r = activeRequestForExport();
    if (!r.ok) {
      setSnippet({ error: r.message });
      return;
    }
    void import('./code-export.js')
      .then(({ codeSnippet }) => {
        if (!gone) setSnippet({ code: codeSnippet(r.request, language, { fileName: r.fileName }) });
      })
      .catch((e: unknown) => {
        if (!gone) setSnippet({ error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      gone = true;
    };
  }, [language]);
  return snippet;
}

export function CodeDialog() {
  const language = useInterop((s) => s.language);
  const fallback = useOpenDialog()?.copyFallback;
  const snippet = useSnippet(language);
  const [status, setStatus] = useState(fallback ? 'The clipboard is not available here: select the code and copy it.' : '');
  const code = snippet && 'code' in snippet ? snippet.code : undefined;
  const copy = async () => {
    if (code === undefined) return;
    setStatus((await copyText(code)) ? 'Copied.' : 'The clipboard is not available here: select the code and copy it.');
  };
  return (
    <Modal title="Code" testId="code-dialog" onClose={closeDialog}>
      <div className="modal-bar">
        <select data-testid="code-language" aria-label="Language" value={language} onChange={(e) => interopStore.setState({ language: e.target.value })}>
          {LANGUAGES.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
        <span className="spacer" />
        {status && (
          <span className="muted" role="status" data-testid="code-status">
            {status}
          </span>
        )}
        <button type="button" className="btn" data-testid="code-copy" disabled={code === undefined} onClick={() => void copy()}>
          Copy
        </button>
      </div>
      {snippet && 'error' in snippet ? (
        <p className="error" role="alert" data-testid="code-error">
          {snippet.error}
        </p>
      ) : (
        <SnippetView text={code ?? ''} />
      )}
      <p className="muted" data-testid="code-dropped">
        Not offered, as their generator cannot write every request safely: {DROPPED.map((d) => `${d.label} (${d.why})`).join('; ')}.
      </p>
    </Modal>
  );
}
