// What each curl option does to the plan of a pasted command. Options that only change
// curl's output are collected as notes; known options with no counterpart here and
// unknown ones become warnings, never silently dropped. Pure.
import { parseHeaderLine, type FlagHit } from './flags.js';
import { curlEscape, type CurlPlan, type DataPiece } from './plan.js';
import { HTTP_VERSION_FLAGS, isHttpVersionFlag } from '../http-version.js';
import { parseCertParam } from './cert-param.js';

export interface ParseState {
  plan: CurlPlan;
  urls: string[];
  warnings: string[];
  notes: string[];
  /** Output-only options seen, as written. */
  ignored: string[];
  files: CurlFile[];
  globoff?: boolean;
  /** --next: the rest is another request. */
  stopped?: boolean;
}

type Flag = Extract<FlagHit, { kind: 'flag' }>;
type Handler = (s: ParseState, value: string, hit: Flag) => void;

/** A command that makes no request: the message names the problem. */
export class CurlParseError extends Error {}

/** A file the command names, which a page cannot read: the UI asks the user for it. */
export interface CurlFile {
  /** The option as written (-d, --data-binary, -F, -T). */
  flag: string;
  path: string;
  /** The multipart field (-F name=@path). */
  field?: string;
  contentType?: string;
}

const OUTPUT_ONLY = new Set(
  `silent show-error verbose include show-headers output remote-name remote-name-all remote-header-name fail
fail-with-body fail-early progress-bar no-progress-meter write-out dump-header trace trace-ascii trace-time trace-config
stderr no-buffer create-dirs output-dir styled-output disable retry retry-delay retry-max-time retry-all-errors
retry-connrefused remove-on-error no-clobber skip-existing xattr libcurl parallel parallel-max parallel-immediate
tcp-nodelay tcp-fastopen keepalive-time keepalive-cnt no-keepalive path-as-is raw no-sessionid ipv4 ipv6
suppress-connect-headers cookie-jar junk-session-cookies create-file-mode limit-rate max-filesize speed-limit
speed-time expect100-timeout happy-eyeballs-timeout-ms no-alpn no-npn ssl-no-revoke ca-native etag-save help manual
version`.split(/\s+/),
);
/** curl's version flags the app has no choice for. */
const HTTP_VERSIONS = new Set(['http0.9', 'http3-only']);
const AUTH_FLAGS: Record<string, CurlPlan['authScheme'] | 'basic'> = { basic: 'basic', digest: 'digest', ntlm: 'ntlm', negotiate: 'negotiate', anyauth: 'any' };

function seconds(value: string, flag: string): number | undefined {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new CurlParseError(`${flag} needs a number of seconds, got ${JSON.stringify(value)}`);
  // curl: 0 means no limit. The contract caps a deadline at a day.
  return n === 0 ? undefined : Math.min(24 * 3600 * 1000, Math.max(1, Math.round(n * 1000)));
}

function fileWarning(s: ParseState, file: CurlFile, what: string): void {
  s.files.push(file);
  const from = file.path === '-' ? 'standard input' : `the file ${file.path}`;
  s.warnings.push(`${file.flag} reads ${from}, which cannot be read from here: ${what}.`);
}

function addData(s: ParseState, flag: DataPiece['flag'], value: string, written: string): void {
  if (s.plan.form.length > 0 || s.plan.hasForm) throw new CurlParseError(`${written} cannot be combined with -F/--form (curl refuses it too)`);
  s.plan.hasData = true;
  if (flag !== 'data-raw' && value.startsWith('@')) return fileWarning(s, { flag: written, path: value.slice(1) }, 'choose it in the Body tab');
  s.plan.data.push({ flag, text: value });
}

/** --data-urlencode: content, =content, name=content, @file, name@file (the first = or @ decides). */
function urlencoded(s: ParseState, value: string, written: string): void {
  const at = value.search(/[=@]/);
  if (at >= 0 && value[at] === '@') {
    s.plan.hasData = true;
    return fileWarning(s, { flag: written, path: value.slice(at + 1), ...(at > 0 ? { field: value.slice(0, at) } : {}) }, 'add its encoded content to the body');
  }
  const text = at < 0 ? curlEscape(value) : `${value.slice(0, at)}${at > 0 ? '=' : ''}${curlEscape(value.slice(at + 1))}`;
  addData(s, 'data-urlencode', text, written);
}

function formPart(s: ParseState, value: string, hit: Flag): void {
  const written = hit.written;
  if (s.plan.data.length > 0 || s.plan.hasData) throw new CurlParseError(`${written} cannot be combined with -d/--data (curl refuses it too)`);
  const eq = value.indexOf('=');
  if (eq <= 0) throw new CurlParseError(`${written} ${JSON.stringify(value)} is not of the form name=value`);
  const name = value.slice(0, eq);
  const content = value.slice(eq + 1);
  s.plan.hasForm = true;
  if (hit.long === 'form-string' || !/^[@<]/.test(content)) {
    const typed = hit.long === 'form' ? /;type=[^;=]*$/.exec(content) : null;
    if (typed) s.warnings.push(`${written} ${name}: the part's ${typed[0].slice(1)} is not kept (text parts are sent without a type).`);
    s.plan.form.push({ kind: 'text', name, value: typed ? content.slice(0, typed.index) : content });
    return;
  }
  const [path = '', ...params] = content.slice(1).split(';');
  const type = params.find((p) => p.startsWith('type='))?.slice(5);
  const file: CurlFile = { flag: written, path, field: name, ...(type ? { contentType: type } : {}) };
  fileWarning(s, file, content.startsWith('<') ? `type the content of the part "${name}" in the Body tab` : `choose it for the part "${name}" in the Body tab`);
}

function header(s: ParseState, value: string, written: string): void {
  if (value.startsWith('@')) return fileWarning(s, { flag: written, path: value.slice(1) }, 'add its headers in the Headers tab');
  const h = parseHeaderLine(value);
  if (!h) s.warnings.push(`${written} ${JSON.stringify(value)} is not a header ("Name: value"): ignored.`);
  else s.plan.headers.push(h);
}

function maxRedirs(s: ParseState, value: string): void {
  if (!/^-?\d+$/.test(value.trim())) throw new CurlParseError(`--max-redirs needs a whole number, got ${JSON.stringify(value)}`);
  const n = Number(value);
  if (n < 0 || n > 100) s.warnings.push(`--max-redirs ${value}: at most 100 redirects are followed here.`);
  s.plan.maxRedirs = n < 0 ? 100 : Math.min(n, 100);
}

const HANDLERS: Record<string, Handler> = {
  request: (s, v) => void (s.plan.method = v.trim()),
  header: (s, v, h) => header(s, v, h.written),
  data: (s, v, h) => addData(s, 'data', v, h.written),
  'data-ascii': (s, v, h) => addData(s, 'data-ascii', v, h.written),
  'data-binary': (s, v, h) => addData(s, 'data-binary', v, h.written),
  'data-raw': (s, v, h) => addData(s, 'data-raw', v, h.written),
  json: (s, v, h) => addData(s, 'json', v, h.written),
  'data-urlencode': (s, v, h) => urlencoded(s, v, h.written),
  form: (s, v, h) => formPart(s, v, h),
  'form-string': (s, v, h) => formPart(s, v, h),
  get: (s, _v, h) => void (s.plan.get = !h.negated),
  head: (s, _v, h) => void (s.plan.head = !h.negated),
  'upload-file': (s, v, h) => {
    s.plan.upload = true;
    fileWarning(s, { flag: h.written, path: v }, 'choose it as the binary body');
  },
  user: (s, v, h) => {
    if (!v.includes(':')) s.warnings.push(`${h.written} ${v}: curl would ask for the password; it is left empty (set it in the Auth tab).`);
    s.plan.user = v.includes(':') ? v : `${v}:`;
  },
  'oauth2-bearer': (s, v) => void (s.plan.bearer = v),
  insecure: (s, _v, h) => void (s.plan.insecure = !h.negated),
  cacert: (s, v, h) => {
    s.plan.caFile = v;
    // The app reads the file itself (it is not uploaded), so it needs the whole path.
    if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v)) s.warnings.push(`${h.written} ${v}: not an absolute path; give the CA file's absolute path in Options before sending.`);
  },
  cert: (s, v) => {
    const { file, password } = parseCertParam(v);
    s.plan.cert = file;
    if (password !== undefined) s.plan.certPass ??= password;
  },
  key: (s, v) => void (s.plan.certKey = v),
  'cert-type': (s, v, h) => {
    const type = v.toUpperCase();
    if (type === 'PEM' || type === 'P12') s.plan.certType = type;
    else s.warnings.push(`${h.written} ${v}: only PEM and P12 client certificates are supported; read as PEM.`);
  },
  pass: (s, v) => void (s.plan.certPass = v),
  location: (s, _v, h) => void (s.plan.location = !h.negated),
  'location-trusted': (s, _v, h) => void (s.plan.location = !h.negated),
  'max-redirs': (s, v) => maxRedirs(s, v),
  proxy: (s, v) => void (s.plan.proxy = v.trim() || undefined),
  noproxy: (s, v) => void (s.plan.noProxy = v),
  'proxy-user': (s, v, h) => {
    if (!v.includes(':')) s.warnings.push(`${h.written} ${v}: curl would ask for the proxy password; it is left empty.`);
    s.plan.proxyUser = v.includes(':') ? v : `${v}:`;
  },
  'proxy-basic': (s) => void (s.plan.proxyScheme = 'basic'),
  'proxy-digest': (s) => void (s.plan.proxyScheme = 'digest'),
  'proxy-ntlm': (s) => void (s.plan.proxyScheme = 'ntlm'),
  'proxy-anyauth': (s) => void (s.plan.proxyScheme = 'any'),
  'max-time': (s, v, h) => void (s.plan.maxTimeMs = seconds(v, h.written)),
  'connect-timeout': (s, v, h) => void (s.plan.connectTimeoutMs = seconds(v, h.written)),
  'user-agent': (s, v) => void (s.plan.userAgent = v),
  referer: (s, v) => {
    const ref = v.replace(/;auto$/, '');
    if (ref !== v) s.notes.push('-e ";auto" (a Referer on redirects) is not reproduced.');
    if (ref !== '') s.plan.referer = ref;
  },
  cookie: (s, v, h) => {
    if (!v.includes('=')) return fileWarning(s, { flag: h.written, path: v }, 'add its cookies as a Cookie header');
    s.plan.cookie = s.plan.cookie === undefined ? v : `${s.plan.cookie}; ${v}`;
  },
  range: (s, v) => void (s.plan.range = v),
  compressed: (s, _v, h) => {
    s.plan.compressed = !h.negated;
    if (!h.negated) s.notes.push('--compressed asks for a compressed response; it is shown as the server sends it (not decompressed).');
  },
  url: (s, v) => void s.urls.push(v),
  globoff: (s) => void (s.globoff = true),
  next: (s) => {
    s.stopped = true;
    s.warnings.push('Only the first request is used: what follows --next is ignored.');
  },
};

/** Applies one recognised option to the state; throws CurlParseError for a bad value. */
export function applyFlag(s: ParseState, hit: Flag): void {
  const handler = HANDLERS[hit.long];
  if (handler) handler(s, hit.value ?? '', hit);
  else if (OUTPUT_ONLY.has(hit.long)) s.ignored.push(hit.written);
  else if (isHttpVersionFlag(hit.long)) s.plan.httpVersion = HTTP_VERSION_FLAGS[hit.long];
  else if (HTTP_VERSIONS.has(hit.long)) s.warnings.push(`${hit.written} is not supported here: the request asks for no version (the engine's default).`);
  else if (AUTH_FLAGS[hit.long]) {
    const scheme = AUTH_FLAGS[hit.long];
    s.plan.authScheme = hit.negated || scheme === 'basic' ? undefined : scheme;
  } else if (hit.long === 'ntlm-wb') s.warnings.push(`${hit.written}: winbind's NTLM helper is not used here; choose NTLM in the Auth tab.`);
  else s.warnings.push(`${hit.written} is not supported here: ignored.`);
}
