// A contract RequestDraft (from a pasted curl command) → the composer's Draft: an
// Authorization header that is plain Basic or Bearer goes to the Auth tab, a text body to
// the raw editor with its type, the files the command names become file rows left for the
// user to choose. draftToRequest(requestToDraft(r)) sends what r says. Pure.
import type { ClientCertDraft, RequestDraft } from '../../../contract/request.js';
import type { ComposerClientCert } from '../../../contract/composer-draft.js';
import type { CurlFile } from '../../../domain/curl/command.js';
import { decodeBasic } from '../../../domain/curl/plan.js';
import { emptyBody, type Auth, type BodyDraft, type MultipartRow, type RawType } from '../composer/body-model.js';
import { rowsForUrl } from '../composer/params-sync.js';
import { COMPOSER_DEFAULTS, emptyDraft, type Draft, type Engine, type HeaderRow } from '../composer/draft.js';

function liftAuth(headers: HeaderRow[]): [Auth, HeaderRow[]] {
  const i = headers.findIndex((h) => h.enabled && h.name.toLowerCase() === 'authorization');
  const h = headers[i];
  if (!h) return [{ kind: 'none' }, headers];
  const rest = headers.filter((_, j) => j !== i);
  const basic = decodeBasic(h.value);
  if (basic !== undefined) {
    const colon = basic.indexOf(':');
    return [{ kind: 'basic', user: basic.slice(0, colon), password: basic.slice(colon + 1) }, rest];
  }
  const bearer = /^Bearer (\S+)$/.exec(h.value);
  return bearer ? [{ kind: 'bearer', token: bearer[1] as string }, rest] : [{ kind: 'none' }, headers];
}

function rawTypeOf(headers: HeaderRow[]): RawType {
  const type = headers.find((h) => h.enabled && h.name.toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
  return /[/+]json\b/.test(type) ? 'json' : /[/+]xml\b/.test(type) ? 'xml' : 'text';
}

function decodeBase64(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

function multipartRows(parts: Extract<RequestDraft['body'], { kind: 'multipart' }>['parts'], files: readonly CurlFile[]): MultipartRow[] {
  const rows: MultipartRow[] = parts.map((p) =>
    p.kind === 'text'
      ? { kind: 'text', name: p.name, value: p.value, enabled: true }
      : { kind: 'file', name: p.name, value: p.contentType ?? '', enabled: true, file: { name: p.filename, size: 0, fileToken: p.fileToken } },
  );
  // -F name=@path: a row for the part, its file to be chosen.
  for (const f of files) rows.push({ kind: 'file', name: f.field ?? '', value: f.contentType ?? '', enabled: true });
  return rows;
}

/** The body editor's state for the request's body (text in the raw editor: the second value). */
function bodyOf(r: RequestDraft, headers: HeaderRow[], files: readonly CurlFile[]): [BodyDraft, string] {
  const body = emptyBody();
  const wholeFile = files.find((f) => f.field === undefined && /^(-d|-T|--data|--data-binary|--data-ascii|--upload-file|--json)$/.test(f.flag));
  const formFiles = files.filter((f) => f.flag === '-F' || f.flag === '--form');
  switch (r.body.kind) {
    case 'text':
      return [{ ...body, mode: 'raw', rawType: rawTypeOf(headers) }, r.body.text];
    case 'base64':
      return [{ ...body, mode: 'raw', rawType: rawTypeOf(headers) }, decodeBase64(r.body.base64)];
    case 'form':
      return [{ ...body, mode: 'form', form: r.body.fields.map((f) => ({ ...f })) }, ''];
    case 'multipart':
      return [{ ...body, mode: 'multipart', multipart: multipartRows(r.body.parts, formFiles) }, ''];
    case 'file':
      return [{ ...body, mode: 'binary', binary: { name: 'file', size: 0, fileToken: r.body.fileToken } }, ''];
    case 'none':
      if (formFiles.length > 0) return [{ ...body, mode: 'multipart', multipart: multipartRows([], formFiles) }, ''];
      return wholeFile ? [{ ...body, mode: 'binary' }, ''] : [body, ''];
  }
}

export function requestToDraft(r: RequestDraft, files: readonly CurlFile[] = [], engine: Engine = r.engine): Draft {
  const [lifted, headers] = liftAuth(r.headers.map((h) => ({ ...h })));
  // A scheme the engine negotiates (or basic/bearer carried as `auth`) comes back to the Auth tab as it was.
  const auth: Auth = r.auth ? { ...r.auth } : lifted;
  const [bodyDraft, text] = bodyOf(r, headers, files);
  const base = emptyDraft(engine);
  const { connectMs, receiveMs } = r.timeouts;
  return {
    ...base,
    method: r.method,
    url: r.url,
    headers: [...headers, { name: '', value: '', enabled: true }],
    body: text,
    bodyDraft,
    // The core performs an oauth2 auth; the others are headers the composer lifts.
    auth: r.auth ?? auth,
    params: rowsForUrl(r.url, []),
    options: {
      engine,
      timeoutS: r.timeouts.totalMs === undefined ? '' : String(r.timeouts.totalMs / 1000),
      followRedirects: r.followRedirects ?? COMPOSER_DEFAULTS.followRedirects,
      insecure: r.insecure,
      ...(r.httpVersion ? { httpVersion: r.httpVersion } : {}),
      ...(r.caFileName ? { caFile: { name: r.caFileName, size: 0, ...(r.caFileToken ? { fileToken: r.caFileToken } : {}) } } : {}),
      ...(r.clientCert ? { clientCert: composerClientCert(r.clientCert) } : {}),
      proxy: r.proxy ?? '',
      ...(r.noProxy ? { noProxy: r.noProxy } : {}),
      ...(r.proxyAuth ? { proxyUser: r.proxyAuth.user, proxyPassword: r.proxyAuth.password, proxyScheme: r.proxyAuth.scheme } : {}),
      sendCookies: r.sendCookies ?? COMPOSER_DEFAULTS.sendCookies,
    },
    carried: { ...(r.maxRedirects !== undefined ? { maxRedirects: r.maxRedirects } : {}), ...(connectMs ? { connectMs } : {}), ...(receiveMs ? { receiveMs } : {}) },
  };
}

/** A pasted command's import: the composer's draft, and what the composer cannot hold. */
export function importToDraft(imp: { draft: RequestDraft; files: readonly CurlFile[]; warnings: readonly string[] }, engine: Engine): { draft: Draft; warnings: string[] } {
  const warnings = [...imp.warnings];
  const m = imp.draft.method.toUpperCase();
  if ((m === 'GET' || m === 'HEAD') && imp.draft.body.kind !== 'none') warnings.push(`The composer sends no body with ${m} (the body is kept: choose another method to send it).`);
  if (imp.draft.caFileName) warnings.push(`--cacert ${imp.draft.caFileName}: choose the CA file under the request's options (the app reads only files you choose).`);
  const cert = imp.draft.clientCert;
  if (cert) warnings.push(`-E ${cert.certName}${cert.keyName ? ` --key ${cert.keyName}` : ''}: choose the client certificate${cert.keyName ? ' and key' : ''} under the request's options (the app reads only files you choose).`);
  return { draft: requestToDraft(imp.draft, imp.files, engine), warnings };
}

/** A contract client certificate in the composer: a file without a token is a name to choose again. */
function composerClientCert(c: ClientCertDraft): ComposerClientCert {
  const ref = (name: string, token?: string) => ({ name, size: 0, ...(token ? { fileToken: token } : {}) });
  return { cert: ref(c.certName, c.certToken), ...(c.keyName ? { key: ref(c.keyName, c.keyToken) } : {}), type: c.type, password: c.password ?? '' };
}
