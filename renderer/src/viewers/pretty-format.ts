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

// Tags, comments, CDATA, processing instructions and doctypes, or text between them.
const XML_TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/[^>]+>|<[^>]+?\/>|<[^>]+>|[^<]+/g;

/** Re-indents XML by tags: a token per line, two spaces a level; text kept (trimmed). */
export function formatXml(text: string): PrettyResult {
  const out: string[] = [];
  let depth = 0;
  for (const m of text.matchAll(XML_TOKEN)) {
    const tok = m[0];
    if (!tok.startsWith('<')) {
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
