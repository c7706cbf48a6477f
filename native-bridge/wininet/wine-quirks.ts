// Every place where Wine's WinInet differs from Windows' documented behaviour, in one module:
// each quirk names the Wine behaviour, the Windows one, and how it is detected; the decisions
// are pure functions of `wine` (true: Wine's semantics) so both can be unit-tested anywhere.
import type { EngineErrorInfo } from '../../contract/events.js';
import type { HttpVersionChoice } from '../../contract/request.js';
import type { ClientCert } from '../../engine/request-spec.js';

interface WineQuirk {
  wine: string;
  windows: string;
  detected: string;
}

/** Wine sets WINEPREFIX for every process it runs (wine-setup.js does); Windows never does. */
export const UNDER_WINE = Boolean(process.env.WINEPREFIX);

export const QUIRKS = {
  noLoopbackBypass: {
    wine: 'the OS proxy (ProxyEnable/ProxyServer, or http_proxy in the environment when ProxyEnable is 0) takes loopback hosts too: the bypass list (ProxyOverride) matches exact names, "*.domain" and "<local>" (a name without a dot) only; "<-loopback>" is an ordinary entry; AutoConfigURL and auto-detect are not evaluated',
    windows: 'localhost, 127.0.0.1 and ::1 are bypassed unless the list has "<-loopback>"; PAC and auto-detect run in WinInet\'s autoproxy',
    detected: 'WINEPREFIX; the engine reads the configured proxy of an INTERNET_OPEN_TYPE_PRECONFIG session (INTERNET_OPTION_PROXY) and reopens it as that proxy with the loopback names in its bypass',
  },
  proxyDigest: {
    wine: 'a proxy\'s Digest challenge is not answered (its SSPI has no Digest package): the request ends at the 407',
    windows: 'WinInet answers Basic, Digest, NTLM and Negotiate challenges from the proxy with INTERNET_OPTION_PROXY_USERNAME/PASSWORD',
    detected: 'WINEPREFIX; a request asking for proxy Digest is refused before it is sent',
  },
  poolIgnoresProxy: {
    wine: 'the connection pool is process-wide and keyed by the origin: a request through a proxy takes an idle direct connection to the same origin (it then never reaches the proxy)',
    windows: 'connections are pooled per proxy route',
    detected: 'WINEPREFIX (observed; not worked around: the first request to an origin decides the route of the connections it leaves idle)',
  },
  proxyCredentialsPerSession: {
    wine: 'INTERNET_OPTION_PROXY_USERNAME/PASSWORD set on a request are stored on its InternetOpen session (every request of that session then uses them)',
    windows: 'they are the request handle\'s own',
    detected: 'WINEPREFIX; the engine keeps one session per set of proxy credentials on both',
  },
  readCountRace: {
    wine: 'InternetReadFile zeroes *lpdwNumberOfBytesRead when it returns ERROR_IO_PENDING; its worker may have written the real count before that, so the count reads 0 after REQUEST_COMPLETE',
    windows: 'the count is written when the read completes; RESPONSE_RECEIVED counts network (possibly compressed) bytes and may fire several times per read',
    detected: 'WINEPREFIX, and at run time: a pending read whose count is 0 while RESPONSE_RECEIVED reported bytes during it',
  },
  headerLineCut: {
    wine: 'a header line is cut at 4,095 characters, silently',
    windows: 'header lines are kept whole',
    detected: 'WINEPREFIX',
  },
  madeUpHead: {
    wine: 'a reply whose first line does not start with "HTTP" becomes "HTTP/1.0 200 OK" with no headers; that line is dropped and the rest (headers, body) is served as the body. A real status line leaves its code as a "Status" header (HTTP_QUERY_CUSTOM), the made-up one does not; an empty reply leaves status code 0 and no "Status"',
    windows: 'an HTTP/0.9 reply is served whole as the body under the same made-up head (no header at all)',
    detected: 'WINEPREFIX; under Wine the missing "Status" header, on Windows a head with no header line at all',
  },
  chunkedDrainDrop: {
    wine: 'a broken chunked body ends as if complete; its connection is dropped at InternetCloseHandle (CLOSING_CONNECTION), where a complete one was pooled or closed during the last read, with or without Connection: close',
    windows: 'the pool may drop a connection for other reasons: a drop at close says nothing about the body',
    detected: 'WINEPREFIX',
  },
  redirectCloseRuns: {
    wine: 'InternetCloseHandle in the REDIRECT callback does not stop the worker: it sends the next hop and follows the chain until a reply that is not a redirect',
    windows: 'closing the handle cancels the outstanding request (documented for InternetCloseHandle)',
    detected: 'WINEPREFIX',
  },
  timeoutAs12030: {
    wine: 'an expired receive timeout fails the read with 12030 (CONNECTION_ABORTED)',
    windows: 'an expired receive timeout is 12002 (TIMEOUT); 12030 is a real abort',
    detected: 'WINEPREFIX, and nothing received for the whole receive timeout',
  },
  zeroByteRead: {
    wine: 'InternetReadFile may return TRUE with 0 bytes while the socket is only momentarily empty',
    windows: 'TRUE with 0 bytes is the end of the body (documented)',
    detected: 'WINEPREFIX; InternetQueryDataAvailable then tells whether more comes',
  },
  blockingWrite: {
    wine: 'InternetWriteFile on an async handle never returns ERROR_IO_PENDING: it blocks in send() on the calling thread until the kernel takes the bytes (forever, for a server that stops reading)',
    windows: 'InternetWriteFile returns ERROR_IO_PENDING when the send would block and completes with REQUEST_COMPLETE (KB242019)',
    detected: 'WINEPREFIX; the write then runs on a koffi worker thread (fn.async) and its return is handled as a REQUEST_COMPLETE',
  },
  contentLengthAlways: {
    wine: 'HttpSendRequestEx adds "Content-Length: <dwBufferTotal>" to every request whose verb is not GET unless it has one: a chunked upload would carry both headers, which servers refuse (RFC 9112 §6.3)',
    windows: 'not documented for WinInet (WinHTTP documents that a Transfer-Encoding header makes it ignore the total length); the engine sends dwBufferTotal 0 and frames the chunks itself',
    detected: 'WINEPREFIX; a GET is sent chunked there too (Wine adds no Content-Length to it)',
  },
  endRequestCompletesTwice: {
    wine: 'an HttpEndRequest that followed a redirect sends REQUEST_COMPLETE twice (its inner HttpSendRequest\'s, then its own); the second could be taken for the next call\'s',
    windows: 'one REQUEST_COMPLETE per ERROR_IO_PENDING (documented); a redirected upload answers ERROR_INTERNET_FORCE_RETRY instead (KB177188)',
    detected: 'WINEPREFIX and a REDIRECT before HttpEndRequest completed; the engine waits for the second (2 s at most) before its next call',
  },
  noHttp2: {
    wine: 'WinInet has no HTTP/2: InternetSetOptionW(INTERNET_OPTION_ENABLE_HTTP_PROTOCOL) fails with ERROR_INTERNET_INVALID_OPTION (12009, measured under Wine 8), and every request goes out as HTTP/1.1',
    windows: 'Windows 10 (1507) and later: INTERNET_OPTION_ENABLE_HTTP_PROTOCOL with HTTP_PROTOCOL_FLAG_HTTP2 offers h2 by ALPN over TLS; INTERNET_OPTION_HTTP_PROTOCOL_USED tells what was used',
    detected: 'WINEPREFIX; on Windows a failing InternetSetOptionW is refused the same way',
  },
  noDigest: {
    wine: "Wine's WinInet answers Basic itself and hands every other challenge to SSPI under the challenge's scheme name (secur32: NTLM and Negotiate through Samba's ntlm_auth, Kerberos); it has no Digest package, so a Digest challenge is left unanswered and its 401 is the response",
    windows: 'WinInet answers Basic, Digest (the WDigest SSP), NTLM and Negotiate with the credentials of InternetConnect (or INTERNET_OPTION_USERNAME/PASSWORD), picking the scheme from the challenge itself',
    detected: 'WINEPREFIX; Digest is refused by name before anything is sent',
  },
  authWithBody: {
    wine: 'HttpEndRequest (the end of an HttpSendRequestEx upload) does not look at a 401: the challenge is the response',
    windows: 'HttpEndRequest answers ERROR_INTERNET_FORCE_RETRY and the caller must send the whole request again (KB177188), which this engine does not do',
    detected: 'a request body with credentials for a negotiated scheme: refused by name on both',
  },
  noClientCert: {
    wine: 'WinInet sends no client certificate: InternetSetOptionW(INTERNET_OPTION_CLIENT_CERT_CONTEXT, 84) fails with ERROR_INTERNET_INVALID_OPTION (12009, measured under Wine 8 on a request handle, with a context PFXImportCertStore made: that part works)',
    windows: 'the context set on the request handle before HttpSendRequest is sent when the server asks; without one HttpSendRequest fails with ERROR_INTERNET_CLIENT_AUTH_CERT_NEEDED (12044), and after setting it the request is sent again',
    detected: 'WINEPREFIX: a client-certificate request is refused by name before anything goes out',
  },
} satisfies Record<string, WineQuirk>;

/** The count of a completed InternetReadFile, or an INTERNAL error when it cannot be right. */
export function readCount(
  wine: boolean,
  documented: number,
  receivedDuringRead: number | undefined,
  pended: boolean,
  size: number,
): number | EngineErrorInfo {
  // Only where the documented count provably was not written: Wine's race.
  const n = wine && pended && documented === 0 && receivedDuringRead ? receivedDuringRead : documented;
  if (n > size) {
    return { code: 'INTERNAL', name: 'READ_COUNT_OVERRUN', message: `InternetReadFile reported ${n} bytes read into a ${size}-byte buffer` };
  }
  return n;
}

/** Whether a kept-alive chunked body's connection dropped at close means the body was broken. */
export function dropAtCloseMeansBrokenChunks(wine: boolean): boolean {
  return wine;
}

const WINE_LINE_LIMIT = 4095;

/** A header line Wine may have cut: the response would lie about it, so it is refused. */
export function cutHeaderLine(wine: boolean, rawHeaders: string): EngineErrorInfo | undefined {
  if (!wine) return undefined;
  const line = rawHeaders.split('\r\n').find((l) => l.length >= WINE_LINE_LIMIT);
  if (line === undefined) return undefined;
  const name = line.slice(0, Math.max(0, line.indexOf(':'))) || line.slice(0, 40);
  return { code: 'BAD_RESPONSE', name: 'HEADER_LINE_CUT', message: `the header line ${JSON.stringify(name)} is ${WINE_LINE_LIMIT} characters or longer: WinInet (Wine's) keeps only that much of it, so its value would be wrong` };
}

const MADE_UP_HEAD = /^HTTP\/1\.0 200 OK\r\n(?:\r\n)?$/;

/**
 * A head WinInet made up for a reply with no HTTP status line (HTTP/0.9, not HTTP at all,
 * or nothing): curl refuses these, and the bytes WinInet serves as the body are not one.
 */
export function madeUpHead(wine: boolean, head: { statusCode: number; rawHeaders: string; statusHeader: boolean }): EngineErrorInfo | undefined {
  if (wine ? head.statusHeader : !MADE_UP_HEAD.test(head.rawHeaders)) return undefined;
  if (head.statusCode === 0) return { code: 'BAD_RESPONSE', name: 'EMPTY_REPLY', message: 'the server closed the connection without sending anything' };
  return { code: 'BAD_RESPONSE', name: 'NO_STATUS_LINE', message: 'the reply has no HTTP status line (HTTP/0.9, or not HTTP): WinInet made up "HTTP/1.0 200 OK" for it' };
}

/** Whether closing the request handle in the REDIRECT callback keeps the next hop from being sent. */
export function closeStopsRedirect(wine: boolean): boolean {
  return !wine;
}

/** Whether a 12030 is an expired receive timeout: Wine only, and silence for the whole timeout. */
export function abortIsTimeout(wine: boolean, native: number, silentMs: number, receiveMs: number | undefined): boolean {
  return wine && native === 12030 && receiveMs !== undefined && receiveMs > 0 && silentMs >= receiveMs * 0.9;
}

/** Whether a read of 0 bytes must be checked with InternetQueryDataAvailable before it is the end. */
export function probeAfterEmptyRead(wine: boolean): boolean {
  return wine;
}

/** The engine's struct layouts are 64-bit: a 32-bit runtime is refused with this message. */
export function runtimeProblem(arch: string): string | undefined {
  if (arch === 'x64' || arch === 'arm64') return undefined;
  return `the WinInet engine needs a 64-bit Node.js (x64 or arm64); this one is ${arch} (32-bit pointers), whose WinInet structures it cannot lay out`;
}

/** Whether InternetWriteFile must run off the host's JS thread (it would block it). */
export function writeOffJsThread(wine: boolean): boolean {
  return wine;
}

/** A chunked upload the stack would send with a Content-Length too: refused, by name. */
export function chunkedUploadRefusal(wine: boolean, method: string, chunked: boolean): EngineErrorInfo | undefined {
  if (!wine || !chunked || method === 'GET') return undefined;
  return {
    code: 'BAD_REQUEST',
    name: 'CHUNKED_UPLOAD_UNSUPPORTED',
    message: `WinInet (Wine's) adds a Content-Length to every ${method} request, so a "Transfer-Encoding: chunked" upload would carry both headers, which servers refuse: send it without that header, or use the curl engine`,
  };
}

/** Whether HttpEndRequest's completion is followed by a second one to wait for. */
export function endRequestCompletesTwice(wine: boolean, redirects: number): boolean {
  return wine && redirects > 0;
}

/** A requested HTTP version this WinInet cannot send, refused by name before anything goes out (never silently 1.1). */
export function httpVersionRefusal(wine: boolean, choice: HttpVersionChoice | undefined, secure: boolean): EngineErrorInfo | undefined {
  if (choice === '3') return { code: 'BAD_REQUEST', name: 'HTTP3_UNSUPPORTED', message: 'HTTP/3 is not available on the WinInet engine (WinInet has no HTTP/3): use the curl engine with a libcurl built with HTTP3' };
  if (choice === '2-prior-knowledge') return { code: 'BAD_REQUEST', name: 'HTTP2_UNSUPPORTED', message: 'HTTP/2 with prior knowledge (h2c) is not available on the WinInet engine (WinInet speaks HTTP/2 over TLS only): use the curl engine' };
  if (choice !== '2') return undefined;
  if (wine) return { code: 'BAD_REQUEST', name: 'HTTP2_UNSUPPORTED', message: "HTTP/2 is not available on the WinInet engine under Wine (Wine's WinInet has no HTTP/2; it would send HTTP/1.1): use the curl engine, or ask for HTTP/1.1" };
  if (!secure) return { code: 'BAD_REQUEST', name: 'HTTP2_UNSUPPORTED', message: 'HTTP/2 on the WinInet engine needs an https:// URL (WinInet negotiates h2 by ALPN over TLS only): use the curl engine for h2c' };
  return undefined;
}

/** Credentials this WinInet cannot answer a challenge with, refused by name before anything goes out. */
export function authRefusal(wine: boolean, auth: { scheme: string } | undefined, hasBody: boolean): EngineErrorInfo | undefined {
  if (!auth || auth.scheme === 'basic') return undefined;
  if (wine && auth.scheme === 'digest') {
    return { code: 'BAD_REQUEST', name: 'DIGEST_UNSUPPORTED', message: "Digest authentication is not available on the WinInet engine under Wine (Wine's WinInet has no Digest: it would leave the 401 unanswered): use the curl engine (Windows' WinInet does Digest)" };
  }
  if (hasBody) {
    return { code: 'BAD_REQUEST', name: 'AUTH_WITH_BODY_UNSUPPORTED', message: `${auth.scheme === 'any' ? 'negotiated' : auth.scheme} authentication with a request body is not available on the WinInet engine (an upload's HttpEndRequest ${wine ? "does not answer a 401 under Wine" : 'answers a 401 with ERROR_INTERNET_FORCE_RETRY, which it does not repeat'}): use the curl engine, or send the body with Basic` };
  }
  return undefined;
}

/** Wine cannot answer a proxy's Digest challenge: asking for it fails by name, before anything is sent. */
export function proxyAuthRefusal(wine: boolean, scheme: 'basic' | 'digest' | 'ntlm' | 'any' | undefined): EngineErrorInfo | undefined {
  if (!wine || scheme !== 'digest') return undefined;
  return { code: 'BAD_REQUEST', name: 'PROXY_DIGEST_UNSUPPORTED', message: 'proxy Digest authentication is not available in WinInet under Wine (it answers Basic, NTLM and Negotiate): use the curl engine, or --proxy-anyauth/--proxy-basic if the proxy offers another scheme' };
}

/**
 * No proxy in the request: a PRECONFIG session configured with proxy `configured` is
 * reopened as that proxy with the loopback names (and the request's no-proxy list) in the
 * bypass, when Wine would route loopback through it or a list must be added; on Windows
 * without a list the PRECONFIG session stays (its autoproxy: PAC, auto-detect).
 */
export function reopenPreconfigured(wine: boolean, configured: boolean, noProxy: string | undefined): boolean {
  if (!configured) return false;
  return wine || noProxy !== undefined;
}

/** What Wine's WinInet leaves out of the TLS facts, by fact; the native error numbers seen, 0 for none. */
export const TLS_FACTS_QUIRK: WineQuirk = {
  wine: 'INTERNET_OPTION_SECURITY_CONNECTION_INFO (66) is refused on a request handle (ERROR_INTERNET_INCORRECT_HANDLE_TYPE, 12018): no protocol version or cipher suite name, only the cipher strength of SECURITY_FLAGS and dwKeySize; the protocol, signature and encryption names of INTERNET_CERTIFICATE_INFO are NULL; SERVER_CERT_CHAIN_CONTEXT holds a chain only after a verification Wine passed',
  windows: 'SECURITY_CONNECTION_INFO gives SecPkgContext_ConnectionInfo.dwProtocol and SecPkgContext_CipherInfo.szCipherSuite (Windows 10+); SERVER_CERT_CHAIN_CONTEXT is available with the certificate error too (Microsoft: "INTERNET_OPTION_SERVER_CERT_CHAIN_CONTEXT")',
  detected: 'WINEPREFIX, and the lookups failing with the error numbers given',
};

export function tlsFactsMissing(wine: boolean, errors: { connectionInfo?: number; chain?: number }): Partial<Record<'protocol' | 'cipher' | 'chain', string>> {
  const out: Partial<Record<'protocol' | 'cipher' | 'chain', string>> = {};
  if (errors.connectionInfo) {
    const why = wine
      ? `Wine does not implement INTERNET_OPTION_SECURITY_CONNECTION_INFO (error ${errors.connectionInfo})`
      : `INTERNET_OPTION_SECURITY_CONNECTION_INFO failed (error ${errors.connectionInfo}; Windows 10 or later reports it)`;
    out.protocol = why;
    out.cipher = why;
  }
  if (errors.chain) {
    out.chain = wine
      ? `Wine keeps no chain for a certificate it did not accept (SERVER_CERT_CHAIN_CONTEXT: error ${errors.chain}): the certificate summary only, without serial or fingerprint`
      : `SERVER_CERT_CHAIN_CONTEXT failed (error ${errors.chain}): the certificate summary only`;
  }
  return out;
}

/** A client certificate this WinInet cannot send, refused by name before anything goes out (never sent without it). */
export function clientCertRefusal(wine: boolean, cert: ClientCert | undefined): EngineErrorInfo | undefined {
  if (!cert) return undefined;
  const name = 'CLIENT_CERT_UNSUPPORTED';
  if (wine) {
    return { code: name, name, message: "client certificates are not available on the WinInet engine under Wine (Wine's WinInet fails INTERNET_OPTION_CLIENT_CERT_CONTEXT with ERROR_INTERNET_INVALID_OPTION, 12009): use the curl engine" };
  }
  if (cert.type !== 'P12') {
    return { code: name, name, message: `WinInet takes a client certificate as PKCS#12 only (PFXImportCertStore): convert ${cert.certPath} (openssl pkcs12 -export) and give it with the type P12, or use the curl engine` };
  }
  return undefined;
}
