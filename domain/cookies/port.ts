// What a request's sender needs of a cookie jar: the Cookie header for a URL, and a place
// for the Set-Cookie headers of a response. The engine's hop follower takes this, the
// workspace jar (jar.ts) is it.
import type { CookieOutcome } from '../../contract/cookies.js';

export interface CookieHeader {
  /** The Cookie header's value, RFC 6265 order (longer paths first, then older first). */
  value: string;
  /** The cookies' names, in that order. */
  names: string[];
}

export interface CookiePort {
  /** The cookies a request to `url` carries now; undefined when none. */
  cookieHeader(url: string): CookieHeader | undefined;
  /** Stores the Set-Cookie header values of a response from `url`: what happened to each. */
  store(url: string, setCookies: readonly string[]): CookieOutcome[];
}

/** The jars of the open workspaces, one each: what the request runner asks for a send. */
export interface CookieJars {
  jarFor(workspaceId: string): CookiePort;
}
