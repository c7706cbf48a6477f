// The raw body editor: CodeMirror 6 (highlighting by the body type, line numbers, bracket
// matching, folding, undo), mounted in a shadow root so that it runs under the page's CSP
// (style-src 'self', no 'unsafe-inline'): see code-editor.ts. The contenteditable element
// carries data-testid="body-input". Ctrl/Cmd+Enter is not bound in the editor; the app's
// capture-phase shortcut sends the request. JSON is marked where it does not parse, and
// Beautify re-indents JSON or XML (2 spaces); a parse error is shown and the text left as it is.
import { useEffect, useRef, useState } from 'react';
import { formatJson } from '../viewers/pretty-format.js';
import { formatXml } from './xml-format.js';
import type { RawType } from './body-model.js';
import { useCodeEditor } from './use-code-editor.js';

interface Props {
  value: string;
  type: RawType;
  onChange: (text: string) => void;
}

const PLACEHOLDER: Record<RawType, string> = { json: '{"key": "value"}', xml: '<root/>', text: 'Body text' };

export function RawEditor({ value, type, onChange }: Props) {
  const host = useRef<HTMLDivElement | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  useCodeEditor(
    host,
    value,
    () => ({
      lang: type,
      placeholder: PLACEHOLDER[type],
      contentAttributes: { 'data-testid': 'body-input', 'aria-label': 'Request body' },
      onChange: (text) => change.current(text),
    }),
    type,
  );
  return (
    <>
      {type !== 'text' && <Beautify type={type} value={value} onChange={onChange} />}
      <div ref={host} className="raw-editor" data-testid="body-editor" />
    </>
  );
}

const FORMAT = { json: { run: formatJson, name: 'JSON' }, xml: { run: formatXml, name: 'XML' } };

function Beautify({ type, value, onChange }: { type: 'json' | 'xml'; value: string; onChange: (text: string) => void }) {
  const [error, setError] = useState('');
  useEffect(() => setError(''), [value]); // an edit makes the last verdict stale
  const run = () => {
    const r = FORMAT[type].run(value);
    setError(r.ok ? '' : `Not valid ${FORMAT[type].name}: ${r.error}`);
    if (r.ok && r.text !== value) onChange(r.text);
  };
  return (
    <div className="beautify-row">
      <button type="button" className="btn btn-small" data-testid="beautify-body" onClick={run}>
        Beautify
      </button>
      {error && (
        <span className="error" role="alert" data-testid="beautify-error">
          {error}
        </span>
      )}
    </div>
  );
}
