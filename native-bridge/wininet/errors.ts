// WinInet error numbers → names, stable error codes and messages a user can act on.
import { BodyIoError } from '../../engine/body-io.js';
import type { EngineErrorInfo, ErrorCode } from '../../contract/events.js';
import { abortIsTimeout, UNDER_WINE } from './wine-quirks.js';

/** The error numbers the engine itself tests for or reports (the rest are only named in TABLE). */
export const ERROR_INTERNET_INTERNAL_ERROR = 12004;
export const ERROR_INTERNET_FORCE_RETRY = 12032;

const TABLE: Record<number, [name: string, code: ErrorCode, message: string]> = {
  // Winsock errors Wine passes through as they are.
  10053: ['WSAECONNABORTED', 'RECV_FAILED', 'the connection was aborted'],
  10054: ['WSAECONNRESET', 'RECV_FAILED', 'the connection was reset by the server'],
  87: ['ERROR_INVALID_PARAMETER', 'BAD_REQUEST', 'a parameter WinInet was given is invalid'],
  12002: ['ERROR_INTERNET_TIMEOUT', 'TIMEOUT', 'the operation timed out'],
  [ERROR_INTERNET_INTERNAL_ERROR]: ['ERROR_INTERNET_INTERNAL_ERROR', 'INTERNAL', 'WinInet reported an internal error'],
  12005: ['ERROR_INTERNET_INVALID_URL', 'BAD_URL', 'the URL is invalid'],
  12006: ['ERROR_INTERNET_UNRECOGNIZED_SCHEME', 'UNSUPPORTED_SCHEME', 'the URL scheme is not supported'],
  12007: ['ERROR_INTERNET_NAME_NOT_RESOLVED', 'RESOLVE_FAILED', 'the server name could not be resolved'],
  12017: ['ERROR_INTERNET_OPERATION_CANCELLED', 'CANCELLED', 'the request was cancelled'],
  12019: ['ERROR_INTERNET_INCORRECT_HANDLE_STATE', 'INTERNAL', 'a WinInet call was made in the wrong handle state'],
  12029: ['ERROR_INTERNET_CANNOT_CONNECT', 'CONNECT_FAILED', 'could not connect to the server'],
  12030: ['ERROR_INTERNET_CONNECTION_ABORTED', 'RECV_FAILED', 'the connection was aborted'],
  12031: ['ERROR_INTERNET_CONNECTION_RESET', 'RECV_FAILED', 'the connection was reset by the server'],
  [ERROR_INTERNET_FORCE_RETRY]: ['ERROR_INTERNET_FORCE_RETRY', 'SEND_FAILED', 'WinInet asks for the request to be sent again (a redirected upload)'],
  12037: ['ERROR_INTERNET_SEC_CERT_DATE_INVALID', 'TLS_CERT', 'the server certificate has expired or is not yet valid'],
  12038: ['ERROR_INTERNET_SEC_CERT_CN_INVALID', 'TLS_CERT', 'the server certificate does not match the host name'],
  12044: ['ERROR_INTERNET_CLIENT_AUTH_CERT_NEEDED', 'TLS_HANDSHAKE', 'the server asks for a client certificate'],
  12045: ['ERROR_INTERNET_INVALID_CA', 'TLS_CERT', 'the server certificate is signed by an unknown or untrusted authority'],
  12055: ['ERROR_INTERNET_SEC_CERT_ERRORS', 'TLS_CERT', 'the server certificate has errors'],
  12056: ['ERROR_INTERNET_SEC_CERT_NO_REV', 'TLS_CERT', 'the certificate revocation status is unknown'],
  12057: ['ERROR_INTERNET_SEC_CERT_REV_FAILED', 'TLS_CERT', 'the certificate revocation check failed'],
  12150: ['ERROR_HTTP_HEADER_NOT_FOUND', 'BAD_RESPONSE', 'a response header was not found'],
  12152: ['ERROR_HTTP_INVALID_SERVER_RESPONSE', 'BAD_RESPONSE', 'the server response could not be parsed'],
  12153: ['ERROR_HTTP_INVALID_HEADER', 'BAD_REQUEST', 'a request header is invalid'],
  12156: ['ERROR_HTTP_REDIRECT_FAILED', 'TOO_MANY_REDIRECTS', 'the redirect failed (scheme change or too many redirects)'],
  12157: ['ERROR_INTERNET_SECURITY_CHANNEL_ERROR', 'TLS_HANDSHAKE', 'the TLS handshake failed'],
  12165: ['ERROR_INTERNET_PROXY_SERVER_UNREACHABLE', 'PROXY_FAILED', 'the proxy server is unreachable'],
  12169: ['ERROR_INTERNET_SEC_INVALID_CERT', 'TLS_CERT', 'the server certificate is invalid'],
  12175: ['ERROR_INTERNET_DECODING_FAILED', 'BAD_RESPONSE', 'the response content could not be decoded'],
};

function winInetErrorName(native: number): string {
  return TABLE[native]?.[0] ?? `ERROR_${native}`;
}

/** During the body phase a broken connection is a partial body, like curl's 18. */
export function winInetError(native: number, call: string, phase: 'request' | 'body' = 'request'): EngineErrorInfo {
  const entry = TABLE[native];
  let code: ErrorCode = entry?.[1] ?? 'INTERNAL';
  if (phase === 'body' && code === 'RECV_FAILED') code = 'PARTIAL_BODY';
  const name = entry?.[0] ?? `ERROR_${native}`;
  const what = entry?.[2] ?? 'WinInet call failed';
  return { code, name, native, message: `${call}: ${what} (${name}, ${native})` };
}

/** As winInetError, knowing how long the failed call ran and the receive timeout asked for. */
export function classifyWinInetError(
  native: number,
  call: string,
  phase: 'request' | 'body',
  /** Time since data last arrived (or the call began). */
  silentMs: number,
  receiveMs: number | undefined,
  proxy?: string,
): EngineErrorInfo {
  const info = winInetError(native, call, phase);
  // Through a proxy WinInet resolves and connects to the proxy only: those failures are its.
  if (proxy && (info.code === 'CONNECT_FAILED' || info.code === 'RESOLVE_FAILED')) {
    const what = info.code === 'RESOLVE_FAILED' ? 'resolve' : 'connect to';
    return { ...info, code: 'PROXY_FAILED', message: `${call}: could not ${what} the proxy ${proxy} (${info.name}, ${native})` };
  }
  // Wine reports an expired receive timeout as a dropped connection (12030).
  if (abortIsTimeout(UNDER_WINE, native, silentMs, receiveMs)) {
    return { ...info, code: 'TIMEOUT', message: `${call}: no data within the receive timeout of ${receiveMs} ms (${info.name}, ${native})` };
  }
  return info;
}

/** A thrown error as the request's error (a body file's own, or INTERNAL). */
export function errorInfo(e: unknown): EngineErrorInfo {
  if (e instanceof BodyIoError) return e.info;
  return { code: 'INTERNAL', name: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

/** InternetOpenW refused: with a proxy, the proxy string is why (WinInet checks nothing else there). */
export function sessionError(native: number, proxy: string | undefined): EngineErrorInfo {
  const name = winInetErrorName(native);
  return proxy
    ? { code: 'PROXY_FAILED', name: 'PROXY_REFUSED', native, message: `InternetOpenW refused the proxy ${JSON.stringify(proxy)} (${name}, ${native})` }
    : { code: 'ENGINE_UNAVAILABLE', name: 'SESSION_FAILED', native, message: `InternetOpenW failed (${name}, ${native})` };
}
