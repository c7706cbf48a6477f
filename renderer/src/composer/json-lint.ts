// The body editor's JSON check: JSON.parse's verdict, placed where its message says (V8
// names "at position N", or "line L column C"; an unexpected end is at the end of the text).
import type { Diagnostic } from '@codemirror/lint';

/** Offset of a JSON.parse error in `text`, from its message. */
export function errorOffset(message: string, text: string): number {
  const pos = /at position (\d+)/.exec(message);
  if (pos) return Math.min(Number(pos[1]), text.length);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    const line = Math.min(Number(lc[1]), lines.length);
    const before = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    return Math.min(before + Number(lc[2]) - 1, text.length);
  }
  return text.length;
}

/**
 * `{{name}}` references as a number of the same length ("1000…"), which JSON takes in a
 * string and as a value alike: a template that will be JSON once resolved is not marked,
 * and offsets stay where they are.
 */
export function withoutReferences(text: string): string {
  return text.replace(/\{\{[^{}\r\n]{1,200}\}\}/g, (m) => '1'.padEnd(m.length, '0'));
}

/** One diagnostic for text that is not JSON, none for JSON or an empty body. */
export function jsonDiagnostics(text: string): Diagnostic[] {
  if (!text.trim()) return [];
  try {
    JSON.parse(withoutReferences(text));
    return [];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const from = errorOffset(message, text);
    return [{ from, to: Math.min(from + 1, text.length), severity: 'error', message }];
  }
}
