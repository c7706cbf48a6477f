// The test's own reading of string literals, per httpsnippet target, written from each
// language's reference (not from snippet-literals.ts): what every literal decodes to, and the
// first interpolation left live in it ($x in PHP/Kotlin/PowerShell, ${ in JS templates).
export interface Lit {
  text: string;
  live?: string;
}

const QUOTES: Record<string, string> = { rust: '"', javascript: `'"\``, node: `'"\``, go: '"`', java: '"', kotlin: '"', csharp: '"', c: '"', php: `'"`, powershell: `'"` };
const PS_DQ_END = '"\u201c\u201d\u201e';
const PS_SQ_END = "'\u2018\u2019\u201a\u201b";

/** Backslash escapes of C-like languages; PHP keeps the backslash of an unknown one. */
function backslash(code: string, i: number, target: string): [string, number] {
  const c = code[i + 1] ?? '';
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', f: '\f', b: '\b', a: '\x07', e: '\x1b' };
  if (/[0-7]/.test(c)) {
    const m = /^[0-7]{1,3}/.exec(code.slice(i + 1)) as RegExpExecArray;
    return [String.fromCharCode(parseInt(m[0], 8)), i + m[0].length];
  }
  if (c === 'x') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(code.slice(i + 2)) as RegExpExecArray;
    return [String.fromCharCode(parseInt(m[0], 16)), i + 1 + m[0].length];
  }
  if (c === 'u' && code[i + 2] === '{') {
    const close = code.indexOf('}', i);
    return [String.fromCodePoint(parseInt(code.slice(i + 3, close), 16)), close];
  }
  if (c === 'u') return [String.fromCharCode(parseInt(code.slice(i + 2, i + 6), 16)), i + 5];
  if (simple[c] !== undefined && !(target === 'php' && 'ab'.includes(c))) return [simple[c] as string, i + 1];
  if (target === 'php' && !'\\$"'.includes(c)) return [`\\${c}`, i + 1];
  return [c, i + 1];
}

function liveAt(code: string, i: number, target: string, quote: string): string | undefined {
  const c = code[i];
  const next = code[i + 1] ?? '';
  if (quote === '`' && target !== 'go' && c === '$' && next === '{') return '${';
  if (quote !== '"') return undefined;
  if ((target === 'php' || target === 'kotlin') && c === '$' && /[A-Za-z_{]/.test(next)) return `$${next}`;
  if (target === 'php' && c === '{' && next === '$') return '{$';
  if (target === 'powershell' && c === '$' && /[A-Za-z_{(:?]/.test(next)) return `$${next}`;
  return undefined;
}

function readLiteral(code: string, open: number, target: string): { lit: Lit; end: number } {
  const q = code[open] as string;
  const ps = target === 'powershell';
  const ends = ps ? (q === '"' ? PS_DQ_END : PS_SQ_END) : q;
  let text = '';
  let live: string | undefined;
  for (let i = open + 1; i < code.length; i++) {
    const c = code[i] as string;
    if (ends.includes(c)) {
      if (ps && i + 1 < code.length && ends.includes(code[i + 1] as string)) {
        text += code[i + 1];
        i++;
        continue;
      }
      return { lit: { text, ...(live ? { live } : {}) }, end: i };
    }
    live ??= liveAt(code, i, target, q);
    if (ps && q === '"' && c === '`') {
      const e = code[i + 1] ?? '';
      text += ({ n: '\n', r: '\r', t: '\t', '0': '\0' } as Record<string, string>)[e] ?? e;
      i++;
    } else if (c === '\\' && !ps && !(target === 'go' && q === '`')) {
      if (target === 'php' && q === "'") {
        const e = code[i + 1] ?? '';
        text += e === '\\' || e === "'" ? e : `\\${e}`;
        i++;
      } else {
        const [s, at] = backslash(code, i, target);
        text += s;
        i = at;
      }
    } else text += c;
  }
  throw new Error(`unterminated ${q} literal`);
}

export function decodedLiterals(code: string, target: string): Lit[] {
  const quotes = QUOTES[target];
  if (!quotes) throw new Error(`no literal reader for ${target}`);
  const out: Lit[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i] as string;
    if (target === 'powershell' ? c === '#' : c === '/' && code[i + 1] === '/') i = code.indexOf('\n', i) < 0 ? code.length : code.indexOf('\n', i);
    else if (quotes.includes(c)) {
      const { lit, end } = readLiteral(code, i, target);
      out.push(lit);
      i = end;
    }
  }
  return out;
}
