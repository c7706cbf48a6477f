// Splits a pasted command line into words the way the shell it came from would: POSIX sh
// ('…', "…" with \ escapes, $'…' ANSI-C quoting as Chrome's "Copy as cURL (bash)" writes it,
// backslash-newline continuations), or Windows cmd (^ escapes and ^-newline continuations,
// then the C runtime's "…" and \" rules, as Chrome's "Copy as cURL (cmd)" writes it).
// PowerShell's backtick-newline continuation is accepted too. Nothing is expanded: a
// variable stays as written and is reported. Pure; imports nothing.

export class ShellSyntaxError extends Error {}

export type Flavour = 'posix' | 'cmd';

export interface SplitResult {
  words: string[];
  flavour: Flavour;
  /** Shell variables left unexpanded ($NAME, %NAME%), in order of appearance, once each. */
  variables: string[];
  /** What came after the command's end (a pipe, a redirection, a second line), ignored. */
  ignored?: string;
}

/** "column 7", or "line 2, column 7" when the text has more than one line. */
export function position(src: string, index: number): string {
  const before = src.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return src.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}

const CONTINUATION = /(?:\\|`)[ \t]*\r?\n/y;

/** The run of characters matching the sticky `re` at `i` ('' if none): long quoted bodies go in one step. */
function runAt(re: RegExp, src: string, i: number): string {
  re.lastIndex = i;
  return re.exec(src)?.[0] ?? '';
}

const PLAIN_ANSI = /[^'\\]+/y;
const PLAIN_DOUBLE = /[^"\\$]+/y;
const PLAIN_WORD = /[^\\'"$`#\n|;&<> \t\r]+/y;
const PLAIN_CMD = /[^"^\n|<>&]+/y;
const PLAIN_CRT = /[^\\"\s%]+/y;
const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** $'…' from just after the opening quote; returns the text and the index after the closing quote. */
function ansiC(src: string, start: number): [string, number] {
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += new TextDecoder().decode(new Uint8Array(bytes));
    bytes = [];
  };
  let i = start;
  while (i < src.length && src[i] !== "'") {
    if (src[i] !== '\\') {
      flush();
      const run = runAt(PLAIN_ANSI, src, i);
      out += run;
      i += run.length;
      continue;
    }
    const rest = src.slice(i + 1);
    let m: RegExpExecArray | null;
    if ((m = /^[0-7]{1,3}/.exec(rest)) || (m = /^x([0-9a-fA-F]{1,2})/.exec(rest))) {
      bytes.push(m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[0], 8) & 0xff);
      i += 1 + m[0].length;
      continue;
    }
    flush();
    const c = src[i + 1] ?? '';
    if ((m = /^u([0-9a-fA-F]{1,4})/.exec(rest)) || (m = /^U([0-9a-fA-F]{1,8})/.exec(rest))) {
      out += String.fromCodePoint(Math.min(parseInt(m[1] as string, 16), 0x10ffff));
      i += 1 + m[0].length;
    } else if (c === 'c' && i + 2 < src.length) {
      out += String.fromCharCode((src.charCodeAt(i + 2) & 0x1f) >>> 0);
      i += 3;
    } else {
      out += SIMPLE[c] ?? `\\${c}`;
      i += 2;
    }
  }
  flush();
  return [out, i + 1];
}

class Scanner {
  words: string[] = [];
  variables: string[] = [];
  cur = '';
  inWord = false;
  constructor(readonly src: string) {}
  add(text: string): void {
    this.cur += text;
    this.inWord = true;
  }
  end(): void {
    if (this.inWord) this.words.push(this.cur);
    this.cur = '';
    this.inWord = false;
  }
  variable(name: string): void {
    if (!this.variables.includes(name)) this.variables.push(name);
  }
  unterminated(quote: string, at: number): never {
    throw new ShellSyntaxError(`unterminated ${quote} quote starting at ${position(this.src, at)}`);
  }
  /** "…" from its opening quote; returns the index after the closing one. */
  doubleQuoted(at: number): number {
    const src = this.src;
    let i = at + 1;
    for (; i < src.length && src[i] !== '"'; i++) {
      const c = src[i] as string;
      const run = runAt(PLAIN_DOUBLE, src, i);
      if (run.length > 1) {
        this.add(run);
        i += run.length - 1;
      } else if (c === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1] as string)) {
        if (src[i + 1] !== '\n') this.add(src[i + 1] as string);
        i++;
      } else {
        if (c === '$') this.dollar(i);
        this.add(c);
      }
    }
    if (i >= src.length) this.unterminated('"', at);
    this.inWord = true;
    return i + 1;
  }
  dollar(i: number): void {
    const m = /^\$(?:\{([A-Za-z_]\w*)(?:[^\w}][^}]*)?\}|([A-Za-z_]\w*))/.exec(this.src.slice(i));
    if (m) this.variable(`$${m[1] ?? m[2]}`);
  }
}

/** The index where an unquoted control operator ends the command, or undefined. */
function operatorAt(src: string, i: number, s: Scanner): boolean {
  const c = src[i] as string;
  if (c === '|' || c === ';') return true;
  if (c === '<' || c === '>') {
    // "2>&1", "2> err.txt": the digits are the redirection's, not a word.
    if (/^\d+$/.test(s.cur)) {
      s.cur = '';
      s.inWord = false;
    }
    return true;
  }
  // A & inside a word (an unquoted URL's query) stays in it: that is what the paster meant.
  return c === '&' && (!s.inWord || src[i + 1] === '&');
}

function posixWords(src: string): SplitResult {
  const s = new Scanner(src);
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const cont = c === '\\' || c === '`' ? runAt(CONTINUATION, src, i) : '';
    const plain = cont ? '' : runAt(PLAIN_WORD, src, i);
    if (cont) i += cont.length;
    else if (plain.length > 1) {
      s.add(plain);
      i += plain.length;
    } else if (c === '\\') {
      if (i + 1 < src.length) s.add(src[i + 1] as string);
      i += 2;
    } else if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) s.unterminated("'", i);
      s.add(src.slice(i + 1, close));
      i = close + 1;
    } else if (c === '$' && src[i + 1] === "'") {
      const [text, next] = ansiC(src, i + 2);
      if (next > src.length) s.unterminated("$'", i);
      s.add(text);
      i = next;
    } else if (c === '$' && src[i + 1] === '"') i++;
    else if (c === '"') i = s.doubleQuoted(i);
    else if (c === '#' && !s.inWord) i = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
    else if (c === '\n' || operatorAt(src, i, s)) {
      if (s.words.length > 0 || s.inWord) return finish(s, 'posix', src.slice(i));
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      s.end();
      i++;
    } else {
      if (c === '$') s.dollar(i);
      s.add(c);
      i++;
    }
  }
  return finish(s, 'posix', '');
}

function finish(s: Scanner, flavour: Flavour, rest: string): SplitResult {
  s.end();
  const ignored = rest.trim();
  return { words: s.words, flavour, variables: s.variables, ...(ignored ? { ignored } : {}) };
}

/** cmd.exe's own pass: ^ escapes the next character outside "…"; ^ at a line's end joins
 * the next line, whose first character is then taken as is. Returns the text the C
 * runtime splits, and what followed the command's end. */
function cmdPass(src: string): [string, string] {
  let out = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    const run = runAt(PLAIN_CMD, src, i);
    if (run.length > 1) {
      out += run;
      i += run.length - 1;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (!quoted && c === '^') {
      const nl = /^\^\r?\n/.exec(src.slice(i));
      if (nl) i += nl[0].length - 1;
      if (i + 1 < src.length) out += src[++i];
      continue;
    }
    if (!quoted && (c === '\n' || c === '|' || c === '>' || c === '<' || (c === '&' && src[i + 1] === '&'))) {
      if (out.trim() !== '') return [out, src.slice(i)];
      if (c !== '\n') return [out, src.slice(i)];
    }
    out += c;
  }
  return [out, ''];
}

/** The C runtime's argv rules: 2n backslashes + " → n backslashes and a quote toggle,
 * 2n+1 → n backslashes and a literal "; "" inside quotes is a literal ". */
function crtWords(text: string, s: Scanner): void {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const run = runAt(PLAIN_CRT, text, i);
    if (run.length > 1) {
      s.add(run);
      i += run.length - 1;
    } else if (c === '\\') {
      let n = 0;
      while (text[i + n] === '\\') n++;
      if (text[i + n] === '"') {
        s.add('\\'.repeat(Math.floor(n / 2)));
        if (n % 2 === 1) s.add('"');
        else quoted = !quoted;
        i += n;
      } else {
        s.add('\\'.repeat(n));
        i += n - 1;
      }
    } else if (c === '"') {
      if (quoted && text[i + 1] === '"') {
        s.add('"');
        i++;
      } else {
        quoted = !quoted;
        s.inWord = true;
      }
    } else if (!quoted && /\s/.test(c)) s.end();
    else {
      const v = c === '%' ? /^%([A-Za-z_][A-Za-z0-9_]*)%/.exec(text.slice(i)) : null;
      if (v) s.variable(`%${v[1]}%`);
      s.add(c);
    }
  }
  if (quoted) throw new ShellSyntaxError('unterminated " quote in the cmd command line');
}

function cmdWords(src: string): SplitResult {
  const [text, rest] = cmdPass(src);
  const s = new Scanner(text);
  crtWords(text, s);
  return finish(s, 'cmd', rest);
}

/** Chrome's cmd flavour starts with curl ^"…; a cmd line continues with a ^ at its end.
 * sh writes neither (a ^" inside a quoted sh word does not count). */
export function looksLikeCmd(src: string): boolean {
  return /^\s*(?:\S*[/\\])?curl(?:\.exe)?\s+\^"/i.test(src) || /(?:^|\s)\^\r?\n/.test(src);
}

export function splitCommand(src: string): SplitResult {
  return looksLikeCmd(src) ? cmdWords(src) : posixWords(src);
}
