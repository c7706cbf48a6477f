// CURLcode → names, stable error codes and messages (libcurl's own strerror text).
import type { EngineErrorInfo, ErrorCode } from '../../contract/events.js';

const TABLE: Record<number, [name: string, code: ErrorCode]> = {
  1: ['CURLE_UNSUPPORTED_PROTOCOL', 'UNSUPPORTED_SCHEME'],
  3: ['CURLE_URL_MALFORMAT', 'BAD_URL'],
  5: ['CURLE_COULDNT_RESOLVE_PROXY', 'PROXY_FAILED'],
  6: ['CURLE_COULDNT_RESOLVE_HOST', 'RESOLVE_FAILED'],
  7: ['CURLE_COULDNT_CONNECT', 'CONNECT_FAILED'],
  8: ['CURLE_WEIRD_SERVER_REPLY', 'BAD_RESPONSE'],
  16: ['CURLE_HTTP2', 'BAD_RESPONSE'],
  18: ['CURLE_PARTIAL_FILE', 'PARTIAL_BODY'],
  23: ['CURLE_WRITE_ERROR', 'BODY_WRITE_FAILED'],
  26: ['CURLE_READ_ERROR', 'UPLOAD_READ_FAILED'],
  27: ['CURLE_OUT_OF_MEMORY', 'INTERNAL'],
  28: ['CURLE_OPERATION_TIMEDOUT', 'TIMEOUT'],
  35: ['CURLE_SSL_CONNECT_ERROR', 'TLS_HANDSHAKE'],
  42: ['CURLE_ABORTED_BY_CALLBACK', 'CANCELLED'],
  43: ['CURLE_BAD_FUNCTION_ARGUMENT', 'BAD_REQUEST'],
  47: ['CURLE_TOO_MANY_REDIRECTS', 'TOO_MANY_REDIRECTS'],
  52: ['CURLE_GOT_NOTHING', 'BAD_RESPONSE'],
  53: ['CURLE_SSL_ENGINE_NOTFOUND', 'TLS_HANDSHAKE'],
  55: ['CURLE_SEND_ERROR', 'SEND_FAILED'],
  56: ['CURLE_RECV_ERROR', 'RECV_FAILED'],
  58: ['CURLE_SSL_CERTPROBLEM', 'TLS_CERT'],
  59: ['CURLE_SSL_CIPHER', 'TLS_HANDSHAKE'],
  60: ['CURLE_PEER_FAILED_VERIFICATION', 'TLS_CERT'],
  61: ['CURLE_BAD_CONTENT_ENCODING', 'BAD_RESPONSE'],
  63: ['CURLE_FILESIZE_EXCEEDED', 'BODY_CAP_EXCEEDED'],
  77: ['CURLE_SSL_CACERT_BADFILE', 'TLS_CERT'],
  83: ['CURLE_SSL_ISSUER_ERROR', 'TLS_CERT'],
  92: ['CURLE_HTTP2_STREAM', 'RECV_FAILED'],
  97: ['CURLE_PROXY', 'PROXY_FAILED'],
};

/**
 * libcurl reports some replies that are not HTTP under codes that would mislead: a reply
 * with no status line is "HTTP/0.9" (UNSUPPORTED_PROTOCOL), a broken chunk size a receive
 * error, a giant header "out of memory". Its error-buffer text tells them apart.
 */
function malformedReply(code: number, detail = '', inHeaders = false): boolean {
  if (code === 1) return /HTTP\/0\.9|in (HTTP )?response/.test(detail);
  if (code === 56) return /chunk/i.test(detail);
  // libcurl refuses a header line over 100 KiB as CURLE_OUT_OF_MEMORY, with no message.
  if (code === 27) return inHeaders;
  return false;
}

/** A failed connection through a proxy is named PROXY_FAILED by proxy-track.ts, which knows the proxy. */
export function curlError(
  code: number,
  text: string,
  ctx: { bodyStarted: boolean; detail?: string; inHeaders?: boolean },
): EngineErrorInfo {
  const [name, stable] = TABLE[code] ?? [`CURLE_${code}`, 'INTERNAL' as ErrorCode];
  let errorCode = malformedReply(code, ctx.detail, ctx.inHeaders) ? 'BAD_RESPONSE' : stable;
  if (errorCode === 'RECV_FAILED' && ctx.bodyStarted) errorCode = 'PARTIAL_BODY';
  const said = ctx.detail || (code === 27 && ctx.inHeaders ? 'the response headers are too large (libcurl takes at most 100 KiB per header)' : text);
  return { code: errorCode, name, native: code, message: `${said} (${name}, ${code})` };
}
