// A RequestDraft → the HAR 1.2 request object (log.entries[].request) before anything was
// sent: what code generators take. The body, query and cookies come from the HAR export's
// own helpers (har-post-data.ts, har-text.ts); the headers are the enabled rows plus the
// Content-Type the core adds for form and multipart bodies (core/request-runner.ts), so the
// HAR says what would be sent. Pure; no Buffer (the renderer runs it).
import type { RequestDraft } from '../../contract/request.js';
import type { HarRequest } from './har.js';
import { harPostData } from './post-data.js';
import { fromBase64, queryString, requestCookies } from './text.js';

export type { HarRequest };

const FORM_TYPE = 'application/x-www-form-urlencoded';
/** The core adds these types when no enabled header names one. */
const IMPLIED_TYPE: Partial<Record<RequestDraft['body']['kind'], string>> = { form: FORM_TYPE, multipart: 'multipart/form-data' };

/** Bytes of the body as sent; -1 where not known here (a file's, a multipart body's). */
function bodySize(body: RequestDraft['body'], text: string | undefined): number {
  if (body.kind === 'none') return 0;
  if (body.kind === 'base64') return fromBase64(body.base64).length;
  if (body.kind === 'text' || body.kind === 'form') return new TextEncoder().encode(text ?? '').length;
  return -1;
}

export function draftToHarRequest(draft: RequestDraft, opts: { httpVersion?: string } = {}): HarRequest {
  const headers = draft.headers.filter((h) => h.enabled).map(({ name, value }) => ({ name, value }));
  const implied = IMPLIED_TYPE[draft.body.kind];
  if (implied && !headers.some((h) => h.name.trim().toLowerCase() === 'content-type')) headers.push({ name: 'Content-Type', value: implied });
  const postData = harPostData(draft);
  return {
    method: draft.method,
    url: draft.url,
    httpVersion: opts.httpVersion ?? (draft.httpVersion ? `HTTP/${draft.httpVersion.replace('-prior-knowledge', '')}` : 'HTTP/1.1'),
    cookies: requestCookies(headers),
    headers,
    queryString: queryString(draft.url),
    ...(postData ? { postData } : {}),
    headersSize: -1,
    bodySize: bodySize(draft.body, postData?.text),
  };
}
