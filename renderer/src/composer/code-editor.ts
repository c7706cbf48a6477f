// An editable CodeMirror 6 for the raw body, mounted in a shadow root like the Pretty viewer:
// there CodeMirror's styles go into a constructed stylesheet (not a <style> element, which
// style-src 'self' refuses), and every inline style it sets goes through the CSSOM
// (element.style / style.cssText), which CSP does not govern. Nothing here sets a style
// attribute. The pieces come from CodeMirror 6's own packages (/view, /language, /commands).
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { Annotation, EditorState, Transaction, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { codeColours, codeHighlight } from '../viewers/code-theme.js';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { linter } from '@codemirror/lint';
import { jsonDiagnostics } from './json-lint.js';

export type CodeLang = 'json' | 'xml' | 'text';

// --- The editor ----------------------------------------------------------------------------

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

// In the shadow root's constructed stylesheet, with the app's CSS variables (they inherit).
const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '12px', backgroundColor: 'var(--bg)', color: 'var(--fg)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: MONO, overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--bg2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-placeholder': { color: 'var(--muted)' },
  // The JSON mark's message on hover: CodeMirror's tooltip is light-only by default.
  '.cm-tooltip': { backgroundColor: 'var(--bg2)', color: 'var(--fg)', border: '1px solid var(--border)' },
});

/** The host box: sized and resizable like the textarea it replaced. */
let hostSheet: CSSStyleSheet | undefined;
function hostStyles(): CSSStyleSheet {
  if (!hostSheet) {
    hostSheet = new CSSStyleSheet();
    hostSheet.replaceSync(
      ':host { display: block; box-sizing: border-box; width: 100%; height: 160px; min-height: 64px; resize: vertical; overflow: hidden; ' +
        'border: 1px solid var(--border); border-radius: 4px; }\n' +
        ':host(:focus-within) { outline: 2px solid var(--focus); outline-offset: 1px; }\n' +
        '.cm-parent { height: 100%; }',
    );
  }
  return hostSheet;
}

function language(lang: CodeLang): Extension {
  return lang === 'json' ? json() : lang === 'xml' ? xml() : [];
}

// JSON that does not parse is marked where JSON.parse says, once typing pauses.
const jsonLint = linter((view) => jsonDiagnostics(view.state.doc.toString()), { delay: 400 });

export interface CodeEditorOptions {
  doc: string;
  lang: CodeLang;
  placeholder?: string;
  /** Extra attributes on the contenteditable element (test ids, labels). */
  contentAttributes?: Record<string, string>;
  /** A view to read and select from (code snippets), not to edit. */
  readOnly?: boolean;
  onChange(text: string): void;
}

export interface CodeEditor {
  view: EditorView;
  /** Replaces the document from outside (not undoable, no onChange). */
  setDoc(text: string): void;
  destroy(): void;
}

const external = Annotation.define<boolean>();

export function mountCodeEditor(host: HTMLElement, opts: CodeEditorOptions): CodeEditor {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!shadow.adoptedStyleSheets.includes(hostStyles())) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, hostStyles()];
  const parent = document.createElement('div');
  parent.className = 'cm-parent';
  shadow.replaceChildren(parent);
  const extensions: Extension[] = [
    lineNumbers(),
    foldGutter(),
    bracketMatching(),
    indentOnInput(),
    codeHighlight,
    codeColours,
    history(),
    // Mod-Enter is left to the app (it sends the request). Tab indents; Escape then Tab (or
    // Shift+Tab) leaves the editor, CodeMirror's own way out for keyboard users.
    keymap.of([...defaultKeymap.filter((b) => b.key !== 'Mod-Enter'), ...historyKeymap, ...foldKeymap, ...(opts.readOnly ? [] : [indentWithTab])]),
    EditorView.lineWrapping,
    theme,
    language(opts.lang),
    EditorView.contentAttributes.of(opts.contentAttributes ?? {}),
    EditorView.updateListener.of((u) => {
      if (u.docChanged && !u.transactions.some((tr) => tr.annotation(external))) opts.onChange(u.state.doc.toString());
    }),
  ];
  if (opts.placeholder) extensions.push(placeholder(opts.placeholder));
  if (opts.readOnly) extensions.push(EditorState.readOnly.of(true));
  else if (opts.lang === 'json') extensions.push(jsonLint);
  const view = new EditorView({ parent, root: shadow, state: EditorState.create({ doc: opts.doc, extensions }) });
  return {
    view,
    setDoc(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: [external.of(true), Transaction.addToHistory.of(false)],
      });
    },
    destroy: () => view.destroy(),
  };
}
