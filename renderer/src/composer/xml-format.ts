// Beautify for an XML body: a small indenter of its own. fast-xml-parser's round trip
// drops the DOCTYPE and a processing instruction's data and puts mixed content's text on
// lines of its own (which changes what the server reads), so it does not fit. Here only
// whitespace between tags changes: an element holding text or CDATA (or xml:space=
// "preserve") is kept byte for byte; comments, PIs and the DOCTYPE stay where they are.

import { scanMarkup, type MarkupKind } from '../viewers/xml-scan.js';

export type XmlFormat = { ok: true; text: string } | { ok: false; error: string };

interface Node {
  kind: 'element' | 'text' | 'other';
  /** The node's source, from its first byte to its last (an element's end tag included). */
  from: number;
  to: number;
  /** An element's start tag ends here; its children follow. */
  openEnd?: number;
  children?: Node[];
}

class XmlError extends Error {}

const NAME = /^[A-Za-z_:][-\w.:]*/;

function where(text: string, at: number): string {
  const before = text.slice(0, at).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

const WHAT: Record<MarkupKind, string> = { comment: 'the comment', cdata: 'the CDATA section', pi: 'the processing instruction', doctype: 'the DOCTYPE', tag: 'the tag' };

/** One '<…' construct at `at`: its end and, for a tag, its name and kind. */
function markup(text: string, at: number): { kind: MarkupKind; end: number; tag?: { name: string; close: boolean; empty: boolean } } {
  const m = scanMarkup(text, at);
  if (m.kind !== 'tag') {
    if (m.end < 0) throw new XmlError(`${WHAT[m.kind]} at ${where(text, at)} is not closed`);
    return { kind: m.kind, end: m.end };
  }
  const close = text[at + 1] === '/';
  const name = NAME.exec(text.slice(at + (close ? 2 : 1), at + 300))?.[0];
  if (!name) throw new XmlError(`a '<' not starting a tag at ${where(text, at)}`);
  if (m.strayLt >= 0) throw new XmlError(`the tag at ${where(text, at)} is not closed before another '<'`);
  if (m.end < 0) throw new XmlError(`the tag at ${where(text, at)} is not closed`);
  return { kind: m.kind, end: m.end, tag: { name, close, empty: !close && text[m.end - 2] === '/' } };
}

/** The document's top-level nodes; throws XmlError where it is not well-formed. */
function parse(text: string): Node[] {
  const top: Node[] = [];
  const open: Array<{ node: Node; name: string }> = [];
  const add = (n: Node) => (open.length ? open[open.length - 1]!.node.children!.push(n) : top.push(n));
  let p = 0;
  while (p < text.length) {
    const lt = text.indexOf('<', p);
    if (lt !== p) {
      const to = lt < 0 ? text.length : lt;
      if (!open.length && text.slice(p, to).trim()) throw new XmlError(`text outside the root element at ${where(text, p)}`);
      add({ kind: 'text', from: p, to });
      p = to;
      continue;
    }
    const m = markup(text, p);
    if (!m.tag) add({ kind: m.kind === 'cdata' ? 'text' : 'other', from: p, to: m.end });
    else if (m.tag.close) {
      const last = open.pop();
      if (!last) throw new XmlError(`</${m.tag.name}> at ${where(text, p)} closes no element`);
      if (last.name !== m.tag.name) throw new XmlError(`</${m.tag.name}> at ${where(text, p)} where </${last.name}> was expected`);
      last.node.to = m.end;
    } else {
      if (!open.length && top.some((n) => n.kind === 'element')) throw new XmlError(`a second root element at ${where(text, p)}`);
      const node: Node = { kind: 'element', from: p, to: m.end, openEnd: m.end, children: [] };
      add(node);
      if (!m.tag.empty) open.push({ node, name: m.tag.name });
    }
    p = m.end;
  }
  if (open.length) throw new XmlError(`<${open[open.length - 1]!.name}> is not closed`);
  if (!top.some((n) => n.kind === 'element')) throw new XmlError('no root element');
  return top;
}

const blank = (text: string, n: Node) => n.kind === 'text' && !text.slice(n.from, n.to).trim();

/** The lines of `n` at `depth`; an element with text in it is kept as it is. */
function lines(text: string, n: Node, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const kids = (n.children ?? []).filter((c) => !blank(text, c));
  const keep = n.kind !== 'element' || kids.length === 0 || kids.some((c) => c.kind === 'text') || /\sxml:space\s*=\s*["']preserve/.test(text.slice(n.from, n.openEnd));
  if (keep) return void out.push(pad + text.slice(n.from, n.to));
  out.push(pad + text.slice(n.from, n.openEnd));
  for (const c of kids) lines(text, c, depth + 1, out);
  out.push(pad + text.slice(n.children![n.children!.length - 1]!.to, n.to));
}

/** The XML indented by two spaces, or why it is not well-formed XML. */
export function formatXml(text: string): XmlFormat {
  try {
    const out: string[] = [];
    for (const n of parse(text)) if (!blank(text, n)) lines(text, n, 0, out);
    return { ok: true, text: out.join('\n') };
  } catch (e) {
    if (e instanceof XmlError) return { ok: false, error: e.message };
    throw e;
  }
}
