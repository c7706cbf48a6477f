// A workspace (or a folder) as HAR 1.2: one entry per saved request in collection order,
// the request as it would be sent now: its {{variables}} resolved against the workspace's,
// its folders' and the chosen environment's (the core's one resolution), built-ins such as
// {{$guid}} kept as written (an export is not a send), each secret's value written as
// {{name}} unless the export includes secrets. A HAR request needs a URL, so a request
// whose variables do not all resolve keeps its template, braces percent-encoded in the URL,
// with a comment naming what did not resolve. The response is the latest one the history
// has from that saved request (its final hop, with that exchange's timings); a request never
// sent from the workspace gets status 0 with `_notSent` (HAR 1.2 requires a response).
import { draftToHarRequest } from '../../domain/har/request.js';
import type { HarEntry } from '../../domain/har/har.js';
import { maskStrings, secretMasker } from '../../domain/secret-mask.js';
import { BUILTINS, resolveRequest, type Builtins } from '../../domain/variables.js';
import type { ExportNote } from '../../contract/export.js';
import type { RequestDraft } from '../../contract/request.js';
import type { VariableLayer } from '../../contract/variables.js';
import type { SourceRequest } from './collection-source.js';
import type { LatestResponse } from './har-responses.js';

/** Built-ins stay templates: their values are made per send. */
const KEEP_BUILTINS: Builtins = Object.fromEntries(Object.keys(BUILTINS).map((k) => [k, () => `{{${k}}}`]));

export const NOT_SENT = 'no response: the history has none from this saved request (send it once to include one)';

/** `{` and `}` (templates, masked secrets) are not allowed in a URI: percent-encoded. */
const uriSafe = (url: string): string => url.replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D'));

export interface HarRequestOptions {
  includeSecrets: boolean;
  now: Date;
}

/** The HAR entry of one saved request, given its scopes (layersFor of its path). */
export function harEntryOf(item: SourceRequest, layers: readonly VariableLayer[], latest: LatestResponse | undefined, opts: HarRequestOptions, notes: ExportNote[]): HarEntry {
  const r = resolveRequest(item.saved.request, layers, KEEP_BUILTINS);
  let draft: RequestDraft = item.saved.request;
  let comment: string | undefined;
  if (r.ok) {
    const mask = opts.includeSecrets ? undefined : secretMasker(r.secrets);
    draft = mask && r.secrets.length > 0 ? maskStrings(r.request, mask) : r.request;
  } else {
    comment = `not resolved: ${r.problems.map((p) => p.message).join('; ')}`;
    notes.push({ path: item.path, note: `written as its template (${comment})` });
  }
  const request = draftToHarRequest(draft);
  const { historyId, ...exchange } = latest ?? notSent(opts.now);
  return {
    ...exchange,
    request: { ...request, url: uriSafe(withScheme(request.url)) },
    cache: {},
    comment: `${item.saved.name} (${item.path})${comment ? `: ${comment}` : ''}`,
    _inetscopeSaved: { path: item.path, name: item.saved.name, ...(historyId ? { response: historyId } : {}) },
  };
}

function notSent(now: Date): LatestResponse {
  return {
    historyId: '',
    startedDateTime: now.toISOString(),
    time: 0,
    response: {
      status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '', headersSize: -1, bodySize: -1, _notSent: NOT_SENT,
    },
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0 },
  };
}

/** The app's URL rule: no scheme means http:// (domain/url.ts). */
function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `http://${url.trim()}`;
}
