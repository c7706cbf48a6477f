// A read-only CodeMirror view of a code snippet, in a shadow root under the page's CSP
// (see composer/code-editor.ts).
import { useRef } from 'react';
import { useCodeEditor } from '../composer/use-code-editor.js';

const OPTIONS = () => ({
  lang: 'text' as const,
  readOnly: true,
  contentAttributes: { 'data-testid': 'code-snippet', 'aria-label': 'Code', 'aria-readonly': 'true' },
  onChange: () => {},
});

export function SnippetView({ text }: { text: string }) {
  const host = useRef<HTMLDivElement | null>(null);
  useCodeEditor(host, text, OPTIONS, 'snippet');
  return <div ref={host} className="snippet-view" data-testid="code-snippet-host" />;
}
