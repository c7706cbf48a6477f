// curl's exit codes for each stable engine error code.
import type { ErrorCode } from '../native-bridge/events.js';

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
  BODY_CAP_EXCEEDED: 63,
  HOST_CRASHED: 2,
  ENGINE_UNAVAILABLE: 2,
  INTERNAL: 2,
};

export function exitCodeFor(code: ErrorCode): number {
  return CURL_EXIT[code];
}
