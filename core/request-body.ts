// A RequestDraft's body → the engine's body source: text and form as memory, a file by its
// token's path, multipart built into a temp file. Also says which Content-Type the body
// implies and what to clean up once the request is over.
import type { RequestDraft } from '../contract/request.js';
import type { BodySource } from '../engine/request-spec.js';
import { buildMultipart } from './multipart.js';
import type { Uploads } from './uploads.js';

/** What a body needs of the uploads: a token's file and a place for a built body (the run has no picked files). */
export type BodyFiles = Pick<Uploads, 'pathFor' | 'tempPath'>;

export interface PreparedBody {
  source?: BodySource;
  /** Added as Content-Type unless a header of the draft names one. */
  contentType?: string;
  /** Tokens used by this request (staged copies among them are removed after it). */
  stagedTokens: string[];
  /** A temp file made for this request (multipart). */
  temp?: string;
}

const memory = (bytes: Buffer): BodySource => ({ kind: 'memory', base64: bytes.toString('base64') });

/** The body kinds that need no I/O. Multipart must go through prepareBody. */
function syncBody(draft: RequestDraft, uploads: BodyFiles): PreparedBody {
  const b = draft.body;
  switch (b.kind) {
    case 'none':
      return { stagedTokens: [] };
    case 'text':
      return { source: memory(Buffer.from(b.text, 'utf8')), stagedTokens: [] };
    case 'base64':
      return { source: { kind: 'memory', base64: b.base64 }, stagedTokens: [] };
    case 'file':
      return { source: { kind: 'file', path: uploads.pathFor(b.fileToken) }, stagedTokens: [b.fileToken] };
    case 'form': {
      // URLSearchParams is the WHATWG form serializer: spaces as '+', UTF-8 percent-escapes.
      const pairs = b.fields.filter((f) => f.enabled && f.name !== '').map((f): [string, string] => [f.name, f.value]);
      const text = new URLSearchParams(pairs).toString();
      return { source: memory(Buffer.from(text, 'utf8')), contentType: 'application/x-www-form-urlencoded', stagedTokens: [] };
    }
    case 'multipart':
      throw new Error('a multipart body is built asynchronously (prepareBody)');
  }
}

export async function prepareBody(draft: RequestDraft, uploads: BodyFiles): Promise<PreparedBody> {
  const b = draft.body;
  if (b.kind !== 'multipart') return syncBody(draft, uploads);
  const temp = uploads.tempPath();
  const built = await buildMultipart(temp, b.parts, (token) => uploads.pathFor(token));
  const stagedTokens = b.parts.flatMap((p) => (p.kind === 'file' ? [p.fileToken] : []));
  return { source: { kind: 'file', path: temp }, contentType: built.contentType, stagedTokens, temp };
}
