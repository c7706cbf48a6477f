// The composer's editable draft and its conversion to the contract's RequestDraft.
import { RequestDraftSchema, type RequestDraft } from '../../../contract/api.js';
import { bodyToContract, emptyBody, impliedHeaders, type Auth, type BodyResult, type BodyDraft } from '../composer/body-model.js';
import { rowsForUrl } from '../composer/params-sync.js';
import type { ParamRow } from '../composer/url-params.js';

/** The contract's default: the composer has no field for it. */
const DEFAULT_MAX_REDIRECTS: number = RequestDraftSchema.shape.maxRedirects.parse(undefined);

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type Engine = 'auto' | 'curl' | 'wininet';

export interface HeaderRow {
  name: string;
  value: string;
  enabled: boolean;
}

export interface DraftOptions {
  engine: Engine;
  /** Seconds as typed; empty: no deadline. */
  timeoutS: string;
  followRedirects: boolean;
  insecure: boolean;
  /** host:port, empty: none. */
  proxy: string;
}

export interface Draft {
  method: string;
  url: string;
  headers: HeaderRow[];
  /** The raw body's text (body mode 'raw'). */
  body: string;
  /** Body mode, raw type, form and multipart rows, binary file. */
  bodyDraft: BodyDraft;
  auth: Auth;
  /** The query rows: the URL's parameters plus disabled and blank rows (not in the URL). */
  params: ParamRow[];
  options: DraftOptions;
  /** Settings a request brought along (an imported curl command) that the composer has no field for. */
  carried?: { connectMs?: number; receiveMs?: number; maxRedirects?: number };
}

export function emptyDraft(engine: Engine = 'auto'): Draft {
  return {
    method: 'GET',
    url: '',
    headers: [{ name: '', value: '', enabled: true }],
    body: '',
    bodyDraft: emptyBody(),
    auth: { kind: 'none' },
    params: [],
    options: { engine, timeoutS: '', followRedirects: true, insecure: false, proxy: '' },
  };
}

/** GET and HEAD carry no body; every other method (custom ones too) may. */
export function methodHasBody(method: string): boolean {
  const m = method.trim().toUpperCase();
  return m !== 'GET' && m !== 'HEAD';
}

export type DraftResult = { ok: true; request: RequestDraft } | { ok: false; message: string };

function normalizeMethod(method: string): string {
  const m = method.trim();
  return (METHODS as readonly string[]).includes(m.toUpperCase()) ? m.toUpperCase() : m;
}

/** A URL without a scheme gets http:// (as curl does). */
export function normalizeUrl(url: string): string {
  const u = url.trim();
  if (u === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(u)) return u;
  return `http://${u}`;
}

function parseTimeout(text: string): number | undefined | Error {
  const t = text.trim();
  if (t === '') return undefined;
  const s = Number(t);
  if (!Number.isFinite(s) || s <= 0) return new Error(`Timeout must be a positive number of seconds, not "${t}".`);
  return Math.max(1, Math.round(s * 1000));
}

/** `pending`: a check before files are uploaded (a file without its token yet passes). */
export function draftToRequest(draft: Draft, pending = false): DraftResult {
  const method = normalizeMethod(draft.method);
  if (method === '') return { ok: false, message: 'Enter a method.' };
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method)) return { ok: false, message: `"${method}" is not a valid method token.` };
  const url = normalizeUrl(draft.url);
  if (url === '') return { ok: false, message: 'Enter a URL.' };
  const totalMs = parseTimeout(draft.options.timeoutS);
  if (totalMs instanceof Error) return { ok: false, message: totalMs.message };
  const headers = draft.headers
    .filter((h) => h.name.trim() !== '')
    .map((h) => ({ name: h.name.trim(), value: h.value, enabled: h.enabled }));
  const proxy = draft.options.proxy.trim();
  const b: BodyResult = methodHasBody(method) ? bodyToContract(draft.bodyDraft ?? emptyBody(), draft.body, pending) : { ok: true, body: { kind: 'none' } };
  if (!b.ok) return { ok: false, message: b.message };
  const body = b.body;
  headers.push(...impliedHeaders(headers, b.contentType, draft.auth ?? { kind: 'none' }));
  const parsed = RequestDraftSchema.safeParse({
    url,
    method,
    headers,
    body,
    engine: draft.options.engine,
    followRedirects: draft.options.followRedirects,
    insecure: draft.options.insecure,
    timeouts: { ...(draft.carried?.connectMs ? { connectMs: draft.carried.connectMs } : {}), ...(draft.carried?.receiveMs ? { receiveMs: draft.carried.receiveMs } : {}), ...(totalMs === undefined ? {} : { totalMs }) },
    ...(draft.carried?.maxRedirects !== undefined ? { maxRedirects: draft.carried.maxRedirects } : {}),
    ...(proxy ? { proxy } : {}),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, request: parsed.data };
}

export interface DraftFromRequest {
  draft: Draft;
  /** What the composer could not carry over (named, so the user knows what to redo). */
  notes: string[];
}

function rawTypeFor(headers: readonly HeaderRow[]): BodyDraft['rawType'] {
  const ct = headers.find((h) => h.enabled && h.name.trim().toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
  return ct.includes('json') ? 'json' : ct.includes('xml') ? 'xml' : 'text';
}

/** Base64 → text when it is valid UTF-8 (the raw editor holds text), else undefined. */
function utf8FromBase64(b64: string): string | undefined {
  try {
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const STALE_FILE = 'the file it sent is not kept: choose it again';

/** The body of a stored request as the composer's body; file tokens are single-use, so a file is named but must be chosen again. */
function bodyFromRequest(body: RequestDraft['body'], headers: readonly HeaderRow[], notes: string[]): { bodyDraft: BodyDraft; text: string } {
  const b = emptyBody();
  switch (body.kind) {
    case 'none':
      return { bodyDraft: b, text: '' };
    case 'text':
      return { bodyDraft: { ...b, rawType: rawTypeFor(headers) }, text: body.text };
    case 'base64': {
      const text = utf8FromBase64(body.base64);
      if (text !== undefined) return { bodyDraft: { ...b, rawType: rawTypeFor(headers) }, text };
      notes.push('The body was binary data, which the raw editor cannot hold: choose it as a binary file.');
      return { bodyDraft: { ...b, mode: 'binary' }, text: '' };
    }
    case 'file':
      notes.push(`Binary body: ${STALE_FILE}.`);
      return { bodyDraft: { ...b, mode: 'binary' }, text: '' };
    case 'form':
      return { bodyDraft: { ...b, mode: 'form', form: body.fields.map((f) => ({ ...f })) }, text: '' };
    case 'multipart': {
      const rows = body.parts.map((p) =>
        p.kind === 'text' ? { kind: 'text' as const, name: p.name, value: p.value, enabled: true } : { kind: 'file' as const, name: p.name, value: p.contentType ?? '', enabled: true },
      );
      for (const p of body.parts) if (p.kind === 'file') notes.push(`Part "${p.name}" (${p.filename}): ${STALE_FILE}.`);
      return { bodyDraft: { ...b, mode: 'multipart', multipart: rows }, text: '' };
    }
  }
}

/** The inverse of draftToRequest: a stored request (history, HAR import) back in the
 * composer. Headers stay rows as sent (an Authorization or Content-Type header the composer
 * once implied is now an explicit row, so converting back gives the same request). */
export function requestToDraft(r: RequestDraft): DraftFromRequest {
  const notes: string[] = [];
  const headers: HeaderRow[] = r.headers.map((h) => ({ name: h.name, value: h.value, enabled: h.enabled }));
  const { bodyDraft, text } = bodyFromRequest(r.body, headers, notes);
  const { connectMs, receiveMs, totalMs } = r.timeouts;
  if (connectMs !== undefined || receiveMs !== undefined) notes.push('Connect and receive timeouts are not in the composer: only the overall timeout is kept.');
  if (r.followRedirects && r.maxRedirects !== DEFAULT_MAX_REDIRECTS) notes.push(`The redirect limit of ${r.maxRedirects} is not in the composer: ${DEFAULT_MAX_REDIRECTS} applies.`);
  const draft: Draft = {
    method: r.method,
    url: r.url,
    headers: headers.length > 0 ? headers : [{ name: '', value: '', enabled: true }],
    body: text,
    bodyDraft,
    auth: { kind: 'none' },
    params: rowsForUrl(r.url, []),
    options: {
      engine: r.engine,
      timeoutS: totalMs !== undefined ? String(totalMs / 1000) : '',
      followRedirects: r.followRedirects,
      insecure: r.insecure,
      proxy: r.proxy ?? '',
    },
  };
  return { draft, notes };
}
