// Where the engines differ, by design of the native stacks: named here, asserted in the
// cases, never skipped.
import type { EngineName } from '../../../engine/engine.js';
import { closeStopsRedirect, httpVersionRefusal } from '../../../native-bridge/wininet/wine-quirks.js';

interface EngineExpectations {
  /** WinInet calls can return ERROR_IO_PENDING and finish in REQUEST_COMPLETE; libcurl's multi loop has no such calls. */
  pendingCalls: boolean;
  /** libcurl tells when the TLS handshake is done (TLS_HANDSHAKE_DONE); WinInet cannot. */
  tlsHandshakeEvent: boolean;
  /** WinInet reports its handles (HANDLE_CREATED / HANDLE_CLOSING); libcurl has no such callbacks. */
  handleEvents: boolean;
  /** libcurl reports its own phase clock (CURLINFO_*_TIME_T) with the finished event. */
  engineTimings: boolean;
  /**
   * A "Transfer-Encoding: chunked" upload with a method other than GET is sent chunked; WinInet
   * under Wine adds a Content-Length to such a request, so the engine refuses it by name (wine-quirks.ts).
   */
  chunkedUploadAnyMethod: boolean;
  /**
   * A 307/308 re-sends the body (libcurl rewinds it; WinInet on Windows answers FORCE_RETRY and
   * the engine sends it again). WinInet under Wine follows a 307 itself with an empty body: the
   * engine fails that by name (REDIRECT_BODY_LOST).
   */
  uploadResentOnRedirect: boolean;
  /**
   * Headers the stack adds to a request by itself (lowercased). WinInet (Wine's) adds
   * "Cache-Control: no-cache" to a request other than GET when INTERNET_FLAG_NO_CACHE_WRITE
   * keeps the body out of its URL cache; libcurl adds "Accept: *\/*".
   */
  addedHeaders: Record<'GET' | 'POST', string[]>;
  /** Closing at the redirect limit keeps the next hop from being sent (not under Wine: wine-quirks.ts, redirectCloseRuns). */
  redirectLimitStopsNextHop: boolean;
  /** An empty value removes the stack's own User-Agent (WinInet adds it at send time: refused, HEADER_NOT_REMOVABLE). */
  removableDefaults: boolean;
  /** HTTP/2 by ALPN over TLS: libcurl with nghttp2; WinInet on Windows 10+, not under Wine (wine-quirks.ts, noHttp2). */
  http2: boolean;
  /** The version a request that asks for none gets from an h2-capable TLS server. */
  defaultOverTls: 'HTTP/2' | 'HTTP/1.1';
}

export const EXPECTATIONS: Record<EngineName, EngineExpectations> = {
  wininet: {
    pendingCalls: true,
    tlsHandshakeEvent: false,
    handleEvents: true,
    engineTimings: false,
    chunkedUploadAnyMethod: false,
    uploadResentOnRedirect: false,
    addedHeaders: { GET: ['host', 'user-agent'], POST: ['host', 'user-agent', 'content-length', 'cache-control'] },
    // The WinInet engine runs under Wine everywhere but on Windows.
    redirectLimitStopsNextHop: closeStopsRedirect(process.platform !== 'win32'),
    removableDefaults: false,
    http2: httpVersionRefusal(process.platform !== 'win32', '2', true) === undefined,
    defaultOverTls: 'HTTP/1.1',
  },
  curl: {
    pendingCalls: false,
    tlsHandshakeEvent: true,
    handleEvents: false,
    engineTimings: true,
    chunkedUploadAnyMethod: true,
    uploadResentOnRedirect: true,
    addedHeaders: { GET: ['host', 'user-agent', 'accept'], POST: ['host', 'user-agent', 'accept', 'content-length'] },
    redirectLimitStopsNextHop: true,
    removableDefaults: true,
    http2: true,
    defaultOverTls: 'HTTP/2',
  },
};
