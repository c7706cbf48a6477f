// One saved request as a Postman v2.1 request: method, URL (parsed by the postman-collection
// SDK into host, path and query, `raw` kept as typed), headers (disabled ones disabled), the
// body (raw with its language, urlencoded, form-data) and an Authorization header of the
// Basic or Bearer kind as Postman's auth. What Postman cannot hold is a note.
import postman from 'postman-collection';
import type { RequestDraft } from '../../contract/request.js';
import { toPostmanOAuth2 } from '../import/postman-oauth2.js';

type Header = RequestDraft['headers'][number];
interface Row {
  key: string;
  value: string;
  disabled?: true;
  type?: string;
}

/** Content-Type → Postman's raw "language" (the importer's table read backwards). */
const LANGUAGES: Array<[RegExp, string]> = [
  [/json/i, 'json'],
  [/xml/i, 'xml'],
  [/html/i, 'html'],
  [/javascript/i, 'javascript'],
];

const row = (name: string, value: string, enabled: boolean, type?: string): Row => ({ key: name, value, ...(enabled ? {} : { disabled: true as const }), ...(type ? { type } : {}) });

export function postmanRequest(draft: RequestDraft, notes: string[]): Record<string, unknown> {
  const headers = [...draft.headers];
  // OAuth 2.0 is Postman's auth as well; an Authorization header then stays a header.
  const auth = draft.auth?.kind === 'oauth2' ? toPostmanOAuth2(draft.auth) : (negotiatedAuth(draft.auth, notes) ?? authOf(headers));
  const body = bodyOf(draft, notes);
  return {
    method: draft.method,
    header: headers.map((h) => row(h.name, h.value, h.enabled)),
    ...(body ? { body } : {}),
    url: urlOf(draft.url),
    ...(auth ? { auth } : {}),
  };
}

/** The SDK's parse (host, path, query as Postman stores them), with the URL as typed in `raw`. */
function urlOf(url: string): Record<string, unknown> {
  const parsed = new postman.Url(url).toJSON() as unknown as Record<string, unknown>;
  delete parsed['variable'];
  return { raw: url, ...parsed };
}

function contentType(draft: RequestDraft): string {
  return draft.headers.find((h) => h.enabled && h.name.trim().toLowerCase() === 'content-type')?.value ?? '';
}

function bodyOf(draft: RequestDraft, notes: string[]): Record<string, unknown> | undefined {
  const b = draft.body;
  switch (b.kind) {
    case 'none':
      return undefined;
    case 'text': {
      // No Content-Type header: no language either, or Postman would add a header of its own.
      const type = contentType(draft);
      const language = LANGUAGES.find(([re]) => re.test(type))?.[1] ?? 'text';
      return { mode: 'raw', raw: b.text, ...(type ? { options: { raw: { language } } } : {}) };
    }
    case 'base64': {
      const bytes = Buffer.from(b.base64, 'base64');
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      if (Buffer.from(text, 'utf8').equals(bytes)) return { mode: 'raw', raw: text };
      notes.push('binary body not exported: a Postman raw body holds text only');
      return undefined;
    }
    case 'form':
      return { mode: 'urlencoded', urlencoded: b.fields.map((f) => row(f.name, f.value, f.enabled)) };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: b.parts.map((p) => (p.kind === 'text' ? row(p.name, p.value, true, 'text') : { key: p.name, type: 'file', src: p.filename })),
      };
    case 'file':
      notes.push('file body not exported: its file is chosen per session');
      return undefined;
  }
}

const pairs = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value, type: 'string' }));

/** The draft's own auth as Postman's (it has basic, bearer, digest and NTLM; not Negotiate or "any"). */
function negotiatedAuth(auth: RequestDraft['auth'], notes: string[]): Record<string, unknown> | undefined {
  if (!auth || auth.kind === 'oauth2') return undefined;
  if (auth.kind === 'bearer') return { type: 'bearer', bearer: pairs({ token: auth.token }) };
  const { user, password } = auth;
  if (auth.kind === 'basic' || auth.kind === 'digest') return { type: auth.kind, [auth.kind]: pairs({ username: user, password }) };
  if (auth.kind === 'ntlm') {
    const slash = user.indexOf('\\');
    return { type: 'ntlm', ntlm: pairs(slash < 0 ? { username: user, password } : { domain: user.slice(0, slash), username: user.slice(slash + 1), password }) };
  }
  notes.push(`${auth.kind === 'any' ? '"Any"' : 'Negotiate'} auth is not in Postman: not exported`);
  return undefined;
}

/** Basic and Bearer Authorization headers (enabled, last of their name) become Postman auth. */
function authOf(headers: Header[]): Record<string, unknown> | undefined {
  const isAuth = (h: Header): boolean => h.enabled && h.name.trim().toLowerCase() === 'authorization';
  const at = headers.length - 1 - [...headers].reverse().findIndex(isAuth);
  if (!headers.some(isAuth)) return undefined;
  const value = headers[at]!.value.trim();
  const bearer = /^Bearer\s+(\S.*)$/i.exec(value);
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(value);
  let auth: Record<string, unknown> | undefined;
  if (bearer) auth = { type: 'bearer', bearer: [{ key: 'token', value: bearer[1], type: 'string' }] };
  else if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0 && Buffer.from(decoded, 'utf8').toString('base64') === basic[1]) {
      auth = { type: 'basic', basic: [{ key: 'username', value: decoded.slice(0, colon), type: 'string' }, { key: 'password', value: decoded.slice(colon + 1), type: 'string' }] };
    }
  }
  if (auth) headers.splice(at, 1);
  return auth;
}
