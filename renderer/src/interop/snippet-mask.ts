// httpsnippet escapes its string literals unevenly (issue 14: $x and {${x}} left live in PHP
// double quotes, $(…) in PowerShell's, ' in PHP single quotes, backslashes dropped in
// JavaScript, header names never escaped). So the request's own strings never reach it: each
// header name and value, body, part and type goes in as an inert placeholder, the URL with
// every character that is syntax somewhere percent-encoded, and each placeholder in the code
// that comes out is replaced by its value escaped for the literal it sits in. Pure.
import type { HarRequest } from '../../../domain/har/request.js';
import { escapeIn, literals, type Family, type Literal, type ShellWord } from './snippet-literals.js';

/** What is syntax in no target's string literal (kept as written); the rest is masked. */
const PLAIN = /^[\w .:/=,+*-]*$/;
/** URL characters written as is; everything else becomes %XX of its UTF-8. */
const URL_KEEP = /[A-Za-z0-9\-._~:/?&=+,;@%]/;

const encoded = (s: string, keep: RegExp): string => {
  let out = '';
  for (const ch of s) out += keep.test(ch) ? ch : [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return out;
};

/** The URL as httpsnippet gets it: no fragment (never sent), [ ] kept in the host (IPv6). */
export function inertUrl(url: string): string {
  const hash = url.indexOf('#');
  const bare = hash < 0 ? url : url.slice(0, hash);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(bare)?.[0];
  if (!scheme) return encoded(bare, URL_KEEP);
  const rest = bare.slice(scheme.length);
  const cut = rest.search(/[/?]/);
  const host = cut < 0 ? rest : rest.slice(0, cut);
  return `${scheme}${encoded(host, /[A-Za-z0-9\-._~:@%[\]]/)}${encoded(rest.slice(host.length), URL_KEEP)}`;
}

interface Masked {
  har: HarRequest;
  values: string[];
  mark: string;
}

/** httpsnippet reshapes these types' bodies (JSON parsed, forms rebuilt): their type is masked too. */
const RESHAPED = /^(?:text\/json|text\/x-json|application\/json|application\/x-json|application\/x-www-form-urlencoded)$/;

const BOUNDARY = '---011000010111000001101001';
/** A part's filename without directories: the snippets open the file by that name, and a
 * name from an imported HAR must not make them read /home/…/.ssh/id_rsa. */
export function baseName(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  return base === '' || base === '.' || base === '..' ? 'file' : base;
}

const partHeader = (s: string): string => s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** The multipart body as text (what httpsnippet builds, file contents left empty): for the
 * shell targets, which write httpsnippet's own CRLFs as backslash-r-backslash-n. */
function multipartText(params: NonNullable<HarRequest['postData']>['params'] = []): string {
  const parts = params.map((p) =>
    p.fileName !== undefined
      ? `Content-Disposition: form-data; name="${partHeader(p.name)}"; filename="${partHeader(baseName(p.fileName))}"\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}\r\n\r\n`
      : `Content-Disposition: form-data; name="${partHeader(p.name)}"\r\n\r\n${p.value ?? ''}`,
  );
  return `${parts.map((p) => `--${BOUNDARY}\r\n${p}\r\n`).join('')}--${BOUNDARY}--`;
}

function flattened(har: HarRequest): HarRequest {
  const post = har.postData;
  if (!post || !/^multipart\//i.test(post.mimeType) || !post.params) return har;
  const type = `multipart/form-data; boundary=${BOUNDARY}`;
  const headers = har.headers.filter((h) => h.name.toLowerCase() !== 'content-type');
  return { ...har, headers: [...headers, { name: 'Content-Type', value: type }], postData: { mimeType: type, text: multipartText(post.params) } };
}

const decoded = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The URL with each query name and value a placeholder (for targets that write query items). */
function maskedQuery(url: string, ph: (v: string, always?: boolean) => string): string {
  const hash = url.indexOf('#');
  const bare = hash < 0 ? url : url.slice(0, hash);
  const q = bare.indexOf('?');
  if (q < 0) return inertUrl(bare);
  const pairs = bare.slice(q + 1).split('&').filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? ph(decoded(p), true) : `${ph(decoded(p.slice(0, eq)), true)}=${ph(decoded(p.slice(eq + 1)), true)}`;
  });
  return `${inertUrl(bare.slice(0, q))}?${pairs.join('&')}`;
}

export interface MaskOptions {
  /** A multipart body goes in as its text (shell targets). */
  flatten?: boolean;
  /** Query names and values go in as placeholders (targets that write them as items). */
  query?: boolean;
}

export function mask(original: HarRequest, opts: MaskOptions = {}): Masked {
  const har = opts.flatten ? flattened(original) : original;
  const all = JSON.stringify(har);
  let mark = 'zq9x';
  for (let i = 0; all.toLowerCase().includes(mark); i++) mark = `zq${i}x`;
  const values: string[] = [];
  const ph = (v: string, always = false): string => {
    if (!always && PLAIN.test(v)) return v;
    values.push(v);
    return `${mark}${values.length - 1}${mark}`;
  };
  const post = har.postData;
  let postData: HarRequest['postData'];
  if (post && /^multipart\//i.test(post.mimeType) && post.params) {
    const params = post.params.map((p) => ({
      name: ph(p.name),
      ...(p.value !== undefined ? { value: ph(p.value, true) } : {}),
      ...(p.fileName !== undefined ? { fileName: ph(partHeader(baseName(p.fileName))) } : {}),
      ...(p.contentType !== undefined ? { contentType: ph(p.contentType) } : {}),
    }));
    postData = { mimeType: post.mimeType, params };
  } else if (post) {
    postData = { mimeType: RESHAPED.test(post.mimeType) ? ph(post.mimeType, true) : ph(post.mimeType), text: ph(post.text ?? '', true) };
  }
  const headers = har.headers.map((h) => ({ name: ph(h.name), value: ph(h.value) }));
  const masked: HarRequest = { ...har, url: opts.query ? maskedQuery(har.url, ph) : inertUrl(har.url), cookies: [], queryString: [], headers, ...(postData ? { postData } : {}) };
  if (!postData) delete masked.postData;
  return { har: masked, values, mark };
}

function enclosing(lits: readonly Literal[], at: number): Literal | undefined {
  return lits.find((l) => l.start <= at && at < l.end);
}

/** The code with every placeholder replaced by its value, escaped for the literal around it. */
export function unmask(code: string, m: Masked, family: Family, shellWord: ShellWord): string {
  const lits = literals(code, family);
  const re = new RegExp(`${m.mark}(\\d+)${m.mark}`, 'gi');
  let out = '';
  let last = 0;
  for (const hit of code.matchAll(re)) {
    const at = hit.index;
    const value = m.values[Number(hit[1])];
    if (value === undefined) throw new Error(`the generated ${family} code holds an unknown placeholder`);
    out += code.slice(last, at) + escapeIn(family, enclosing(lits, at)?.quote, value, shellWord);
    last = at + hit[0].length;
  }
  out += code.slice(last);
  if (out.toLowerCase().includes(m.mark)) throw new Error(`the generated ${family} code holds a value it changed`);
  return out;
}
