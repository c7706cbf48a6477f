// Mounts a CodeMirror editor (code-editor.ts, loaded on first use so CodeMirror stays out of
// the main chunk) into a host element, remounting when `key` changes, and shows `value`
// whenever it changes from outside.
import { useEffect, useRef, type RefObject } from 'react';
import type { CodeEditor, CodeEditorOptions } from './code-editor.js';

export function useCodeEditor(host: RefObject<HTMLElement | null>, value: string, options: () => Omit<CodeEditorOptions, 'doc'>, key: unknown): void {
  const editor = useRef<CodeEditor | null>(null);
  // The latest props, read when the editor mounts, without remounting it.
  const latest = useRef({ value, options });
  latest.current = { value, options };

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let ed: CodeEditor | undefined;
    let gone = false;
    void import('./code-editor.js').then(({ mountCodeEditor }) => {
      if (gone) return;
      ed = mountCodeEditor(el, { ...latest.current.options(), doc: latest.current.value });
      editor.current = ed;
    });
    return () => {
      gone = true;
      editor.current = null;
      ed?.destroy();
    };
  }, [host, key]);

  // The text changed from outside (another tab, a loaded request, another language): show it.
  useEffect(() => {
    editor.current?.setDoc(value);
  }, [value]);
}
