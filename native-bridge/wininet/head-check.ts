// What makes a final WinInet response head unusable, checked before its body is read.
import type { EngineErrorInfo } from '../../contract/events.js';
import { responseHeadProblem } from '../../engine/response-check.js';
import type { ResponseHead } from './query.js';
import { cutHeaderLine, madeUpHead, UNDER_WINE } from './wine-quirks.js';

/**
 * WinInet frames a body as chunked only when Transfer-Encoding is exactly "chunked" (any
 * other value falls back to Content-Length or the close), and neither engine decodes a
 * transfer coding: one other than chunked or identity is refused, as curl refuses it (61).
 */
function transferEncodingProblem(rawHeaders: string): EngineErrorInfo | undefined {
  const values = [...rawHeaders.matchAll(/^transfer-encoding:([^\r\n]*)$/gim)].map((m) => (m[1] ?? '').trim());
  const codings = values.flatMap((v) => v.split(',').map((c) => c.trim().toLowerCase()));
  const unknown = codings.find((c) => c !== 'chunked' && c !== 'identity');
  const chunked = codings.filter((c) => c === 'chunked').length;
  if (unknown === undefined && (chunked === 0 || (codings.length === 1 && values.length === 1))) return undefined;
  const what = unknown !== undefined ? `the transfer coding ${JSON.stringify(unknown)}` : `Transfer-Encoding ${JSON.stringify(values.join(', '))}`;
  return { code: 'BAD_RESPONSE', name: 'UNKNOWN_TRANSFER_ENCODING', message: `the server sent ${what}, which the WinInet engine cannot decode` };
}

/** `follow`: the request's URL when redirects are followed (a Location is then checked). */
export function headProblem(head: ResponseHead, follow?: { url: string }): EngineErrorInfo | undefined {
  return (
    madeUpHead(UNDER_WINE, head) ??
    responseHeadProblem(head.statusCode, head.rawHeaders, follow) ??
    transferEncodingProblem(head.rawHeaders) ??
    cutHeaderLine(UNDER_WINE, head.rawHeaders)
  );
}
