// A read-only CodeMirror view of a code snippet, in a shadow root under the page's CSP
// (see composer/code-editor.ts); CodeMirror is loaded on first use.
import { useEffect, useRef } from 'react';
import type { CodeEditor } from '../composer/code-editor.js';

export function SnippetView({ text }: { text: string }) {
  const host = useRef<HTMLDivElement | null>(null);
  const editor = useRef<CodeEditor | null>(null);
  const latest = useRef(text);
  latest.current = text;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let ed: CodeEditor | undefined;
    let gone = false;
    void import('../composer/code-editor.js').then(({ mountCodeEditor }) => {
      if (gone) return;
      ed = mountCodeEditor(el, {
        doc: latest.current,
        lang: 'text',
        readOnly: true,
        contentAttributes: { 'data-testid': 'code-snippet', 'aria-label': 'Code', 'aria-readonly': 'true' },
        onChange: () => {},
      });
      editor.current = ed;
    });
    return () => {
      gone = true;
      editor.current = null;
      ed?.destroy();
    };
  }, []);

  useEffect(() => {
    editor.current?.setDoc(text);
  }, [text]);

  return <div ref={host} className="snippet-view" data-testid="code-snippet-host" />;
}
