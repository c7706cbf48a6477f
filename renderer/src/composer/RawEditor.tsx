// The raw body editor: CodeMirror 6 (highlighting by the body type, line numbers, bracket
// matching, folding, undo), mounted in a shadow root so that it runs under the page's CSP
// (style-src 'self', no 'unsafe-inline'): see code-editor.ts. The contenteditable element
// carries data-testid="body-input". Ctrl/Cmd+Enter is not bound in the editor; the app's
// capture-phase shortcut sends the request.
import { useEffect, useRef } from 'react';
import type { RawType } from './body-model.js';
import type { CodeEditor } from './code-editor.js';

interface Props {
  value: string;
  type: RawType;
  onChange: (text: string) => void;
}

const PLACEHOLDER: Record<RawType, string> = { json: '{"key": "value"}', xml: '<root/>', text: 'Body text' };

export function RawEditor({ value, type, onChange }: Props) {
  const host = useRef<HTMLDivElement | null>(null);
  const editor = useRef<CodeEditor | null>(null);
  // The latest props, read by the editor's callbacks without remounting it.
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let ed: CodeEditor | undefined;
    let gone = false;
    // Loaded on first use, like the Pretty viewer: CodeMirror stays out of the main chunk.
    void import('./code-editor.js').then(({ mountCodeEditor }) => {
      if (gone) return;
      ed = mountCodeEditor(el, {
        doc: latest.current.value,
        lang: type,
        placeholder: PLACEHOLDER[type],
        contentAttributes: { 'data-testid': 'body-input', 'aria-label': 'Request body' },
        onChange: (text) => latest.current.onChange(text),
      });
      editor.current = ed;
    });
    return () => {
      gone = true;
      editor.current = null;
      ed?.destroy();
    };
  }, [type]);

  // The draft changed from outside (another tab, a loaded request): show it.
  useEffect(() => {
    editor.current?.setDoc(value);
  }, [value]);

  return <div ref={host} className="raw-editor" data-testid="body-editor" />;
}
