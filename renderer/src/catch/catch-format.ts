// Pure helpers of the Catch panel: a line of text per server-side event, and a caught
// request turned into a composer draft (pointing at a URL the user can edit).
import type { CatchEvent, CaughtSummary } from '../../../contract/catch.js';
import { emptyBody } from '../composer/body-model.js';
import { parseParams } from '../composer/url-params.js';
import { emptyDraft, type Draft, type Engine } from '../composer/draft.js';

export function catchEventInfo(e: CatchEvent): string {
  switch (e.type) {
    case 'CONNECTION_ACCEPTED':
    case 'CONNECTION_REUSED':
      return `connection #${e.connection} from ${e.remoteAddress}:${e.remotePort}`;
    case 'REQUEST_HEADERS_READ':
      return `${e.method} ${e.path} HTTP/${e.httpVersion}, ${e.headers.length} headers`;
    case 'BODY_CHUNK_READ':
      return `${e.bytes} bytes (${e.total} so far)`;
    case 'BODY_READ_COMPLETE':
      return `${e.total} bytes, sha256 ${e.sha256}`;
    case 'RULE_MATCHED':
      return e.rule < 0 ? `no rule: ${e.response}` : `rule ${e.rule + 1}: ${e.response}`;
    case 'RESPONSE_DELAYED':
      return `${e.ms} ms before the headers`;
    case 'RESPONSE_HEADERS_WRITTEN':
      return `${e.statusCode}, ${e.headers.length} headers`;
    case 'BODY_WRITE_COMPLETED':
      return `${e.bytes} bytes (${e.total} so far)`;
    case 'FILE_TRANSMITTED':
      return `bytes ${e.start}-${e.end}/${e.size} (${e.bytes} bytes), ${e.zeroCopy ? 'zero-copy' : 'streamed'}`;
    case 'CLIENT_ABORTED':
      return `the client went away during the ${e.phase}, after ${e.bytes} bytes`;
    case 'SERVER_ERROR':
      return e.message;
    case 'SESSION_DONE':
      return `${e.outcome}${e.statusCode !== undefined ? ` ${e.statusCode}` : ''}: ${e.bytesRead} bytes read, ${e.bytesWritten} written`;
    case 'CONNECTION_CLOSED':
      return `connection #${e.connection}`;
    case 'LIMIT_EXCEEDED':
      return `over the ${e.limit === 'body' ? 'body' : 'total'} limit of ${e.max} bytes after ${e.bytes} bytes: answered 413`;
    case 'CLIENT_TIMEOUT':
      return `no byte of the body for ${e.idleMs} ms, after ${e.bytes} bytes: answered 408`;
    case 'HOST_REFUSED':
      return `Host ${JSON.stringify(e.host)} is not answered (DNS rebinding guard): 403`;
  }
}

/** Headers the engine sets itself (or that would lie about a new body). */
const OWN_HEADERS = /^(host|content-length|transfer-encoding|connection|keep-alive|expect)$/i;

/** Where a composed request points: the Host it was sent to (or the catch server), then its path. */
export function composeUrl(s: CaughtSummary, serverUrl: string | undefined): string {
  const host = s.headers.find(([k]) => k.toLowerCase() === 'host')?.[1];
  const base = host ? `http://${host}` : (serverUrl ?? 'http://127.0.0.1').replace(/\/$/, '');
  return `${base}${s.path.startsWith('/') ? s.path : `/${s.path}`}`;
}

export type ComposedBody = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'file'; fileToken: string; size: number; name: string };

/** A draft for a new tab: method, URL, the headers that arrived (less the engine's own), the body. */
export function composeDraft(s: CaughtSummary, url: string, body: ComposedBody, engine?: Engine): Draft {
  const d = emptyDraft(engine);
  const headers = s.headers.filter(([k]) => !OWN_HEADERS.test(k)).map(([name, value]) => ({ name, value, enabled: true }));
  const draft: Draft = { ...d, method: s.method, url, params: parseParams(url), headers: [...headers, { name: '', value: '', enabled: true }] };
  if (body.kind === 'text') return { ...draft, body: body.text, bodyDraft: { ...emptyBody(), mode: 'raw', rawType: 'text' } };
  if (body.kind === 'file') return { ...draft, bodyDraft: { ...emptyBody(), mode: 'binary', binary: { name: body.name, size: body.size, fileToken: body.fileToken } } };
  return { ...draft, bodyDraft: { ...emptyBody(), mode: 'none' } };
}

/** Up to this size, a body that decodes as UTF-8 goes into the raw editor; larger or binary ones are sent from the caught file. */
export const TEXT_BODY_MAX = 256 * 1024;

export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
