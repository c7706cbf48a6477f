// The composer's body, auth and query rows, and their conversion into the contract's body
// and extra headers. Pure: files are referred to by FileRef; browser-held File objects are
// resolved to upload tokens before the conversion (see uploader.ts).
// The types are the contract's (contract/composer-draft.ts).
import type { Auth, ComposerBody as BodyDraft, FileRef, MultipartRow, RawType } from '../../../contract/composer-draft.js';
import type { RequestDraft } from '../../../contract/request.js';
// UTF-8, as curl and browsers send credentials (btoa alone only takes Latin-1).
import { base64Utf8 } from '../../../domain/curl/plan.js';
import type { ParamRow } from './url-params.js';

export type { Auth, BodyMode, ComposerBody as BodyDraft, FileRef, MultipartRow, RawType } from '../../../contract/composer-draft.js';

export const RAW_TYPES: Record<RawType, string> = { json: 'application/json', xml: 'application/xml', text: 'text/plain' };

export const emptyBody = (): BodyDraft => ({ mode: 'raw', rawType: 'text', form: [], multipart: [] });
export const emptyParams = (): ParamRow[] => [];

type Body = RequestDraft['body'];
type Header = { name: string; value: string; enabled: boolean };
export type BodyResult = { ok: true; body: Body; contentType?: string } | { ok: false; message: string };

/** `text` is the raw editor's content (Draft.body). A file without a token yet is an error
 * unless `pending` is set (a check before uploading: any token will do). */
export function bodyToContract(b: BodyDraft, text: string, pending = false): BodyResult {
  const token = (f: FileRef | undefined): string | undefined => f?.fileToken ?? (pending && f ? 'pending' : undefined);
  switch (b.mode) {
    case 'none':
      return { ok: true, body: { kind: 'none' } };
    case 'raw':
      return text === '' ? { ok: true, body: { kind: 'none' } } : { ok: true, body: { kind: 'text', text }, contentType: RAW_TYPES[b.rawType] };
    case 'form':
      return { ok: true, body: { kind: 'form', fields: b.form.filter((r) => r.name !== '').map(({ name, value, enabled }) => ({ name, value, enabled })) } };
    case 'binary': {
      const t = token(b.binary);
      return t ? { ok: true, body: { kind: 'file', fileToken: t } } : { ok: false, message: 'Choose a file for the binary body.' };
    }
    case 'multipart':
      return multipartToContract(b.multipart, token);
  }
}

function multipartToContract(rows: MultipartRow[], token: (f: FileRef | undefined) => string | undefined): BodyResult {
  const parts: Extract<Body, { kind: 'multipart' }>['parts'] = [];
  for (const r of rows) {
    if (!r.enabled || r.name === '') continue;
    if (r.kind === 'text') {
      parts.push({ kind: 'text', name: r.name, value: r.value });
      continue;
    }
    const t = token(r.file);
    if (!t || !r.file) return { ok: false, message: `Choose a file for the part "${r.name}".` };
    parts.push({ kind: 'file', name: r.name, fileToken: t, filename: r.file.name, ...(r.value.trim() ? { contentType: r.value.trim() } : {}) });
  }
  if (parts.length === 0) return { ok: false, message: 'A multipart body needs at least one named part.' };
  return { ok: true, body: { kind: 'multipart', parts } };
}

export function authHeader(auth: Auth): string | undefined {
  if (auth.kind === 'basic') return `Basic ${base64Utf8(`${auth.user}:${auth.password}`)}`;
  if (auth.kind === 'bearer' && auth.token.trim() !== '') return `Bearer ${auth.token.trim()}`;
  return undefined;
}

const hasHeader = (headers: Header[], name: string): boolean => headers.some((h) => h.enabled && h.name.trim().toLowerCase() === name);

/** The headers the body type and auth imply, each only where no enabled row names it:
 * an explicit row is the user's choice and wins. */
export function impliedHeaders(headers: Header[], contentType: string | undefined, auth: Auth): Header[] {
  const out: Header[] = [];
  const authorization = authHeader(auth);
  if (authorization && !hasHeader(headers, 'authorization')) out.push({ name: 'Authorization', value: authorization, enabled: true });
  if (contentType && !hasHeader(headers, 'content-type')) out.push({ name: 'Content-Type', value: contentType, enabled: true });
  return out;
}

/** The file refs a body needs uploaded before sending (browser-held, no token yet). */
export function pendingFiles(b: BodyDraft): FileRef[] {
  if (b.mode === 'binary') return b.binary && !b.binary.fileToken ? [b.binary] : [];
  if (b.mode !== 'multipart') return [];
  return b.multipart.flatMap((r) => (r.enabled && r.kind === 'file' && r.file && !r.file.fileToken ? [r.file] : []));
}

/** The body with each file ref's token taken from `tokens` (by localId). */
export function withTokens(b: BodyDraft, tokens: ReadonlyMap<string, string>): BodyDraft {
  const fill = (f: FileRef | undefined): FileRef | undefined => (f?.localId && tokens.has(f.localId) ? { ...f, fileToken: tokens.get(f.localId) } : f);
  const binary = fill(b.binary);
  return { ...b, ...(binary ? { binary } : {}), multipart: b.multipart.map((r) => (r.file ? { ...r, file: fill(r.file)! } : r)) };
}
