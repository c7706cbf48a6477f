// curl's exit codes: libcurl's own CURLcode where the engine reports one (curl exits with
// it), else the closest code for each stable engine error code.
import type { EngineErrorInfo, ErrorCode } from '../contract/events.js';

export const EXIT_USAGE = 2;
export const EXIT_HTTP_ERROR = 22;
export const EXIT_INTERRUPTED = 130;

const CURL_EXIT: Record<ErrorCode, number> = {
  UNSUPPORTED_SCHEME: 1,
  BAD_URL: 3,
  RESOLVE_FAILED: 6,
  CONNECT_FAILED: 7,
  PROXY_FAILED: 7,
  BAD_RESPONSE: 8,
  PARTIAL_BODY: 18,
  BODY_WRITE_FAILED: 23,
  UPLOAD_READ_FAILED: 26,
  TIMEOUT: 28,
  TLS_HANDSHAKE: 35,
  CANCELLED: 42,
  BAD_REQUEST: 43,
  TOO_MANY_REDIRECTS: 47,
  SEND_FAILED: 55,
  RECV_FAILED: 56,
  TLS_CERT: 60,
  CLIENT_CERT: 58,
  CLIENT_CERT_UNSUPPORTED: 4,
  BODY_CAP_EXCEEDED: 63,
  HOST_CRASHED: 2,
  ENGINE_UNAVAILABLE: 2,
  INTERNAL: 2,
};

/**
 * Engine checks whose curl counterpart exits with its own code: a reply that is not HTTP/1.x
 * (curl: "HTTP/0.9 not allowed", 1), nothing at all (52), a transfer coding it cannot decode (61).
 */
const NAME_EXIT: Record<string, number> = { BAD_STATUS_LINE: 1, NO_STATUS_LINE: 1, EMPTY_REPLY: 52, UNKNOWN_TRANSFER_ENCODING: 61 };

export function exitCodeFor(code: ErrorCode): number {
  return CURL_EXIT[code];
}

/**
 * The exit code for an engine's error. curl's exit code is the CURLcode libcurl returned,
 * so a curl-engine error that carries one (named CURLE_*) exits with exactly that number;
 * errors of other stacks, and the engine's own checks, go by their stable code.
 */
export function exitCodeForError(e: EngineErrorInfo): number {
  if (e.name.startsWith('CURLE_') && e.native !== undefined && Number.isInteger(e.native) && e.native > 0 && e.native < 256) return e.native;
  return NAME_EXIT[e.name] ?? CURL_EXIT[e.code];
}
