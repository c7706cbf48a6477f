// CodeMirror's colours for both themes (the pretty viewer, the body editor, Code…): token
// colours and the gutter from the page's CSS variables (--code-*, light-dark pairs in
// styles.css, each at least 4.5:1 on its background), so the dark theme's strings and
// numbers stay readable; CodeMirror's default style is made for a white page only.
// Custom properties inherit into the viewers' shadow roots, so one definition serves all.
import { defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';

/** CodeMirror's default colour of each token kind → the page's variable for that kind
 * (its tags are reused as they are: they are what the JSON and XML grammars emit). */
const RECOLOUR: Record<string, string> = {
  '#a11': 'var(--code-string)',
  '#164': 'var(--code-number)',
  '#e40': 'var(--code-number)',
  '#708': 'var(--code-keyword)',
  '#219': 'var(--code-keyword)',
  '#00c': 'var(--code-property)',
  '#00f': 'var(--code-property)',
  '#30a': 'var(--code-property)',
  '#085': 'var(--code-tag)',
  '#167': 'var(--code-tag)',
  '#256': 'var(--code-tag)',
  '#940': 'var(--muted)',
  '#404740': 'var(--muted)',
  '#f00': 'var(--err)',
};

const style = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) => {
    const colour = typeof spec.color === 'string' ? RECOLOUR[spec.color] : undefined;
    return colour ? { ...spec, color: colour } : spec;
  }),
);

export const codeHighlight = syntaxHighlighting(style, { fallback: true });

export const codeColours = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'transparent' },
  '.cm-gutters': { backgroundColor: 'var(--bg2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--bg3)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--code-selection)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--bg3)', color: 'var(--fg)', border: '1px solid var(--border)' },
});

/** CodeMirror's search panel and its marks (the Pretty view) in the page's colours: its own
 * defaults are light-only (a grey panel, pale yellow marks) and unreadable in dark. */
export const searchColours = EditorView.theme({
  '.cm-panels': { backgroundColor: 'var(--bg2)', color: 'var(--fg)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panel.cm-search': { padding: '4px 8px', fontSize: '12px' },
  '.cm-panel.cm-search label': { color: 'var(--fg)' },
  '.cm-textfield': { backgroundColor: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)', borderRadius: '3px' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--bg3)', color: 'var(--fg)', border: '1px solid var(--border)', borderRadius: '3px' },
  '.cm-panel.cm-search [name=close]': { color: 'var(--fg)' },
  '.cm-searchMatch': { backgroundColor: 'var(--code-match)', outline: '1px solid var(--border)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--code-match-current)', outline: '2px solid var(--accent)' },
  ':focus-visible': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
});
