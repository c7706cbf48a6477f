// The composer's editable draft and its conversion to the contract's RequestDraft. The core
// validates what is sent (contract/api.ts); the checks here are the composer's own feedback.
import type { RequestDraft } from '../../../contract/request.js';
import type { ComposerDraft as Draft, Engine } from '../../../contract/composer-draft.js';
import { bodyToContract, emptyBody, impliedHeaders, type BodyResult } from './body-model.js';
import { checkUrlInput } from '../../../domain/url.js';
import { hasVariables } from '../../../domain/variables.js';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

// The draft's shape is the contract's (contract/composer-draft.ts), so a tab session the
// core keeps is checked with the same schemas.
export type { ComposerDraft as Draft, DraftOptions, Engine, KeyValueRow as HeaderRow } from '../../../contract/composer-draft.js';

/** The composer's defaults, sent with every request (the options pane shows followRedirects). */
export const COMPOSER_DEFAULTS = { followRedirects: true, maxRedirects: 20, insecure: false, sendCookies: true } as const;

export function emptyDraft(engine: Engine = 'auto'): Draft {
  return {
    method: 'GET',
    url: '',
    headers: [{ name: '', value: '', enabled: true }],
    body: '',
    bodyDraft: emptyBody(),
    auth: { kind: 'none' },
    params: [],
    options: { engine, timeoutS: '', followRedirects: COMPOSER_DEFAULTS.followRedirects, insecure: COMPOSER_DEFAULTS.insecure, proxy: '', sendCookies: COMPOSER_DEFAULTS.sendCookies },
  };
}

/** GET and HEAD carry no body; every other method (custom ones too) may. */
export function methodHasBody(method: string): boolean {
  const m = method.trim().toUpperCase();
  return m !== 'GET' && m !== 'HEAD';
}

export type DraftResult = { ok: true; request: RequestDraft } | { ok: false; message: string };

/** The URL check's message as a sentence for the composer. */
export const urlMessage = (m: string): string => `${m.charAt(0).toUpperCase()}${m.slice(1)}.`;

/** The composer's live check of the URL field: undefined while empty or fine. A URL holding
 * `{{variables}}` is a template: the core checks it once they are resolved. */
export function urlFieldProblem(url: string): string | undefined {
  if (url.trim() === '' || hasVariables(url)) return undefined;
  const r = checkUrlInput(url);
  return r.ok ? undefined : urlMessage(r.message);
}

function normalizeMethod(method: string): string {
  const m = method.trim();
  return (METHODS as readonly string[]).includes(m.toUpperCase()) ? m.toUpperCase() : m;
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
  const checked = hasVariables(draft.url) ? { ok: true as const, url: draft.url.trim() } : checkUrlInput(draft.url);
  if (!checked.ok) return { ok: false, message: urlMessage(checked.message) };
  const url = checked.url;
  const totalMs = parseTimeout(draft.options.timeoutS);
  if (totalMs instanceof Error) return { ok: false, message: totalMs.message };
  const headers = draft.headers
    .filter((h) => h.name.trim() !== '')
    .map((h) => ({ name: h.name.trim(), value: h.value, enabled: h.enabled }));
  const proxy = draft.options.proxy.trim();
  const b: BodyResult = methodHasBody(method) ? bodyToContract(draft.bodyDraft ?? emptyBody(), draft.body, pending) : { ok: true, body: { kind: 'none' } };
  if (!b.ok) return { ok: false, message: b.message };
  const body = b.body;
  const auth = draft.auth ?? { kind: 'none' };
  // The page encodes basic auth (base64), so the core could not resolve a reference in it.
  if (auth.kind === 'basic' && (hasVariables(auth.user) || hasVariables(auth.password))) {
    return { ok: false, message: 'Basic auth cannot hold {{variables}} (the page encodes it): add an Authorization header "Basic {{name}}" with the encoded value, or use a bearer token.' };
  }
  headers.push(...impliedHeaders(headers, b.contentType, auth));
  const { caFile, engine, followRedirects, insecure, sendCookies, httpVersion } = draft.options;
  const carried = draft.carried ?? {};
  const request: RequestDraft = {
    url,
    method,
    headers,
    body,
    engine,
    followRedirects,
    maxRedirects: carried.maxRedirects ?? COMPOSER_DEFAULTS.maxRedirects,
    insecure,
    ...(httpVersion ? { httpVersion } : {}),
    ...(caFile ? { caFileName: caFile.name, ...(caFile.fileToken ? { caFileToken: caFile.fileToken } : {}) } : {}),
    timeouts: { ...(carried.connectMs ? { connectMs: carried.connectMs } : {}), ...(carried.receiveMs ? { receiveMs: carried.receiveMs } : {}), ...(totalMs === undefined ? {} : { totalMs }) },
    ...(proxy ? { proxy } : {}),
    ...(auth.kind === 'oauth2' ? { auth } : {}),
    // Only when off: a saved request says so, and one made before the switch sends them.
    ...(sendCookies === false ? { sendCookies: false } : {}),
  };
  return { ok: true, request };
}
