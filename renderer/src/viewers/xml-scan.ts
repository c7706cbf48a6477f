// One scanner for XML markup, shared by the Pretty viewer (lenient, over a peer's body) and
// the body editor's Beautify (strict, over typed text). Each construct is found by forward
// searches from its own start and the caller goes on from its end, so a whole body is
// scanned in one pass whatever it holds (a backtracking pattern was quadratic on "<<<…").

export type MarkupKind = 'comment' | 'cdata' | 'pi' | 'doctype' | 'tag';

export interface Markup {
  kind: MarkupKind;
  /** The index after the construct's last character, or -1 if it does not close. */
  end: number;
  /** A tag only: the first '<' outside a quoted value before its end, or -1. */
  strayLt: number;
}

const DELIMITED: ReadonlyArray<readonly [MarkupKind, string, string]> = [
  ['comment', '<!--', '-->'],
  ['cdata', '<![CDATA[', ']]>'],
  ['pi', '<?', '?>'],
];

/** A start tag or end tag: it ends at the first '>' outside a quoted attribute value. */
function scanTag(text: string, at: number): Markup {
  let strayLt = -1;
  for (let p = at + 1; p < text.length; p++) {
    const c = text[p];
    if (c === '"' || c === "'") {
      p = text.indexOf(c, p + 1);
      if (p < 0) break;
    } else if (c === '<' && strayLt < 0) strayLt = p;
    else if (c === '>') return { kind: 'tag', end: p + 1, strayLt };
  }
  return { kind: 'tag', end: -1, strayLt };
}

/** A DOCTYPE: its internal subset in [ ] may hold '>'. */
function scanDoctype(text: string, at: number): Markup {
  const none: Markup = { kind: 'doctype', end: -1, strayLt: -1 };
  for (let p = at + 2; p < text.length; p++) {
    if (text[p] === '>') return { ...none, end: p + 1 };
    if (text[p] === '[') {
      const close = text.indexOf(']', p + 1);
      const gt = close < 0 ? -1 : text.indexOf('>', close + 1);
      return gt < 0 ? none : { ...none, end: gt + 1 };
    }
  }
  return none;
}

/** The construct that starts with the '<' at `at`. */
export function scanMarkup(text: string, at: number): Markup {
  for (const [kind, start, close] of DELIMITED) {
    if (!text.startsWith(start, at)) continue;
    const end = text.indexOf(close, at + start.length);
    return { kind, end: end < 0 ? -1 : end + close.length, strayLt: -1 };
  }
  return text.startsWith('<!', at) ? scanDoctype(text, at) : scanTag(text, at);
}
