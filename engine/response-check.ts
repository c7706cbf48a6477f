// Checks on a final response head that both engines apply, because the native stacks let
// these through (WinInet under Wine takes almost anything; libcurl takes the last of two
// different Content-Lengths): a reply that is not HTTP must not pass for a response.
import type { EngineErrorInfo } from '../contract/events.js';

const bad = (name: string, message: string): EngineErrorInfo => ({ code: 'BAD_RESPONSE', name, message });

/** As curl 7.88 reads a status line: HTTP/1.0, HTTP/1.1, HTTP/2 or HTTP/3, then a three-digit code. */
const STATUS_LINE = /^HTTP\/(?:1\.[01]|[23])[ \t]+\d{3}(?:[ \t]|$)/;

/** The problem with a final head (status line and raw header block), if any. */
export function responseHeadProblem(statusCode: number, rawHeaders: string, follow?: { url: string }): EngineErrorInfo | undefined {
  const statusLine = rawHeaders.split(/\r?\n/, 1)[0] ?? '';
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 999 || !STATUS_LINE.test(statusLine)) {
    return bad('BAD_STATUS_LINE', `the server's reply has no valid status line (${JSON.stringify(statusLine.slice(0, 80))})`);
  }
  if (statusCode < 200) return bad('NO_FINAL_RESPONSE', `the server sent an interim ${statusCode} response and no final one`);
  const lengths = [...rawHeaders.matchAll(/^content-length:([^\r\n]*)$/gim)].flatMap((m) => (m[1] ?? '').split(',').map((v) => v.trim()));
  const invalid = lengths.find((v) => !/^\d+$/.test(v));
  if (invalid !== undefined) return bad('BAD_CONTENT_LENGTH', `the server sent an invalid Content-Length (${JSON.stringify(invalid)})`);
  if (new Set(lengths.map(Number)).size > 1) return bad('BAD_CONTENT_LENGTH', `the server sent conflicting Content-Length headers (${lengths.join(', ')})`);
  const location = /^location:([^\r\n]*)$/im.exec(rawHeaders)?.[1]?.trim();
  if (follow && statusCode >= 300 && statusCode < 400 && location) {
    let scheme: string | undefined;
    try {
      scheme = new URL(location, follow.url).protocol;
    } catch {
      return bad('BAD_LOCATION', `the redirect target ${JSON.stringify(location)} is not a valid URL`);
    }
    if (scheme !== 'http:' && scheme !== 'https:') {
      return { code: 'UNSUPPORTED_SCHEME', name: 'REDIRECT_SCHEME', message: `the redirect to ${location} uses an unsupported scheme (${scheme.replace(/:$/, '')})` };
    }
  }
  return undefined;
}
