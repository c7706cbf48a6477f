// A RequestDraft → a curl command: POSIX-quoted, one option per line with " \" continuations,
// only what differs from curl's defaults. Headers curl adds by itself (-u's Authorization,
// -A, -e, -b, --json's types, --compressed…) are written as those options when the draft's
// header list ends with exactly what curl would add; the plan kept is one that planToDraft
// turns back into the same draft, so parseCurlCommand(draftToCurl(d)) gives d back for any
// draft curl can express. Disabled headers and the engine are not part of a command. Pure.
// Inert by construction (issue 14): no word curl would read as a file (a body or part value
// starting with @ or <, a header line starting with @) and no URL curl would glob.
import { RequestDraftSchema, type RequestDraft } from '../../contract/request.js';
import { httpVersionFlag } from '../http-version.js';

const PROXY_SCHEME_FLAG = { digest: '--proxy-digest', ntlm: '--proxy-ntlm', any: '--proxy-anyauth' } as const;
import { formatCertParam } from './cert-param.js';
import {
  CURL_ACCEPT_ENCODING,
  base64Utf8,
  CURL_DEFAULTS,
  curlEscape,
  decodeBasic,
  emptyPlan,
  inferredMethod,
  JSON_TYPE,
  planToDraft,
  type CurlPlan,
  type DataPiece,
} from './plan.js';

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

const isControl = (code: number): boolean => code < 0x20 || code === 0x7f;

function ansiC(s: string): string {
  let esc = '';
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === "'") esc += `\\${c}`;
    else if (c === '\n') esc += '\\n';
    else if (c === '\r') esc += '\\r';
    else if (c === '\t') esc += '\\t';
    else esc += isControl(code) ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }
  return `$'${esc}'`;
}

/** One word for sh: bare when safe, '…' otherwise (line breaks included, as API docs write
 * JSON bodies), $'…' when it holds other control characters. */
export function quotePosix(s: string): string {
  if (SAFE.test(s)) return s;
  if (![...s].some((c) => c !== '\n' && isControl(c.charCodeAt(0)))) return `'${s.replace(/'/g, `'\\''`)}'`;
  return ansiC(s);
}

type Header = [string, string];

/** The options the tail of the header list stands for, or undefined if a header there is not one curl adds. */
function tailOptions(tail: readonly Header[], plan: CurlPlan): boolean {
  for (const [name, value] of tail) {
    const n = name.toLowerCase();
    const user = n === 'authorization' ? decodeBasic(value) : undefined;
    if (user !== undefined) plan.user = user;
    else if (n === 'user-agent') plan.userAgent = value;
    // -e 'url;auto' would turn on auto-referer and drop the ";auto".
    else if (n === 'referer' && value !== '' && !value.endsWith(';auto')) plan.referer = value;
    else if (n === 'cookie' && value.includes('=')) plan.cookie = value;
    else if (n === 'range' && /^bytes=\d*-\d*(?:,\d*-\d*)*$/.test(value)) plan.range = value.slice(6);
    else if (n === 'accept-encoding' && value === CURL_ACCEPT_ENCODING) plan.compressed = true;
    else if (n !== 'content-type' && !(n === 'accept' && value === JSON_TYPE)) return false;
  }
  return true;
}

function bodyPlan(body: RequestDraft['body'], json: boolean, plan: CurlPlan, fileName: (token: string) => string): void {
  // --json, -d and --data-binary read a file for "@name"; --data-raw never does.
  const piece = (text: string): DataPiece => ({ flag: text.startsWith('@') ? 'data-raw' : json ? 'json' : 'data', text });
  if (body.kind === 'text') plan.data.push(piece(body.text));
  else if (body.kind === 'base64') plan.data.push(piece(new TextDecoder().decode(Uint8Array.from(atob(body.base64), (c) => c.charCodeAt(0)))));
  else if (body.kind === 'form') {
    for (const f of body.fields.filter((x) => x.enabled)) plan.data.push({ flag: 'data-urlencode', text: `${curlEscape(f.name)}=${curlEscape(f.value)}`, source: `${curlEscape(f.name)}=${f.value}` });
    plan.hasData = true;
  } else if (body.kind === 'multipart') plan.form.push(...body.parts);
  else if (body.kind === 'file') {
    plan.data.push({ flag: 'data-binary', text: `@${fileName(body.fileToken)}` });
  }
}

/** Absent redirect settings are the engine's defaults, which are curl's. */
const canonical = (d: RequestDraft): string =>
  JSON.stringify(RequestDraftSchema.parse({ ...d, ...redirectsOf(d), engine: 'auto', headers: d.headers.filter((h) => h.enabled) }));

const redirectsOf = (d: RequestDraft) => ({ followRedirects: d.followRedirects ?? CURL_DEFAULTS.followRedirects, maxRedirects: d.maxRedirects ?? CURL_DEFAULTS.maxRedirects });

function planFor(draft: RequestDraft, split: number, json: boolean, fileName: (token: string) => string): CurlPlan | undefined {
  const headers: Header[] = draft.headers.filter((h) => h.enabled).map((h) => [h.name, h.value]);
  const plan = emptyPlan(draft.url);
  plan.headers = headers.slice(0, split);
  if (!tailOptions(headers.slice(split), plan)) return undefined;
  bodyPlan(draft.body, json, plan, fileName);
  if (draft.method === 'HEAD' && inferredMethod(plan) === 'GET') plan.head = true;
  else if (draft.method !== inferredMethod(plan)) plan.method = draft.method;
  const { followRedirects, maxRedirects } = redirectsOf(draft);
  plan.location = followRedirects;
  if (maxRedirects !== CURL_DEFAULTS.maxRedirects) plan.maxRedirs = maxRedirects;
  plan.proxy = draft.proxy;
  plan.noProxy = draft.noProxy;
  if (draft.proxyAuth) {
    plan.proxyUser = `${draft.proxyAuth.user}:${draft.proxyAuth.password}`;
    plan.proxyScheme = draft.proxyAuth.scheme;
  }
  plan.insecure = draft.insecure;
  plan.httpVersion = draft.httpVersion;
  // The page knows the CA file's name, not its path: the command names it for the user to place.
  plan.caFile = draft.caFileName;
  if (draft.auth && 'user' in draft.auth && draft.auth.kind !== 'basic') {
    plan.authScheme = draft.auth.kind;
    plan.user = `${draft.auth.user}:${draft.auth.password}`;
  }
  const cert = draft.clientCert;
  if (cert) Object.assign(plan, { cert: cert.certName, certKey: cert.keyName, certType: cert.type, certPass: cert.password });
  plan.maxTimeMs = draft.timeouts.totalMs;
  plan.connectTimeoutMs = draft.timeouts.connectMs;
  return plan;
}

/** Basic and bearer carried as `auth` are their Authorization header, as curl's -u and --oauth2-bearer send them. */
function withAuthHeader(draft: RequestDraft): RequestDraft {
  const a = draft.auth;
  if (!a || (a.kind !== 'basic' && a.kind !== 'bearer')) return draft;
  const { auth: _auth, ...rest } = draft;
  if (draft.headers.some((h) => h.enabled && h.name.toLowerCase() === 'authorization')) return rest;
  const value = a.kind === 'basic' ? `Basic ${base64Utf8(`${a.user}:${a.password}`)}` : `Bearer ${a.token}`;
  return { ...rest, headers: [...draft.headers, { name: 'Authorization', value, enabled: true }] };
}

/** The plan that gives the draft back, with as many headers as possible written as curl's own options. */
export function draftToPlan(given: RequestDraft, fileName: (token: string) => string = () => 'file'): CurlPlan {
  const draft = withAuthHeader(given);
  const want = canonical(draft);
  const n = draft.headers.filter((h) => h.enabled).length;
  const bodyText = draft.body.kind === 'text' || draft.body.kind === 'base64';
  for (let split = 0; split <= n; split++) {
    for (const json of bodyText ? [true, false] : [false]) {
      const plan = planFor(draft, split, json, fileName);
      if (plan && canonical(planToDraft(plan)) === want) return plan;
    }
  }
  // Not expressible exactly (e.g. a text body with no Content-Type at all): every header as -H.
  return planFor(draft, n, false, fileName) as CurlPlan;
}

const seconds = (ms: number): string => String(ms / 1000);

function dataOption(p: DataPiece): string[] {
  return [p.flag === 'data' ? '-d' : `--${p.flag}`, p.source ?? p.text];
}

/** A -F parameter word in curl's double quotes (its form parser's own quoting). */
const formQuoted = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

function formOption(part: CurlPlan['form'][number], fileName: (token: string) => string): string[] {
  // --form-string: the value is taken literally (no @file, <file, ;type=, quotes).
  if (part.kind === 'text') return /^[\w .:/-]*$/.test(part.value) ? ['-F', `${part.name}=${part.value}`] : ['--form-string', `${part.name}=${part.value}`];
  // The file read is the one chosen for the part; the name sent is the part's filename (it may
  // come from an imported HAR, so it must never be what curl opens).
  const type = part.contentType ? `;type=${formQuoted(part.contentType)}` : '';
  const sent = part.filename ? `;filename=${formQuoted(part.filename)}` : '';
  return ['-F', `${part.name}=@${formQuoted(fileName(part.fileToken))}${type}${sent}`];
}

/** RFC 9110 token: what curl takes as a header name without reading a file (-H @file) or splitting it. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headerOption(name: string, value: string): string[] {
  if (!TOKEN.test(name)) throw new Error(`header name ${JSON.stringify(name)} is not an HTTP token: a curl command cannot send it as written`);
  // "Name:" would remove the header; "Name;" sends it empty.
  return ['-H', value === '' ? `${name};` : `${name}: ${value}`];
}

function options(p: CurlPlan, fileName: (token: string) => string): string[][] {
  const out: string[][] = [];
  if (p.method !== undefined) out.push(['-X', p.method]);
  if (p.head) out.push(['--head']);
  for (const [name, value] of p.headers) out.push(headerOption(name, value));
  if (p.authScheme) out.push([p.authScheme === 'any' ? '--anyauth' : `--${p.authScheme}`]);
  if (p.user !== undefined) out.push(['-u', p.user]);
  if (p.bearer !== undefined) out.push(['--oauth2-bearer', p.bearer]);
  if (p.userAgent !== undefined) out.push(['-A', p.userAgent]);
  if (p.referer !== undefined) out.push(['-e', p.referer]);
  if (p.cookie !== undefined) out.push(['-b', p.cookie]);
  if (p.range !== undefined) out.push(['-r', p.range]);
  for (const d of p.data) out.push(dataOption(d));
  for (const part of p.form) out.push(formOption(part, fileName));
  if (p.compressed) out.push(['--compressed']);
  if (p.location) out.push(['-L']);
  if (p.maxRedirs !== undefined) out.push(['--max-redirs', String(p.maxRedirs)]);
  if (p.insecure) out.push(['-k']);
  if (p.httpVersion) out.push([httpVersionFlag(p.httpVersion)]);
  if (p.caFile) out.push(['--cacert', p.caFile]);
  if (p.cert) out.push(['-E', formatCertParam(p.cert)]);
  if (p.certKey) out.push(['--key', p.certKey]);
  if (p.certType === 'P12') out.push(['--cert-type', 'P12']);
  if (p.certPass !== undefined) out.push(['--pass', p.certPass]);
  if (p.proxy) out.push(['-x', p.proxy]);
  if (p.noProxy !== undefined) out.push(['--noproxy', p.noProxy]);
  if (p.proxyUser !== undefined) out.push(['-U', p.proxyUser]);
  if (p.proxyScheme && p.proxyScheme !== 'basic') out.push([PROXY_SCHEME_FLAG[p.proxyScheme]]);
  if (p.maxTimeMs !== undefined) out.push(['-m', seconds(p.maxTimeMs)]);
  if (p.connectTimeoutMs !== undefined) out.push(['--connect-timeout', seconds(p.connectTimeoutMs)]);
  return out;
}

export interface CurlOutputOptions {
  /** The name a file body or part is written as (@name); the draft holds only a token. */
  fileName?: (token: string) => string;
}

/** The draft as a curl command, one option per line. */
export function draftToCurl(draft: RequestDraft, opts: CurlOutputOptions = {}): string {
  const fileName = opts.fileName ?? (() => 'file');
  const plan = draftToPlan(draft, fileName);
  // -g: [ ] and { } in the URL are sent as written, not expanded into several requests.
  const optionLines = [...(/[[\]{}]/.test(plan.url) ? [['-g']] : []), ...options(plan, fileName)];
  const words = [plan.url, ...optionLines.flat()];
  if (words.some((w) => w.includes('\0'))) throw new Error('the request holds a NUL byte: a curl command line cannot carry one (send it from a file)');
  const lines = [`curl ${quotePosix(plan.url)}`, ...optionLines.map((ws) => `  ${ws.map(quotePosix).join(' ')}`)];
  return lines.join(' \\\n');
}
