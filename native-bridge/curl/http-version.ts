// The HTTP version a request asks libcurl for (CURLOPT_HTTP_VERSION, as curl's --http1.0
// … --http3 set it) and the one libcurl reports it got (CURLINFO_HTTP_VERSION). Pure.
import type { EngineErrorInfo } from '../../contract/events.js';
import type { HttpVersionChoice } from '../../contract/request.js';

/** CURL_HTTP_VERSION_*: --http2 is 2_0 (h2 by ALPN over TLS, an h2c Upgrade offer over http://), as in curl. */
export const CURL_HTTP_VERSION: Record<HttpVersionChoice, number> = {
  '1.0': 1,
  '1.1': 2,
  '2': 3,
  '2-prior-knowledge': 5,
  '3': 30,
};

const USED: Record<number, string> = { 1: 'HTTP/1.0', 2: 'HTTP/1.1', 3: 'HTTP/2', 30: 'HTTP/3' };

/** CURLINFO_HTTP_VERSION's value as a status line spells it; undefined for 0 (no response). */
export function usedVersion(info: number): string | undefined {
  return USED[info];
}

/** A version this libcurl was built without, refused by name before anything is sent. */
export function versionRefusal(choice: HttpVersionChoice | undefined, features: readonly string[], stack: string): EngineErrorInfo | undefined {
  const needs = choice === '3' ? 'HTTP3' : choice === '2' || choice === '2-prior-knowledge' ? 'HTTP2' : undefined;
  if (!needs || features.includes(needs)) return undefined;
  const name = choice === '3' ? 'HTTP3_UNSUPPORTED' : 'HTTP2_UNSUPPORTED';
  const version = choice === '3' ? 'HTTP/3' : 'HTTP/2';
  return { code: 'BAD_REQUEST', name, message: `${version} is not available: this libcurl (${stack}) was built without ${needs}; ask for another HTTP version` };
}
