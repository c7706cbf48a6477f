// What the response panes show of one request, folded from its events.
import type { InetEvent } from '../../../contract/events.js';
import { proxySummary } from '../../../domain/proxy.js';

type Ev<T extends InetEvent['type']> = Extract<InetEvent, { type: T }>;

export interface ResponseInfo {
  started?: { engine: string; method: string; url: string; wallTime: number };
  /** The last hop's headers (a followed redirect replaces the earlier ones). */
  status?: { code: number; line: string; httpVersion: string };
  rawHeaders?: string;
  requestHeaders?: string;
  contentLength?: number;
  /** Body bytes received so far and the expected total, when known. */
  bodyBytes: number;
  bodyTotal?: number;
  uploadBytes: number;
  uploadTotal?: number;
  finished?: Pick<Ev<'finished'>, 'ok' | 'error' | 'statusCode' | 'bodyBytes' | 'uploadBytes' | 'engineTimings'> & { t: number };
  /** Time of the last event, ms since the start. */
  lastT: number;
  /** Round trips so far (hops: redirects and auth legs each start one), and how many of each. */
  hops: number;
  authLegs: number;
  redirects: number;
  /** The last hop's route as words: "via proxy …", "direct", "direct (proxy bypassed)" (PROXY_CHOSEN). */
  route?: string;
  /** Each hop's tls event, in hop order (a hop over TLS has one). */
  tls?: Ev<'tls'>[];
  /** The core answered that this request waits for its engine's host to start. */
  engineStarting?: string;
}

export const emptyResponse = (): ResponseInfo => ({ bodyBytes: 0, uploadBytes: 0, lastT: 0, hops: 0, authLegs: 0, redirects: 0 });

/** Folds one event into a response (a new object; the input is not changed). */
export function foldEvent(r: ResponseInfo, e: InetEvent): ResponseInfo {
  const next: ResponseInfo = { ...r, lastT: Math.max(r.lastT, e.t), hops: Math.max(r.hops ?? 0, e.hop + 1) };
  switch (e.type) {
    case 'started':
      next.started = { engine: e.engine, method: e.method, url: e.url, wallTime: e.wallTime };
      break;
    case 'headers':
      next.status = { code: e.statusCode, line: e.statusLine, httpVersion: e.httpVersion };
      next.rawHeaders = e.rawHeaders;
      next.requestHeaders = e.requestHeaders;
      next.contentLength = e.contentLength;
      next.bodyBytes = 0;
      next.bodyTotal = e.contentLength;
      break;
    case 'body':
      next.bodyBytes = e.bytes;
      next.bodyTotal = e.total ?? next.bodyTotal;
      break;
    case 'upload':
      next.uploadBytes = e.bytes;
      next.uploadTotal = e.total;
      break;
    case 'finished':
      next.finished = {
        ok: e.ok,
        error: e.error,
        statusCode: e.statusCode,
        bodyBytes: e.bodyBytes,
        uploadBytes: e.uploadBytes,
        engineTimings: e.engineTimings,
        t: e.t,
      };
      next.bodyBytes = e.bodyBytes;
      break;
    case 'tls':
      next.tls = [...(r.tls ?? []), e];
      break;
    case 'native':
      if (e.status === 'AUTH_LEG') next.authLegs = (r.authLegs ?? 0) + 1;
      if (e.status === 'REDIRECT') next.redirects = (r.redirects ?? 0) + 1;
      if (e.status === 'PROXY_CHOSEN' && e.info?.proxy && e.info.reason) next.route = proxySummary({ proxy: e.info.proxy, reason: e.info.reason });
      break;
  }
  return next;
}
