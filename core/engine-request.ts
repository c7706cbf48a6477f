// The one conversion of a resolved request (a RequestDraft) to the engine's spec, shared by
// the app's send, the collection runner and the OAuth token request: what the contract's
// shape cannot say (the URL, the method and headers as HTTP tokens) is checked here, once.
import type { RequestDraft } from '../contract/request.js';
import { checkUrlInput } from '../domain/url.js';
import { BadRequestSpec, parseRequestSpec, type ClientCert, type RequestSpecInput, type ValidRequestSpec } from '../engine/request-spec.js';
import { CommandFailure } from './command-failure.js';
import type { BodyFiles, PreparedBody } from './request-body.js';

/** A resolved request as it is sent: its URL as the composer reads it (no scheme: http://,
 * refused with the composer's message), and a CA file only if chosen in this session. */
export function sendableDraft(request: RequestDraft): RequestDraft {
  const url = checkUrlInput(request.url);
  if (!url.ok) throw new CommandFailure('BAD_REQUEST', url.message);
  const draft = { ...request, url: url.url };
  if (draft.caFileName && !draft.caFileToken) throw new CommandFailure('BAD_REQUEST', `the CA file ${JSON.stringify(draft.caFileName)} is not chosen in this session: choose it again`);
  const cert = draft.clientCert;
  if (cert && !cert.certToken) throw new CommandFailure('BAD_REQUEST', `the client certificate ${JSON.stringify(cert.certName)} is not chosen in this session: choose it again`);
  if (cert?.keyName && !cert.keyToken) throw new CommandFailure('BAD_REQUEST', `the client key ${JSON.stringify(cert.keyName)} is not chosen in this session: choose it again`);
  return draft;
}

/**
 * A draft's auth for the engine: bearer is its header (pushed here, unless an Authorization
 * header is enabled: the user's own wins); every scheme with credentials goes to the engine,
 * Basic too (it sends it on the first request, as curl does).
 */
function authOf(auth: RequestDraft['auth'], headers: Array<[string, string]>): RequestSpecInput['auth'] {
  if (!auth) return undefined;
  const own = headers.some(([n]) => n.trim().toLowerCase() === 'authorization');
  // OAuth 2.0's header is in already (withOAuthHeader).
  if (auth.kind === 'oauth2') return undefined;
  if (auth.kind === 'bearer') {
    if (!own && auth.token.trim() !== '') headers.push(['Authorization', `Bearer ${auth.token.trim()}`]);
    return undefined;
  }
  return own && auth.kind === 'basic' ? undefined : { scheme: auth.kind, user: auth.user, password: auth.password };
}

/**
 * The one conversion of a sent request to the engine's: enabled headers only; the body as
 * prepareBody made it, its Content-Type added unless a header names one (the user's explicit
 * choice wins); redirects and the rest as sent, or the engine's defaults where the page said
 * nothing. Parsed once here (BAD_REQUEST naming the problem).
 */
export function toEngineRequest(draft: RequestDraft, uploads: Pick<BodyFiles, 'pathFor'>, sinkPath: string, body: PreparedBody, hostCert?: ClientCert): ValidRequestSpec {
  const headers = draft.headers.filter((h) => h.enabled).map((h): [string, string] => [h.name, h.value]);
  const auth = authOf(draft.auth, headers);
  if (body.contentType && !headers.some(([n]) => n.trim().toLowerCase() === 'content-type')) headers.push(['Content-Type', body.contentType]);
  const input: RequestSpecInput = {
    url: draft.url,
    method: draft.method,
    headers,
    ...(body.source ? { body: body.source } : {}),
    // What arrived before a cancel or a failure stays viewable (history shows it as partial).
    sink: { kind: 'file', path: sinkPath, keepPartial: true },
    followRedirects: draft.followRedirects,
    maxRedirects: draft.maxRedirects,
    timeouts: draft.timeouts,
    ...(draft.proxy ? { proxy: draft.proxy } : {}),
    ...(draft.noProxy !== undefined && draft.noProxy.trim() !== '' ? { noProxy: draft.noProxy } : {}),
    ...(draft.proxyAuth ? { proxyAuth: draft.proxyAuth } : {}),
    insecure: draft.insecure,
    ...(draft.httpVersion ? { httpVersion: draft.httpVersion } : {}),
    ...(draft.caFileToken ? { caFile: uploads.pathFor(draft.caFileToken) } : {}),
    ...(auth ? { auth } : {}),
    ...(hostCert ? { clientCert: hostCert } : clientCertSpec(draft, uploads)),
  };
  try {
    return parseRequestSpec(input);
  } catch (e) {
    if (e instanceof BadRequestSpec) throw new CommandFailure('BAD_REQUEST', e.message);
    throw e;
  }
}

/** The client certificate's files by their tokens (sendableDraft made sure they are chosen). */
function clientCertSpec(draft: RequestDraft, uploads: Pick<BodyFiles, 'pathFor'>): Pick<RequestSpecInput, 'clientCert'> {
  const c = draft.clientCert;
  if (!c?.certToken) return {};
  const password = c.password !== undefined ? { password: c.password } : {};
  return { clientCert: { certPath: uploads.pathFor(c.certToken), ...(c.keyToken ? { keyPath: uploads.pathFor(c.keyToken) } : {}), type: c.type, ...password } };
}
