// A request as pm.request shows it (Postman's request JSON), what a pre-request script changed
// in it (URL, method, headers, a text, urlencoded or text form-data body) applied back to the
// draft, and a response as pm.response takes it. Both sides go through the postman-collection
// SDK, so a field counts as changed only if the script really changed it.
import postman from 'postman-collection';
import { SentRequestSchema, type RequestDraft, type SentRequest } from '../../contract/request.js';
import { CommandFailure } from '../command-failure.js';
import { firstIssue } from '../../contract/zod-issue.js';

type Body = RequestDraft['body'];
interface PmRow {
  key?: string | null;
  value?: unknown;
  disabled?: boolean;
  type?: string;
}

/** The response body a test script sees is cut to this many bytes (pm.response.text()). */
export const MAX_SCRIPT_BODY_BYTES = 4 * 1024 * 1024;

function pmBody(body: Body): object | undefined {
  switch (body.kind) {
    case 'text':
      return { mode: 'raw', raw: body.text };
    case 'base64':
      return { mode: 'raw', raw: Buffer.from(body.base64, 'base64').toString('latin1') };
    case 'form':
      return { mode: 'urlencoded', urlencoded: body.fields.map((f) => ({ key: f.name, value: f.value, disabled: !f.enabled })) };
    case 'multipart':
      return { mode: 'formdata', formdata: body.parts.flatMap((p) => (p.kind === 'text' ? [{ key: p.name, value: p.value, type: 'text' }] : [])) };
    default:
      return undefined;
  }
}

export function pmRequestOf(draft: RequestDraft): Record<string, unknown> {
  const body = pmBody(draft.body);
  return { url: draft.url, method: draft.method, header: draft.headers.map((h) => ({ key: h.name, value: h.value, ...(h.enabled ? {} : { disabled: true }) })), ...(body ? { body } : {}) };
}

interface Normal {
  url: string;
  method: string;
  headers: PmRow[];
  body: { mode?: string; raw?: string; urlencoded?: PmRow[]; formdata?: PmRow[] } | undefined;
}

function normal(json: unknown): Normal {
  const r = new postman.Request(json as ConstructorParameters<typeof postman.Request>[0]);
  const body = r.body ? (r.body.toJSON() as Normal['body']) : undefined;
  return { url: r.url.toString(), method: (r.method || 'GET').toUpperCase(), headers: (r.headers.all() as PmRow[]).map((h) => ({ key: h.key ?? '', value: h.value, ...(h.disabled ? { disabled: true } : {}) })), body };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function draftBody(b: Normal['body'], kept: Body): Body {
  if (!b?.mode) return { kind: 'none' };
  if (b.mode === 'raw') return b.raw ? { kind: 'text', text: b.raw } : { kind: 'none' };
  if (b.mode === 'urlencoded') return { kind: 'form', fields: (b.urlencoded ?? []).map((f) => ({ name: f.key ?? '', value: text(f.value), enabled: f.disabled !== true })) };
  if (b.mode === 'formdata') {
    const files = kept.kind === 'multipart' ? kept.parts.filter((p) => p.kind === 'file') : [];
    const parts = [...(b.formdata ?? []).filter((f) => f.type !== 'file' && f.key).map((f) => ({ kind: 'text' as const, name: f.key as string, value: text(f.value) })), ...files];
    return parts.length > 0 ? { kind: 'multipart', parts } : { kind: 'none' };
  }
  return kept;
}

/** The draft with what the script changed in pm.request (from `before`, what it was given, to `after`). */
export function withScriptChanges(draft: RequestDraft, before: Record<string, unknown>, after: unknown): RequestDraft {
  if (after === undefined || after === null) return draft;
  const was = normal(before);
  const now = normal(after);
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  return {
    ...draft,
    ...(now.url !== was.url ? { url: now.url } : {}),
    ...(now.method !== was.method ? { method: now.method } : {}),
    ...(!same(now.headers, was.headers) ? { headers: now.headers.map((h) => ({ name: h.key ?? '', value: text(h.value), enabled: h.disabled !== true })) } : {}),
    ...(!same(now.body, was.body) ? { body: draftBody(now.body, draft.body) } : {}),
  };
}

export interface ResponseInput {
  status: number | undefined;
  /** The status line's reason phrase ("OK"). */
  reason: string;
  headers: ReadonlyArray<{ name: string; value: string }>;
  /** The body's first MAX_SCRIPT_BODY_BYTES. */
  body: Buffer;
  timeMs: number;
}

export function pmResponseOf(r: ResponseInput): Record<string, unknown> {
  return {
    code: r.status ?? 0,
    status: r.reason,
    header: r.headers.map((h) => ({ key: h.name, value: h.value })),
    stream: { type: 'Buffer', data: [...r.body] },
    responseTime: Math.round(r.timeMs),
  };
}

/** The template as a sent request (a pre-request script may have made what the contract refuses). */
export function sentOf(draft: RequestDraft): SentRequest {
  const parsed = SentRequestSchema.safeParse(draft);
  if (parsed.success) return parsed.data;
  const { where, message } = firstIssue(parsed.error, 'input');
  throw new CommandFailure('BAD_REQUEST', `after its pre-request scripts, the request's ${where} is refused: ${message}`);
}
