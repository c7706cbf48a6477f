// A RequestDraft → the HAR 1.2 request object (log.entries[].request): what code generators
// take, and what a HAR export of a draft holds. Headers are the enabled rows plus the
// Content-Type the core adds for form and multipart bodies (core/request-runner.ts), so
// the HAR says what is sent. Pure; no Buffer (the renderer runs it).
import type { RequestDraft } from './api.js';

export interface HarNameValue {
  name: string;
  value: string;
  comment?: string;
}

export interface HarCookie {
  name: string;
  value: string;
}

export interface HarParam {
  name: string;
  value?: string;
  fileName?: string;
  contentType?: string;
}

export interface HarPostData {
  mimeType: string;
  text?: string;
  params?: HarParam[];
  comment?: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  headersSize: number;
  bodySize: number;
  comment?: string;
}

export interface HarRequestOptions {
  /** The name of an uploaded file (the draft holds only its token). */
  fileName?: (token: string) => string;
  httpVersion?: string;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';
const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** The query string's parameters, decoded as servers decode them ('+' is a space). */
export function harQueryString(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** Cookie headers split into name=value pairs. */
export function harCookies(headers: readonly HarNameValue[]): HarCookie[] {
  return headers
    .filter((h) => h.name.toLowerCase() === 'cookie')
    .flatMap((h) => h.value.split(';'))
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { name: pair, value: '' } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
}

function decodeBase64Utf8(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

/** The post data and its size in bytes (-1: not known here, e.g. a file's). */
function postData(body: RequestDraft['body'], type: string | undefined, fileName: (token: string) => string): [HarPostData | undefined, number] {
  switch (body.kind) {
    case 'none':
      return [undefined, 0];
    case 'text':
      return [{ mimeType: type ?? '', text: body.text }, utf8Length(body.text)];
    case 'base64': {
      const text = decodeBase64Utf8(body.base64);
      return [{ mimeType: type ?? 'application/octet-stream', text }, atob(body.base64).length];
    }
    case 'form': {
      const fields = body.fields.filter((f) => f.enabled);
      const text = new URLSearchParams(fields.map((f) => [f.name, f.value])).toString();
      return [{ mimeType: type ?? FORM_TYPE, text, params: fields.map(({ name, value }) => ({ name, value })) }, utf8Length(text)];
    }
    case 'multipart': {
      const params = body.parts.map((p): HarParam =>
        p.kind === 'text' ? { name: p.name, value: p.value } : { name: p.name, fileName: p.filename || fileName(p.fileToken), ...(p.contentType ? { contentType: p.contentType } : {}) },
      );
      return [{ mimeType: type ?? 'multipart/form-data', params }, -1];
    }
    case 'file':
      return [{ mimeType: type ?? 'application/octet-stream', text: '', comment: `the body is the file ${fileName(body.fileToken)}` }, -1];
  }
}

/** The core adds these types when no enabled header names one. */
const IMPLIED_TYPE: Partial<Record<RequestDraft['body']['kind'], string>> = { form: FORM_TYPE, multipart: 'multipart/form-data' };

export function draftToHarRequest(draft: RequestDraft, opts: HarRequestOptions = {}): HarRequest {
  const headers: HarNameValue[] = draft.headers.filter((h) => h.enabled).map(({ name, value }) => ({ name, value }));
  const typeHeader = headers.find((h) => h.name.toLowerCase() === 'content-type');
  const implied = IMPLIED_TYPE[draft.body.kind];
  if (!typeHeader && implied) headers.push({ name: 'Content-Type', value: implied });
  const [data, bodySize] = postData(draft.body, typeHeader?.value ?? implied, opts.fileName ?? (() => 'file'));
  return {
    method: draft.method,
    url: draft.url,
    httpVersion: opts.httpVersion ?? 'HTTP/1.1',
    cookies: harCookies(headers),
    headers,
    queryString: harQueryString(draft.url),
    ...(data ? { postData: data } : {}),
    headersSize: -1,
    bodySize,
  };
}
