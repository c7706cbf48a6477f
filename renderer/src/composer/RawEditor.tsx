// The raw body editor: CodeMirror 6 (highlighting by the body type, line numbers, bracket
// matching, folding, undo), mounted in a shadow root so that it runs under the page's CSP
// (style-src 'self', no 'unsafe-inline'): see code-editor.ts. The contenteditable element
// carries data-testid="body-input". Ctrl/Cmd+Enter is not bound in the editor; the app's
// capture-phase shortcut sends the request.
import { useRef } from 'react';
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
  return <div ref={host} className="raw-editor" data-testid="body-editor" />;
}
