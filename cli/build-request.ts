// Turns curl-style options into a request spec (without its sink), reading -d @file
// the way curl does. Bad input becomes a UsageError or a BadInput with curl's exit code.
import fs from 'node:fs';
import path from 'node:path';
import { BadRequestSpec, MAX_REDIRECTS, type RequestSpecInput } from '../engine/request-spec.js';
import { parseHeaderLine } from '../domain/curl/flags.js';
import { CURL_ACCEPT_ENCODING, CURL_DEFAULTS, inferredMethod } from '../domain/curl/plan.js';
import { checkUrlInput } from '../domain/url.js';
import { proxyAuthOf } from '../domain/proxy-draft.js';
import { parseCertParam } from '../domain/curl/cert-param.js';
import { UsageError, type CliOptions } from './args.js';
import type { AuthScheme } from '../contract/auth.js';

export class BadInput extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function readFileArg(file: string, stripNewlines: boolean): Buffer {
  let data: Buffer;
  try {
    data = file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : String(e);
    throw new BadInput(`cannot read the upload file ${file}: ${why}`, 26);
  }
  return stripNewlines ? Buffer.from(data.toString('latin1').replace(/[\r\n]/g, ''), 'latin1') : data;
}

function checkUploadFile(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput(`cannot read the upload file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(e)}`, 26);
  }
  if (!st.isFile()) throw new BadInput(`cannot read the upload file ${file}: not a regular file`, 26);
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new BadInput(`cannot read the upload file ${file}: permission denied`, 26);
  }
}

const isStdin = (file: string): boolean => file === '-' || file === '.';

/** -H @file (or @- for stdin): one header per line, blank lines skipped, as curl reads them. */
export function expandHeaders(args: string[]): string[] {
  return args.flatMap((h) => {
    if (!h.startsWith('@')) return [h];
    const file = h.slice(1);
    let text: string;
    try {
      text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (e) {
      throw new BadInput(`cannot read the header file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, 26);
    }
    return text.split(/\r?\n/).filter((l) => l.trim() !== '');
  });
}

export function parseHeader(h: string): [string, string] | [string, string, 'empty'] {
  const header = parseHeaderLine(h);
  if (!header) throw new UsageError(`the header ${JSON.stringify(h)} is not of the form "Name: value"`);
  // curl: "Name:" removes the header, "Name;" sends it with an empty value.
  if (header[1] === '' && /^[^:]*;\s*$/.test(h)) return [header[0], '', 'empty'];
  return header;
}

function normalizeUrl(opts: CliOptions): string {
  if (opts.urls.length === 0) throw new UsageError('no URL given (see inetscope --help)');
  if (opts.urls.length > 1) throw new UsageError('give one URL at a time');
  // As curl reads it (the composer's and a pasted command's rule too): no scheme means http.
  const checked = checkUrlInput(opts.urls[0] as string);
  if (!checked.ok) throw new BadRequestSpec(checked.message, checked.kind);
  let url = checked.url;
  if (opts.uploadFile && !isStdin(opts.uploadFile) && url.endsWith('/')) url += encodeURIComponent(path.basename(opts.uploadFile));
  return url;
}

function bodyOf(opts: CliOptions): { body?: RequestSpecInput['body']; form: boolean } {
  if (opts.uploadFile) {
    if (opts.bodyParts.length) throw new UsageError('use either -T/--upload-file or -d/--data, not both');
    // curl's -T - and -T . read the upload from stdin.
    if (isStdin(opts.uploadFile)) return { body: { kind: 'memory', base64: readFileArg('-', false).toString('base64') }, form: false };
    checkUploadFile(opts.uploadFile);
    return { body: { kind: 'file', path: opts.uploadFile }, form: false };
  }
  const parts = opts.bodyParts;
  if (parts.length === 0) return { form: false };
  const only = parts[0];
  // A single --data-binary @file is streamed from the file, never read into memory.
  if (parts.length === 1 && only?.flag === 'data-binary' && only.value.startsWith('@') && only.value !== '@-') {
    const file = only.value.slice(1);
    checkUploadFile(file);
    return { body: { kind: 'file', path: file }, form: true };
  }
  const chunks = parts.map(({ flag, value }) => {
    if (flag === 'data-raw' || !value.startsWith('@')) return Buffer.from(value, 'utf8');
    return readFileArg(value.slice(1), flag !== 'data-binary');
  });
  const joined = Buffer.concat(chunks.flatMap((c, i) => (i === 0 ? [c] : [Buffer.from('&'), c])));
  return { body: { kind: 'memory', base64: joined.toString('base64') }, form: true };
}

/** -u USER[:PASSWORD] split at the first colon, as curl splits it. */
function credentials(user: string, scheme: AuthScheme): { scheme: AuthScheme; user: string; password: string } {
  const colon = user.indexOf(':');
  return colon < 0 ? { scheme, user, password: '' } : { scheme, user: user.slice(0, colon), password: user.slice(colon + 1) };
}

export function buildRequest(opts: CliOptions): Omit<RequestSpecInput, 'sink'> {
  const url = normalizeUrl(opts);
  const headers = expandHeaders(opts.headers).map(parseHeader);
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  const { body, form } = bodyOf(opts);
  if (form && !has('content-type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  if (opts.userAgent !== undefined && !has('user-agent')) headers.push(['User-Agent', opts.userAgent]);
  // -u with --digest, --ntlm, --negotiate or --anyauth: the engine answers the server's challenge (auth legs).
  const auth = opts.user !== undefined && opts.authScheme && opts.authScheme !== 'basic' ? credentials(opts.user, opts.authScheme) : undefined;
  if (opts.user !== undefined && !auth && !has('authorization')) {
    headers.push(['Authorization', `Basic ${Buffer.from(opts.user.includes(':') ? opts.user : `${opts.user}:`).toString('base64')}`]);
  }
  // -b NAME=VALUE: curl's CURLOPT_COOKIE, after a Cookie header of -H's own.
  const cookies = opts.cookies.filter((v) => v.includes('='));
  if (cookies.length && !has('cookie')) headers.push(['Cookie', cookies.join('; ')]);
  // --compressed: curl's Accept-Encoding, unless -H gives one (curl then still decodes).
  if (opts.compressed && !has('accept-encoding')) headers.push(['Accept-Encoding', CURL_ACCEPT_ENCODING]);
  const method = opts.method ?? inferredMethod({ head: opts.head, upload: opts.uploadFile !== undefined, hasData: body !== undefined });
  return {
    url,
    method,
    headers,
    body,
    followRedirects: opts.location,
    maxRedirects: opts.maxRedirs === undefined ? CURL_DEFAULTS.maxRedirects : opts.maxRedirs < 0 ? MAX_REDIRECTS : opts.maxRedirs,
    timeouts: {
      ...(opts.maxTime ? { totalMs: opts.maxTime } : {}),
      ...(opts.connectTimeout ? { connectMs: opts.connectTimeout } : {}),
    },
    proxy: opts.proxy,
    ...(opts.noProxy !== undefined ? { noProxy: opts.noProxy } : {}),
    ...(opts.proxyUser !== undefined ? { proxyAuth: proxyAuthOf(opts.proxyUser, opts.proxyScheme) } : {}),
    insecure: opts.insecure,
    ...(opts.httpVersion ? { httpVersion: opts.httpVersion } : {}),
    ...(auth ? { auth } : {}),
    // curl reads a relative --cacert from the working directory; the engines want it absolute.
    ...(opts.cacert ? { caFile: path.resolve(opts.cacert) } : {}),
    ...clientCert(opts),
  };
}

/** -E FILE[:PASSWORD], --key, --cert-type, --pass (which wins over -E's password), relative to the working directory as in curl. */
function clientCert(opts: CliOptions): Pick<RequestSpecInput, 'clientCert'> {
  if (!opts.cert) {
    if (opts.key || opts.certType || opts.pass !== undefined) throw new UsageError('--key, --cert-type and --pass need -E/--cert');
    return {};
  }
  const { file, password } = parseCertParam(opts.cert);
  if (!file) throw new UsageError('--cert needs a file name');
  const pass = opts.pass ?? password;
  return {
    clientCert: {
      certPath: path.resolve(file),
      ...(opts.key ? { keyPath: path.resolve(opts.key) } : {}),
      type: opts.certType ?? 'PEM',
      ...(pass !== undefined ? { password: pass } : {}),
    },
  };
}
