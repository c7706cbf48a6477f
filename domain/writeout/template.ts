// curl's --write-out template syntax, parsed in one left-to-right pass (no regular
// expressions on the user's text): %{var}, %header{name}, %output{file} / %output{>>file},
// %% and the \n \r \t escapes. What curl prints literally for a broken piece (an unclosed
// %{, a % before anything else) is kept as text, exactly as curl prints it.

export type WriteOutToken =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string }
  | { kind: 'header'; name: string }
  | { kind: 'output'; file: string; append: boolean };

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };

type CloseAfter = (pos: number) => number;

/** The next '}' at or after pos, remembered: many unclosed %{ must not each scan to the end. */
function closer(format: string): CloseAfter {
  let found: number | undefined;
  return (pos) => {
    if (found === undefined || (found !== -1 && found < pos)) found = format.indexOf('}', pos);
    return found;
  };
}

/** Reads `prefix{...}` at `at` (just after the %): the name and where parsing resumes, or undefined when unclosed. */
function braced(format: string, at: number, prefix: string, closeAfter: CloseAfter): { name: string; next: number } | undefined {
  const open = at + prefix.length + 1;
  const end = closeAfter(open);
  return end < 0 ? undefined : { name: format.slice(open, end), next: end + 1 };
}

function percent(format: string, i: number, closeAfter: CloseAfter, emit: (t: WriteOutToken) => void, text: (s: string) => void): number {
  const next = format[i + 1] as string;
  if (next === '%') return text('%'), i + 2;
  for (const prefix of ['', 'header', 'output'] as const) {
    if (!format.startsWith(prefix + '{', i + 1)) continue;
    const b = braced(format, i + 1, prefix, closeAfter);
    // curl prints the opener of an unclosed piece and goes on after it.
    if (!b) return text(`%${prefix}{`), i + prefix.length + 2;
    if (prefix === '') emit({ kind: 'var', name: b.name });
    else if (prefix === 'header') emit({ kind: 'header', name: b.name });
    else {
      const append = b.name.startsWith('>>');
      emit({ kind: 'output', file: append ? b.name.slice(2) : b.name, append });
    }
    return b.next;
  }
  return text(`%${next}`), i + 2;
}

export function parseWriteOut(format: string): WriteOutToken[] {
  const out: WriteOutToken[] = [];
  let buf = '';
  const text = (s: string) => void (buf += s);
  const flush = () => {
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
  };
  const closeAfter = closer(format);
  let i = 0;
  while (i < format.length) {
    const c = format[i] as string;
    if (c === '%' && i + 1 < format.length) {
      i = percent(format, i, closeAfter, (t) => (flush(), out.push(t)), text);
    } else if (c === '\\' && i + 1 < format.length) {
      const e = format[i + 1] as string;
      text(ESCAPES[e] ?? `\\${e}`);
      i += 2;
    } else {
      text(c);
      i += 1;
    }
  }
  flush();
  return out;
}
