// The string literals of httpsnippet's output, per language family: where each one starts and
// ends (a forward scan of the code, which holds only placeholders at that point, so it is
// well-formed) and how a value is written inside one so that it means exactly itself: no
// interpolation ($x, ${x}, #{x}, \(x), `x`, $(x)), no quote that ends it. Pure.

export type Family = 'rust' | 'js' | 'python' | 'go' | 'java' | 'kotlin' | 'csharp' | 'c' | 'php' | 'ruby' | 'powershell' | 'shell';

export const FAMILY: Readonly<Record<string, Family>> = {
  rust: 'rust', javascript: 'js', node: 'js', python: 'python', go: 'go', java: 'java', kotlin: 'kotlin', csharp: 'csharp', c: 'c', php: 'php', ruby: 'ruby', powershell: 'powershell', shell: 'shell',
};

const QUOTES: Record<Family, string> = {
  rust: '"', js: `'"\``, python: `'"`, go: '"`', java: '"', kotlin: '"', csharp: '"', c: '"', php: `'"`, ruby: `'"`, powershell: `'"`, shell: `'"`,
};
const HASH_COMMENT = new Set<Family>(['python', 'ruby', 'powershell', 'shell']);

/** A literal: its opening delimiter and the span of its content [start, end). */
export interface Literal {
  quote: string;
  start: number;
  end: number;
}

/** Where the literal that starts at `open` ends (the index of its closing quote). */
function closing(code: string, open: number, family: Family): number {
  const q = code[open] as string;
  const raw = (family === 'shell' && q === "'") || (family === 'go' && q === '`');
  const doubling = family === 'powershell' && q === "'";
  const esc = family === 'powershell' ? '`' : '\\';
  for (let i = open + 1; i < code.length; i++) {
    const c = code[i];
    if (!raw && !doubling && c === esc) i++;
    else if (c === q) {
      if ((doubling || family === 'powershell') && code[i + 1] === q) i++;
      else return i;
    }
  }
  throw new Error(`unterminated ${q} literal in the generated ${family} code`);
}

export function literals(code: string, family: Family): Literal[] {
  const out: Literal[] = [];
  const quotes = QUOTES[family];
  for (let i = 0; i < code.length; i++) {
    const c = code[i] as string;
    const lineComment = HASH_COMMENT.has(family) ? c === '#' && (family !== 'shell' || /\s/.test(code[i - 1] ?? ' ')) : c === '/' && code[i + 1] === '/';
    if (lineComment) {
      const nl = code.indexOf('\n', i);
      i = nl < 0 ? code.length : nl;
    } else if (quotes.includes(c)) {
      const end = closing(code, i, family);
      out.push({ quote: c, start: i + 1, end });
      i = end;
    }
  }
  return out;
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
const oct3 = (n: number): string => n.toString(8).padStart(3, '0');
const isControl = (n: number): boolean => n < 0x20 || n === 0x7f;
const COMMON: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A backslash-escaped literal: the quote, the backslash, `also` and control characters escaped. */
function backslashed(value: string, quote: string, also: string, control: (n: number) => string): string {
  let out = '';
  for (const ch of value) {
    const n = ch.codePointAt(0) as number;
    if (ch === '\\' || ch === quote || also.includes(ch)) out += `\\${ch}`;
    else if (COMMON[ch]) out += COMMON[ch];
    else if (isControl(n) || n === 0x2028 || n === 0x2029) out += control(n);
    else out += ch;
  }
  return out;
}

const PS_DOUBLE = new Set(['"', '\u201c', '\u201d', '\u201e', '$', '`']);
const PS_SINGLE = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);

function powershell(value: string, quote: string): string {
  let out = '';
  for (const ch of value) {
    const n = ch.codePointAt(0) as number;
    if (quote === "'") out += PS_SINGLE.has(ch) ? ch + ch : ch;
    else if (PS_DOUBLE.has(ch)) out += `\`${ch}`;
    else if (ch === '\n') out += '`n';
    else if (ch === '\r') out += '`r';
    else if (ch === '\t') out += '`t';
    else out += isControl(n) ? `$([char]0x${hex2(n)})` : ch;
  }
  return out;
}

/** POSIX sh: the value as one word (bare, '…' or $'…'), as Copy as cURL writes it. */
export type ShellWord = (value: string) => string;

/** The value written inside a literal opened by `quote`; `bare` for a value outside any literal. */
export function escapeIn(family: Family, quote: string | undefined, value: string, shellWord: ShellWord): string {
  const uni = (n: number): string => `\\u${hex4(n)}`;
  const x = (n: number): string => (n > 0xff ? uni(n) : `\\x${hex2(n)}`);
  if (quote === undefined) {
    if (family === 'shell') return shellWord(value);
    // A header name as a bare object key: a quoted key means the same.
    if (family === 'js') return `'${backslashed(value, "'", '', uni)}'`;
    throw new Error(`a value lands outside any string literal in the ${family} code`);
  }
  switch (family) {
    case 'js':
      return backslashed(value, quote, quote === '`' ? '$' : '', uni);
    case 'python':
      return backslashed(value, quote, '', (n) => (n > 0xff ? uni(n) : x(n)));
    case 'go':
      return quote === '`' ? `\` + "${backslashed(value, '"', '', uni)}" + \`` : backslashed(value, quote, '', uni);
    case 'java':
    case 'c':
      // Octal, not \u (Java rewrites \u in source before it lexes) nor \x (C's runs on).
      return backslashed(value, quote, family === 'c' ? '?' : '', (n) => (n > 0xff ? uni(n) : `\\${oct3(n)}`));
    case 'kotlin':
      return backslashed(value, quote, '$', uni);
    case 'csharp':
      return backslashed(value, quote, '', uni);
    case 'rust':
      return backslashed(value, quote, '', (n) => `\\u{${n.toString(16)}}`);
    case 'php':
      return quote === "'" ? value.replace(/[\\']/g, (c) => `\\${c}`) : backslashed(value, quote, '$', (n) => (n > 0xff ? `\\u{${n.toString(16)}}` : x(n)));
    case 'ruby':
      return quote === "'" ? value.replace(/[\\']/g, (c) => `\\${c}`) : backslashed(value, quote, '#', (n) => (n > 0xff ? uni(n) : x(n)));
    case 'powershell':
      return powershell(value, quote);
    case 'shell':
      // Close the quote, the value as a word of its own, reopen: the shell joins the three.
      return `${quote}${shellWord(value)}${quote}`;
  }
}
