// One exchange of the history → HAR 1.2 entries, one per redirect hop or auth leg (as Chrome
// exports redirects; an auth leg's entry has `_authLeg`), timings derived from the native events by derivePhases, the raw events of
// each hop in `_inetscope`. Pure: the caller reads the body. Imports nothing of the app.
import type { RequestDraft } from '../../contract/request.js';
import type { InetEvent } from '../../contract/events.js';
import type { TlsFacts } from '../../contract/tls.js';
import { INETSCOPE_FIELD, TLS_FIELD, type HarContent, type HarEntry, type HarNameValue, type HarRequest, type HarResponse, type HarTimings } from './har.js';
import { harPostData } from './post-data.js';
import { bareAddress, bodyAsText, headerValue, parseHeaderBlock, queryString, requestCookies, responseCookies, toBase64 } from './text.js';
import { derivePhases, type HopPhases } from '../phases.js';
import { authLegs } from '../auth-legs.js';

type HeadersEvent = Extract<InetEvent, { type: 'headers' }>;
type FinishedEvent = Extract<InetEvent, { type: 'finished' }>;

/** The final response's body: its bytes, or why they are not in the HAR. */
/** The body for a HAR: its bytes, decoded where a Content-Encoding could be undone (then
 * `wireBytes` is the size as received), or why it is left out. */
export type HarBody = ({ bytes: Uint8Array; wireBytes?: number } | { omitted: string; decodedBytes?: number }) & { decodeError?: string };

interface ExchangeForHar {
  request: RequestDraft;
  events: InetEvent[];
  body: HarBody;
}

/** What `_inetscope` holds: enough to rebuild the history entry exactly (har-import.ts). */
interface InetscopeExtra {
  /** Which exchange of this file the entry belongs to (0, 1, 2…), and its hop of `hops`. */
  exchange: number;
  hop: number;
  hops: number;
  /** This hop's events, without the request id (a re-import mints a new one). */
  events: Array<Omit<InetEvent, 'id'>>;
  /** The request as composed: on the first hop only. */
  request?: RequestDraft;
  /** The final hop: why content.text is absent. */
  bodyOmitted?: string;
}

const ms = (x: number): number => Math.round(x * 1000) / 1000;

/** The HAR timings of one hop: connect includes ssl (HAR 1.2), -1 where a phase did not happen. */
export function hopTimings(p: HopPhases): { timings: HarTimings; time: number } {
  const opt = (v: number | undefined) => (v === undefined ? -1 : ms(v));
  const timings = {
    blocked: opt(p.blocked),
    dns: opt(p.dns),
    connect: p.connect === undefined ? -1 : ms(p.connect + (p.tls ?? 0)),
    ssl: opt(p.tls),
    send: ms(p.send ?? 0),
    wait: ms(p.wait ?? 0),
    receive: ms(p.receive ?? 0),
  };
  const parts = [timings.blocked, timings.dns, timings.connect, timings.send, timings.wait, timings.receive];
  return { timings, time: ms(parts.reduce((a, v) => a + Math.max(0, v), 0)) };
}

export function exchangeToHarEntries(x: ExchangeForHar, exchange: number): HarEntry[] {
  const started = x.events.find((e) => e.type === 'started');
  const finished = x.events.find((e): e is FinishedEvent => e.type === 'finished');
  const wallTime = started?.type === 'started' ? started.wallTime : 0;
  const phases = derivePhases(x.events).hops;
  const legs = new Map(authLegs(x.events).map((l) => [l.hop, l]));
  let url = started?.type === 'started' ? started.url : x.request.url;
  let server: { host: string; ip: string } | undefined;
  return phases.map((p, i) => {
    const events = x.events.filter((e) => e.hop === p.hop);
    const redirect = events.find((e) => e.type === 'native' && e.status === 'REDIRECT');
    const next = redirect?.type === 'native' && redirect.info?.url ? resolve(redirect.info.url, url) : '';
    const head = events.find((e): e is HeadersEvent => e.type === 'headers');
    const last = i === phases.length - 1;
    const leg = legs.get(p.hop);
    const { timings, time } = hopTimings(p);
    const extra: InetscopeExtra = {
      exchange, hop: p.hop, hops: phases.length, events: events.map(({ id: _id, ...rest }) => rest),
      ...(i === 0 ? { request: x.request } : {}),
      ...(last && 'omitted' in x.body ? { bodyOmitted: x.body.omitted } : {}),
    };
    const entry: HarEntry = {
      startedDateTime: new Date(wallTime + p.start).toISOString(),
      time,
      request: harRequest(url, head, events, x.request, i),
      response: harResponse(head, next, last ? x.body : undefined, last ? finished : undefined),
      cache: {},
      timings,
      ...serverAddress(events, p.reused && server?.host === hostOf(url) ? server.ip : undefined),
      // A 401/407 the engine answered: the next entry is the same URL again, with credentials.
      ...(leg ? { _authLeg: { status: leg.status, offered: leg.offered, ...(leg.answered ? { answered: leg.answered } : {}) } } : {}),
      ...proxyOf(events),
      ...tlsOf(events),
      [INETSCOPE_FIELD]: extra,
    };
    if (entry.serverIPAddress) server = { host: hostOf(url), ip: entry.serverIPAddress };
    url = next || url;
    return entry;
  });
}

/** `_tls`: the hop's TLS facts (the first connection's, should a hop have had two). */
function tlsOf(events: InetEvent[]): { [TLS_FIELD]?: TlsFacts } {
  const tls = events.find((e) => e.type === 'tls');
  return tls?.type === 'tls' ? { [TLS_FIELD]: tls.facts } : {};
}

function resolve(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The hop's PROXY_CHOSEN as `_proxy`. */
function proxyOf(events: InetEvent[]): Pick<HarEntry, '_proxy'> {
  const e = events.find((x) => x.type === 'native' && x.status === 'PROXY_CHOSEN');
  const info = e?.type === 'native' ? e.info : undefined;
  return info?.proxy && info.reason ? { _proxy: { proxy: info.proxy, reason: info.reason } } : {};
}

/** The hop's own connect events; a hop on a kept-alive connection to the same host: that connection's address. */
function serverAddress(events: InetEvent[], reusedIp: string | undefined): { serverIPAddress?: string } {
  for (const status of ['CONNECTED_TO_SERVER', 'NAME_RESOLVED']) {
    const e = events.find((x) => x.type === 'native' && x.status === status);
    const ip = bareAddress(e?.type === 'native' ? e.info?.address : undefined);
    if (ip) return { serverIPAddress: ip };
  }
  return reusedIp ? { serverIPAddress: reusedIp } : {};
}

/** What the engine reported as sent (the headers event's requestHeaders), else the draft. */
function harRequest(url: string, head: HeadersEvent | undefined, events: InetEvent[], draft: RequestDraft, hop: number): HarRequest {
  const sent = head?.requestHeaders ? parseHeaderBlock(head.requestHeaders) : undefined;
  const line = /^(\S+)\s+\S+\s+(HTTP\/\S+)/.exec(sent?.firstLine ?? '');
  const method = line?.[1] ?? (hop === 0 ? draft.method : 'GET');
  const headers: HarNameValue[] = sent?.headers ?? draft.headers.filter((h) => h.enabled).map((h) => ({ name: h.name, value: h.value }));
  const upload = events.filter((e) => e.type === 'upload').at(-1);
  const carriesBody = hop === 0 || (method === draft.method && !['GET', 'HEAD'].includes(method));
  const postData = carriesBody ? harPostData(draft) : undefined;
  return {
    method,
    url,
    httpVersion: line?.[2] ?? 'HTTP/1.1',
    cookies: requestCookies(headers),
    headers,
    queryString: queryString(url),
    ...(postData ? { postData } : {}),
    headersSize: head?.requestHeaders ? head.requestHeaders.length : -1,
    bodySize: upload?.type === 'upload' ? upload.bytes : postData ? -1 : 0,
  };
}

function harResponse(head: HeadersEvent | undefined, redirectURL: string, body: HarBody | undefined, finished: FinishedEvent | undefined): HarResponse {
  if (!head) {
    return {
      status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '', headersSize: -1, bodySize: -1,
      ...(finished?.error ? { _error: `${finished.error.code}: ${finished.error.message}` } : {}),
    };
  }
  const { headers } = parseHeaderBlock(head.rawHeaders);
  const mimeType = headerValue(headers, 'content-type') ?? 'x-unknown';
  return {
    status: head.statusCode,
    statusText: head.statusLine.replace(/^\S+\s+\d{3}\s?/, ''),
    httpVersion: head.httpVersion,
    cookies: responseCookies(headers),
    headers,
    content: body ? harContent(mimeType, body, finished, headerValue(headers, 'content-encoding')) : { size: 0, mimeType },
    redirectURL: redirectURL || (headerValue(headers, 'location') ?? ''),
    headersSize: head.rawHeaders.length,
    bodySize: body ? (finished?.bodyBytes ?? -1) : -1,
    ...(finished?.error ? { _error: `${finished.error.code}: ${finished.error.message}` } : {}),
  };
}

function harContent(mimeType: string, body: HarBody, finished: FinishedEvent | undefined, encoding: string | undefined): HarContent {
  // HAR 1.2: size is the decoded length and compression the bytes the coding saved.
  const decoded = 'bytes' in body && body.wireBytes !== undefined;
  const why = body.decodeError ? `; not decoded: ${body.decodeError}` : '';
  const note = encoding && encoding !== 'identity' && !decoded ? { comment: `bytes as received (Content-Encoding: ${encoding}${why})` } : {};
  if ('omitted' in body) {
    const wire = finished?.bodyBytes ?? 0;
    const sizes = body.decodedBytes !== undefined ? { size: body.decodedBytes, compression: body.decodedBytes - wire } : { size: wire };
    return { ...sizes, mimeType, comment: body.omitted };
  }
  const sizes = decoded ? { size: body.bytes.length, compression: body.bytes.length - (body.wireBytes as number) } : { size: body.bytes.length };
  const text = bodyAsText(mimeType, body.bytes);
  if (text !== undefined) return { ...sizes, mimeType, text, ...note };
  return { ...sizes, mimeType, text: toBase64(body.bytes), encoding: 'base64', ...note };
}
