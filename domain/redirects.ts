// curl -L's rules for the next hop of a redirect, as pure logic: where it goes (a relative
// Location resolved against the hop's URL), which method and body it carries (301/302 turn
// a POST into a GET, 303 anything but HEAD; 307/308 resend both), and which headers of the
// user's stay behind when it leaves the origin (Authorization and Cookie, unless trusted as
// with --location-trusted). The hop follower (engine/) applies them. Imports only the contract.
import type { EngineErrorInfo } from '../contract/events.js';

export const REDIRECT_STATUSES: readonly number[] = [300, 301, 302, 303, 307, 308];

/** A hop as these rules see it: headers are [name, value, ...flags] tuples, the body anything. */
export interface HopRequest<H extends readonly [string, string, ...unknown[]], B> {
  url: string;
  method: string;
  headers: H[];
  body?: B;
}

export type NextHop<H extends readonly [string, string, ...unknown[]], B> = { ok: true; next: HopRequest<H, B> } | { ok: false; error: EngineErrorInfo };

/** Headers that describe a body: gone with the body. */
const BODY_HEADERS = new Set(['content-type', 'content-length']);
/** The user's credentials for one origin: not sent to another. */
const ORIGIN_HEADERS = new Set(['authorization', 'cookie']);

/** Scheme, host and port: curl keeps credentials on a redirect only within them. */
function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.hostname === b.hostname && a.port === b.port;
}

/** The method after a redirect of this status, and whether the body goes with it. */
function methodAfter(status: number, method: string): { method: string; keepBody: boolean } {
  const upper = method.toUpperCase();
  if ((status === 301 || status === 302) && upper === 'POST') return { method: 'GET', keepBody: false };
  if (status === 303 && upper !== 'HEAD') return { method: upper === 'GET' ? method : 'GET', keepBody: upper === 'GET' };
  return { method, keepBody: true };
}

/** The request the redirect `status` with `location` from `hop` leads to, or why there is none. */
export function nextHop<H extends readonly [string, string, ...unknown[]], B>(
  hop: HopRequest<H, B>,
  status: number,
  location: string,
  opts: { trusted?: boolean } = {},
): NextHop<H, B> {
  let from: URL;
  let to: URL;
  try {
    from = new URL(hop.url);
    to = new URL(location, from);
  } catch {
    return { ok: false, error: { code: 'BAD_RESPONSE', name: 'BAD_LOCATION', message: `the redirect target ${JSON.stringify(location)} is not a valid URL` } };
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') {
    const scheme = to.protocol.replace(/:$/, '');
    return { ok: false, error: { code: 'UNSUPPORTED_SCHEME', name: 'REDIRECT_SCHEME', message: `the redirect to ${location} uses an unsupported scheme (${scheme})` } };
  }
  to.hash = '';
  const { method, keepBody } = methodAfter(status, hop.method);
  const leaves = !opts.trusted && !sameOrigin(from, to);
  const headers = hop.headers.filter(([name]) => {
    const key = name.trim().toLowerCase();
    return !(leaves && ORIGIN_HEADERS.has(key)) && !(!keepBody && BODY_HEADERS.has(key));
  });
  const next: HopRequest<H, B> = { url: to.href, method, headers };
  if (keepBody && hop.body !== undefined) next.body = hop.body;
  return { ok: true, next };
}

/** curl's error 47, in its words. */
export function tooManyRedirects(max: number): EngineErrorInfo {
  return { code: 'TOO_MANY_REDIRECTS', name: 'TOO_MANY_REDIRECTS', message: `Maximum (${max}) redirects followed` };
}
