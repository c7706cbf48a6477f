// Pretty-printing of JSON and XML (run in pretty.worker.ts, off the UI thread).
import type { PrettyLang } from './kinds.js';
import { scanMarkup } from './xml-scan.js';

export type PrettyResult = { ok: true; text: string } | { ok: false; error: string };

export function formatJson(text: string): PrettyResult {
  try {
    return { ok: true, text: JSON.stringify(JSON.parse(text), null, 2) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Tags, comments, CDATA, processing instructions and doctypes, or text between them, in one
 * pass (a response body is peer input). Markup that does not close runs to the end.
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
    const end = scanMarkup(text, i).end;
    const j = end < 0 ? text.length : end;
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
