// JSON/XML formatted in a worker and shown in a read-only, foldable CodeMirror. CodeMirror
// mounts its styles with <style> elements, which style-src 'self' refuses in a document;
// in a shadow root it adopts constructed stylesheets instead, which CSP does not govern.
import { useEffect, useRef, useState } from 'react';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { foldGutter, foldKeymap } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { search, searchKeymap } from '@codemirror/search';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import type { SliceCache } from './slice-cache.js';
import { PRETTY_MAX, type PrettyLang } from './kinds.js';
import type { PrettyResult } from './pretty-format.js';
import { useWholeBody } from './use-whole-body.js';
import { codeColours, codeHighlight, searchColours } from './code-theme.js';
import { JsonFilterBar, type Filtered, type JsonFilterRun } from './JsonFilter.js';

function useFormatted(bytes: Uint8Array | undefined, lang: PrettyLang): PrettyResult | undefined {
  const [result, setResult] = useState<PrettyResult | undefined>(undefined);
  useEffect(() => {
    setResult(undefined);
    if (!bytes) return;
    const worker = new Worker(new URL('./pretty.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<PrettyResult>) => setResult(e.data);
    worker.onerror = (e) => setResult({ ok: false, error: e.message || 'the formatter failed' });
    worker.postMessage({ lang, bytes });
    return () => worker.terminate();
  }, [bytes, lang]);
  return result;
}

const fill = EditorView.theme({ '&': { height: '100%' }, '.cm-scroller': { fontFamily: 'ui-monospace, monospace', fontSize: '12px' } });

// Read-only viewing: line numbers, highlighting, folding, search (Ctrl/Cmd+F opens
// CodeMirror's panel at the top; Enter / Shift+Enter, F3, Mod-G go to the next/previous
// hit, selected, marked and scrolled into view). The `codemirror` package installed is not
// CM6's basicSetup, so the pieces come from @codemirror/view, /language and /search.
const SETUP = [
  lineNumbers(),
  foldGutter(),
  codeHighlight,
  codeColours,
  search({ top: true }),
  searchColours,
  keymap.of([...foldKeymap, ...searchKeymap]),
  EditorState.readOnly.of(true),
  EditorView.contentAttributes.of({ 'aria-label': 'Response body, formatted' }),
  fill,
];

function Editor({ text, lang }: { text: string; lang: PrettyLang }) {
  const host = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.style.height = '100%'; // CSSOM: allowed by CSP
    shadow.replaceChildren(parent);
    const view = new EditorView({
      parent,
      root: shadow,
      state: EditorState.create({ doc: text, extensions: [...SETUP, lang === 'json' ? json() : xml()] }),
    });
    return () => view.destroy();
  }, [text, lang]);
  return <div className="pretty-host" ref={host} data-testid="pretty-editor" />;
}

interface Props {
  cache: SliceCache;
  total: number;
  lang: PrettyLang;
  onRaw(): void;
  /** The core's JSONPath filter over this body (JSON only). */
  filter?: JsonFilterRun;
}

export function PrettyViewer({ cache, total, lang, onRaw, filter }: Props) {
  const [filtered, setFiltered] = useState<Filtered | undefined>(undefined);
  const bar = filter && lang === 'json' ? <JsonFilterBar run={filter} onResult={setFiltered} /> : null;
  // A filter's result shows even when the whole body is too large to pretty-print.
  if (filtered) {
    return (
      <div className="pretty-filtered">
        {bar}
        <Editor text={filtered.text} lang="json" />
      </div>
    );
  }
  return (
    <div className="pretty-filtered">
      {bar}
      <WholeBody cache={cache} total={total} lang={lang} onRaw={onRaw} />
    </div>
  );
}

function WholeBody({ cache, total, lang, onRaw }: Omit<Props, 'filter'>) {
  const whole = useWholeBody(cache, total, PRETTY_MAX);
  const result = useFormatted(whole.state === 'ready' ? whole.bytes : undefined, lang);
  if (whole.state === 'too-large' || (result && !result.ok)) {
    return (
      <div className="viewer-note" data-testid="pretty-unavailable">
        <p>{result && !result.ok ? `Not valid ${lang.toUpperCase()}: ${result.error}` : `Too large to pretty-print whole (over ${PRETTY_MAX / 1024 / 1024} MiB).`}</p>
        <button className="btn btn-small" data-testid="pretty-show-raw" onClick={onRaw}>
          Show raw text
        </button>
      </div>
    );
  }
  if (whole.state === 'error') return <p className="error">{whole.error}</p>;
  if (!result) return <p className="muted viewer-note">Formatting…</p>;
  return <Editor text={result.text} lang={lang} />;
}
