// What a curl command asks for, flag by flag (a CurlPlan), and the request curl would make
// of it (planToDraft): the method rules, -G, the headers curl adds by itself. The paste
// parser fills a plan from the words; the serializer builds plans from a draft and keeps
// the one that gives the draft back, so both sides share these rules. Pure.
import { RequestDraftSchema, type HttpVersionChoice, type MultipartPart, type ProxyAuthScheme, type RequestDraft } from '../../contract/request.js';
import { proxyAuthOf } from '../proxy-draft.js';
import { checkUrlInput } from '../url.js';

/** One -d/--data-*\/--json argument, already resolved to text (files are left out). */
export interface DataPiece {
  flag: 'data' | 'data-ascii' | 'data-binary' | 'data-raw' | 'data-urlencode' | 'json';
  text: string;
  /** The argument as written when it differs from the text (--data-urlencode). */
  source?: string;
}

export interface CurlPlan {
  url: string;
  /** -X; undefined: curl's rule (HEAD with -I, PUT with -T, GET with -G, POST with data). */
  method?: string;
  head?: boolean;
  get?: boolean;
  /** -H in order ("Name;" and "Name:" have an empty value). */
  headers: Array<[string, string]>;
  data: DataPiece[];
  /** Set when data was given (even only as a file, left out of `data`). */
  hasData?: boolean;
  form: MultipartPart[];
  hasForm?: boolean;
  upload?: boolean;
  user?: string;
  /** --digest, --ntlm, --negotiate, --anyauth (the last one wins): -u's credentials are for the engine to negotiate. */
  authScheme?: 'digest' | 'ntlm' | 'negotiate' | 'any';
  bearer?: string;
  userAgent?: string;
  referer?: string;
  cookie?: string;
  range?: string;
  compressed?: boolean;
  location?: boolean;
  maxRedirs?: number;
  proxy?: string;
  noProxy?: string;
  /** -U USER:PASSWORD as given. */
  proxyUser?: string;
  proxyScheme?: ProxyAuthScheme;
  insecure?: boolean;
  httpVersion?: HttpVersionChoice;
  caFile?: string;
  /** -E/--cert FILE (its :PASSWORD split off into certPass), --key, --cert-type, --pass. */
  cert?: string;
  certKey?: string;
  certType?: 'PEM' | 'P12';
  certPass?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
}

export const emptyPlan = (url = ''): CurlPlan => ({ url, headers: [], data: [], form: [] });

/** What curl 8 sends for --compressed when built with zlib, brotli and zstd (Debian's). */
export const CURL_ACCEPT_ENCODING = 'deflate, gzip, br, zstd';
/** curl's defaults, the CLI's and a pasted command's: no redirects unless -L, then at most 50
 * unless --max-redirs says otherwise. */
export const CURL_DEFAULTS = { followRedirects: false, maxRedirects: 50 } as const;
export const FORM_TYPE = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** curl_easy_escape: everything but A-Z a-z 0-9 - . _ ~ as %XX of its UTF-8. */
export function curlEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** UTF-8 base64 without Buffer (the renderer runs this too). */
export function base64Utf8(s: string): string {
  let bin = '';
  for (const byte of new TextEncoder().encode(s)) bin += String.fromCharCode(byte);
  return btoa(bin);
}

/** The user:password a Basic value carries, if it is well-formed UTF-8 with a colon. */
export function decodeBasic(value: string): string | undefined {
  const m = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(value);
  if (!m) return undefined;
  try {
    const bin = atob(m[1] as string);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    return text.includes(':') && base64Utf8(text) === m[1] ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The data joined as curl joins it: '&' between pieces, --json pieces concatenated. */
export function joinData(data: readonly DataPiece[]): string {
  return data.map((p, i) => (i > 0 && p.flag !== 'json' ? `&${p.text}` : p.text)).join('');
}

/** curl's method when -X is not given: HEAD with -I, PUT with -T, GET with -G, POST with data or a form. */
export function inferredMethod(p: Pick<CurlPlan, 'head' | 'upload' | 'get' | 'hasData' | 'hasForm'> & Partial<Pick<CurlPlan, 'data' | 'form'>>): string {
  if (p.head) return 'HEAD';
  if (p.upload) return 'PUT';
  if (p.get) return 'GET';
  return p.hasData || p.hasForm || (p.data?.length ?? 0) > 0 || (p.form?.length ?? 0) > 0 ? 'POST' : 'GET';
}

/** The headers curl adds by itself, each unless a -H names it (even to remove it). */
export function impliedHeaders(p: CurlPlan): Array<[string, string]> {
  const named = new Set(p.headers.map(([n]) => n.toLowerCase()));
  const out: Array<[string, string]> = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && !named.has(name.toLowerCase())) out.push([name, value]);
  };
  add('Authorization', p.user !== undefined && !p.authScheme ? `Basic ${base64Utf8(p.user)}` : p.bearer !== undefined ? `Bearer ${p.bearer}` : undefined);
  add('User-Agent', p.userAgent);
  add('Referer', p.referer);
  add('Cookie', p.cookie);
  add('Range', p.range !== undefined ? `bytes=${p.range}` : undefined);
  const body = !p.get && (p.hasData || p.data.length > 0);
  const json = body && p.data.some((d) => d.flag === 'json');
  add('Content-Type', body ? (json ? JSON_TYPE : FORM_TYPE) : undefined);
  add('Accept', json ? JSON_TYPE : undefined);
  add('Accept-Encoding', p.compressed ? CURL_ACCEPT_ENCODING : undefined);
  return out;
}

function urlOf(p: CurlPlan): string {
  // Read as curl reads it (the one URL check); a URL it refuses stays as written, for the
  // composer to name what is wrong with it.
  const checked = checkUrlInput(p.url);
  const url = checked.ok ? checked.url : p.url;
  if (!p.get || p.data.length === 0) return url;
  const hash = url.indexOf('#');
  const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  return `${base}${base.includes('?') ? '&' : '?'}${joinData(p.data)}${fragment}`;
}

function bodyOf(p: CurlPlan): RequestDraft['body'] {
  if (p.form.length > 0) return { kind: 'multipart', parts: p.form };
  if (p.get || p.data.length === 0) return { kind: 'none' };
  return { kind: 'text', text: joinData(p.data) };
}

/** The request curl would send for the plan. */
/** USER:PASSWORD split at the first colon, as curl splits it. */
function splitUser(user: string): { user: string; password: string } {
  const colon = user.indexOf(':');
  return colon < 0 ? { user, password: '' } : { user: user.slice(0, colon), password: user.slice(colon + 1) };
}

export function planToDraft(p: CurlPlan): RequestDraft {
  return RequestDraftSchema.parse({
    url: urlOf(p),
    method: p.method ?? inferredMethod(p),
    headers: [...p.headers, ...impliedHeaders(p)].map(([name, value]) => ({ name, value, enabled: true })),
    body: bodyOf(p),
    followRedirects: p.location ?? CURL_DEFAULTS.followRedirects,
    maxRedirects: p.maxRedirs ?? CURL_DEFAULTS.maxRedirects,
    timeouts: {
      ...(p.connectTimeoutMs !== undefined ? { connectMs: p.connectTimeoutMs } : {}),
      ...(p.maxTimeMs !== undefined ? { totalMs: p.maxTimeMs } : {}),
    },
    ...(p.proxy ? { proxy: p.proxy } : {}),
    ...(p.noProxy !== undefined ? { noProxy: p.noProxy } : {}),
    ...(p.proxyUser !== undefined ? { proxyAuth: proxyAuthOf(p.proxyUser, p.proxyScheme ?? 'basic') } : {}),
    insecure: p.insecure === true,
    ...(p.httpVersion ? { httpVersion: p.httpVersion } : {}),
    ...(p.caFile ? { caFileName: p.caFile } : {}),
    ...(p.authScheme && p.user !== undefined ? { auth: { kind: p.authScheme, ...splitUser(p.user) } } : {}),
    ...(p.cert
      ? { clientCert: { certName: p.cert, ...(p.certKey ? { keyName: p.certKey } : {}), type: p.certType ?? 'PEM', ...(p.certPass !== undefined ? { password: p.certPass } : {}) } }
      : {}),
  });
}
