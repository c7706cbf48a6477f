// Secrets out of exported text: every occurrence of a secret variable's value (as is, and as
// a URL or a form would encode it) becomes `{{name}}`. One pass of an Aho–Corasick automaton
// over the text finds every occurrence of every value, overlapping and repeated ones too;
// overlapping occurrences merge into one masked region, so no part of a value is left
// beside another's mask. Pure; no app imports.

export interface SecretValue {
  name: string;
  value: string;
}

interface Automaton {
  next: Array<Map<number, number>>;
  fail: number[];
  /** Length of the longest pattern that ends at this node (0: none), and its secret's name. */
  longest: number[];
  name: string[];
}

/** The forms a value takes in a request: as typed, percent-encoded (a URL), form-encoded. */
function formsOf(value: string): string[] {
  let encoded: string[] = [];
  try {
    encoded = [encodeURIComponent(value), encodeURI(value), new URLSearchParams([['', value]]).toString().slice(1)];
  } catch {
    // A lone surrogate cannot be percent-encoded: only the value itself can occur.
  }
  return [...new Set([value, ...encoded])];
}

function build(secrets: readonly SecretValue[]): Automaton {
  const a: Automaton = { next: [new Map()], fail: [0], longest: [0], name: [''] };
  for (const s of secrets) {
    if (s.value === '') continue;
    for (const form of formsOf(s.value)) {
      let node = 0;
      for (let i = 0; i < form.length; i++) {
        const c = form.charCodeAt(i);
        let child = a.next[node]!.get(c);
        if (child === undefined) {
          child = a.next.length;
          a.next.push(new Map());
          a.fail.push(0);
          a.longest.push(0);
          a.name.push('');
          a.next[node]!.set(c, child);
        }
        node = child;
      }
      // The first secret with a value keeps it (two secrets with one value mask as the first).
      if (a.longest[node] === 0) [a.longest[node], a.name[node]] = [form.length, s.name];
    }
  }
  // Breadth first: a node's failure link is known before its children's.
  const queue: number[] = [...a.next[0]!.values()];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    for (const [c, child] of a.next[node]!) {
      let f = a.fail[node]!;
      while (f !== 0 && !a.next[f]!.has(c)) f = a.fail[f]!;
      const target = a.next[f]!.get(c);
      a.fail[child] = target !== undefined && target !== child ? target : 0;
      // A node's own pattern is longer than any that ends at its failure link.
      if (a.longest[child] === 0) [a.longest[child], a.name[child]] = [a.longest[a.fail[child]!]!, a.name[a.fail[child]!]!];
      queue.push(child);
    }
  }
  return a;
}

interface Region {
  start: number;
  end: number;
  names: string[];
}

/** The occurrences (the longest one ending at each position), merged where they overlap. */
function regions(a: Automaton, text: string): Region[] {
  const found: Array<{ start: number; end: number; name: string }> = [];
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    while (node !== 0 && !a.next[node]!.has(c)) node = a.fail[node]!;
    node = a.next[node]!.get(c) ?? 0;
    const len = a.longest[node]!;
    if (len > 0) found.push({ start: i + 1 - len, end: i + 1, name: a.name[node]! });
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Region[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) last.end = f.end;
      if (last.names[last.names.length - 1] !== f.name) last.names.push(f.name);
    } else out.push({ start: f.start, end: f.end, names: [f.name] });
  }
  return out;
}

/** A function that masks the secrets in any text (the automaton is built once). */
export function secretMasker(secrets: readonly SecretValue[]): (text: string) => string {
  if (!secrets.some((s) => s.value !== '')) return (text) => text;
  const a = build(secrets);
  return (text) => {
    const rs = regions(a, text);
    if (rs.length === 0) return text;
    const parts: string[] = [];
    let at = 0;
    for (const r of rs) {
      parts.push(text.slice(at, r.start), r.names.map((n) => `{{${n}}}`).join(''));
      at = r.end;
    }
    parts.push(text.slice(at));
    return parts.join('');
  };
}

export function maskSecrets(text: string, secrets: readonly SecretValue[]): string {
  return secretMasker(secrets)(text);
}

/** `value` with every string in it (object values, array items, deeply) masked. */
export function maskStrings<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskStrings(v, mask)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v, mask)])) as T;
  return value;
}
