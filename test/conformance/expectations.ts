// Where the engines differ, by design of the native stacks: named here, asserted in the
// cases, never skipped.
import type { EngineName } from '../../native-bridge/engine.js';

export interface EngineExpectations {
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
}

export const EXPECTATIONS: Record<EngineName, EngineExpectations> = {
  wininet: { pendingCalls: true, tlsHandshakeEvent: false, handleEvents: true, engineTimings: false, chunkedUploadAnyMethod: false, uploadResentOnRedirect: false },
  curl: { pendingCalls: false, tlsHandshakeEvent: true, handleEvents: false, engineTimings: true, chunkedUploadAnyMethod: true, uploadResentOnRedirect: true },
};
