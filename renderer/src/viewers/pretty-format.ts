// Pretty-printing of JSON and XML (run in pretty.worker.ts, off the UI thread).
import type { PrettyLang } from './kinds.js';

export type PrettyResult = { ok: true; text: string } | { ok: false; error: string };

export function formatJson(text: string): PrettyResult {
  try {
    return { ok: true, text: JSON.stringify(JSON.parse(text), null, 2) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

// Where each kind of markup ends; anything else starting with "<" is a tag, ending at the
// first ">" outside a quoted attribute value.
const ENDS: Array<[start: string, end: string]> = [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']];

/** The index after the '>' ending the tag at `at`, quoted values skipped; -1 if none. One
 * forward pass: a scan that fails ends the token at the end of the text, so nothing is rescanned. */
function tagEnd(text: string, at: number): number {
  for (let p = at + 1; p < text.length; p++) {
    const c = text[p];
    if (c === '"' || c === "'") {
      p = text.indexOf(c, p + 1);
      if (p < 0) return -1;
    } else if (c === '>') return p + 1;
  }
  return -1;
}

/**
 * Tags, comments, CDATA, processing instructions and doctypes, or text between them: one
 * indexOf pass (a response body is peer input; a backtracking pattern was quadratic on "<<<…").
 */
export function* xmlTokens(text: string): Generator<string> {
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '<') {
      const next = text.indexOf('<', i);
      const j = next < 0 ? text.length : next;
      yield text.slice(i, j);
      i = j;
      continue;
    }
    const kind = ENDS.find(([start]) => text.startsWith(start, i));
    const end = kind ? text.indexOf(kind[1], i + kind[0].length) : tagEnd(text, i);
    const j = end < 0 ? text.length : kind ? end + kind[1].length : end;
    yield text.slice(i, j);
    i = j;
  }
}

/** Re-indents XML by tags: a token per line, two spaces a level; text kept (trimmed). */
export function formatXml(text: string): PrettyResult {
  const out: string[] = [];
  let depth = 0;
  for (const tok of xmlTokens(text)) {
    if (!tok.startsWith('<') || !tok.endsWith('>')) {
      const t = tok.trim();
      if (t) out.push('  '.repeat(depth) + t);
      continue;
    }
    const closing = tok.startsWith('</');
    const opening = !closing && !tok.endsWith('/>') && !/^<[!?]/.test(tok);
    if (closing) depth = Math.max(0, depth - 1);
    out.push('  '.repeat(depth) + tok);
    if (opening) depth++;
  }
  if (depth !== 0 && out.length === 0) return { ok: false, error: 'not XML' };
  return { ok: true, text: out.join('\n') };
}

export function formatPretty(lang: PrettyLang, text: string): PrettyResult {
  return lang === 'json' ? formatJson(text) : formatXml(text);
}
