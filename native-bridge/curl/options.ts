// Applies a request spec to a libcurl easy handle: callbacks (routed by the transfer's
// numeric id), method and body, redirects, timeouts, proxy, TLS policy, auth, headers.
import type { RequestSpec } from '../../engine/request-spec.js';
import { CURL_HTTP_VERSION } from './http-version.js';
import { OPT_CERTINFO } from './tls-api.js';
import { curl, CURLAUTH, CURLE_UNKNOWN_OPTION, CURLPROTO_HTTP, CURLPROTO_HTTPS, DebugCb, koffi, OPT, OpenSocketCb, CloseSocketCb, PrereqCb, ReadCb, ResolverStartCb, SeekCb, WriteCb } from './api.js';

export interface RegisteredCallbacks {
  write: unknown;
  header: unknown;
  read: unknown;
  seek: unknown;
  debug: unknown;
  openSocket: unknown;
  closeSocket: unknown;
  resolverStart: unknown;
  prereq: unknown;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Big reads mean fewer callbacks per byte (each one crosses into JS). */
const BUFFER_SIZE = 512 * 1024;

export function setopt(h: unknown, option: number, type: string | ReturnType<typeof koffi.pointer>, value: unknown): void {
  const rc = curl.easy_setopt(h, option, type, value) as number;
  if (rc !== 0) throw new Error(`curl_easy_setopt(${option}) failed: ${curl.easy_strerror(rc)}`);
}

function setCallbacks(h: unknown, id: number, cbs: RegisteredCallbacks, sockets: boolean): void {
  setopt(h, OPT.WRITEFUNCTION, koffi.pointer(WriteCb), cbs.write);
  setopt(h, OPT.WRITEDATA, 'intptr_t', id);
  setopt(h, OPT.HEADERFUNCTION, koffi.pointer(WriteCb), cbs.header);
  setopt(h, OPT.HEADERDATA, 'intptr_t', id);
  setopt(h, OPT.DEBUGFUNCTION, koffi.pointer(DebugCb), cbs.debug);
  setopt(h, OPT.DEBUGDATA, 'intptr_t', id);
  setopt(h, OPT.VERBOSE, 'long', 1);
  setopt(h, OPT.RESOLVER_START_FUNCTION, koffi.pointer(ResolverStartCb), cbs.resolverStart);
  setopt(h, OPT.RESOLVER_START_DATA, 'intptr_t', id);
  setopt(h, OPT.PREREQFUNCTION, koffi.pointer(PrereqCb), cbs.prereq);
  setopt(h, OPT.PREREQDATA, 'intptr_t', id);
  if (sockets) {
    // We open and close the sockets ourselves to learn the address libcurl connects to.
    setopt(h, OPT.OPENSOCKETFUNCTION, koffi.pointer(OpenSocketCb), cbs.openSocket);
    setopt(h, OPT.OPENSOCKETDATA, 'intptr_t', id);
    setopt(h, OPT.CLOSESOCKETFUNCTION, koffi.pointer(CloseSocketCb), cbs.closeSocket);
    setopt(h, OPT.CLOSESOCKETDATA, 'intptr_t', id);
  }
}

function setMethodAndBody(h: unknown, spec: RequestSpec, id: number, cbs: RegisteredCallbacks, uploadTotal: number | undefined): void {
  if (spec.method === 'HEAD') setopt(h, OPT.NOBODY, 'long', 1);
  // As curl: a PUT body is an upload, any other body a POST (libcurl then applies curl's
  // redirect rules: 301/302/303 turn a POST into a GET, 307/308 re-send the body).
  const mode = uploadTotal === undefined ? 'GET' : spec.method === 'PUT' ? 'PUT' : 'POST';
  if (uploadTotal !== undefined) {
    if (mode === 'PUT') {
      setopt(h, OPT.UPLOAD, 'long', 1);
      setopt(h, OPT.INFILESIZE_LARGE, 'int64_t', uploadTotal);
    } else {
      setopt(h, OPT.POST, 'long', 1);
      setopt(h, OPT.POSTFIELDSIZE_LARGE, 'int64_t', uploadTotal);
    }
    setopt(h, OPT.READFUNCTION, koffi.pointer(ReadCb), cbs.read);
    setopt(h, OPT.READDATA, 'intptr_t', id);
    // A body re-sent after a redirect (or an auth round trip) is read again from the start.
    setopt(h, OPT.SEEKFUNCTION, koffi.pointer(SeekCb), cbs.seek);
    setopt(h, OPT.SEEKDATA, 'intptr_t', id);
  }
  const implied = mode;
  if (spec.method !== implied && spec.method !== 'HEAD') setopt(h, OPT.CUSTOMREQUEST, 'str', spec.method);
}

/**
 * http and https only, for the first URL and every redirect: libcurl's defaults let a
 * redirect lead to ftp:// (and more), which WinInet refuses. A refused scheme ends the
 * transfer with CURLE_UNSUPPORTED_PROTOCOL before any connection is made.
 */
function restrictProtocols(h: unknown): void {
  const rc = curl.easy_setopt(h, OPT.PROTOCOLS_STR, 'str', 'http,https') as number;
  if (rc === CURLE_UNKNOWN_OPTION) {
    // libcurl before 7.85 knows only the bitmask options.
    setopt(h, OPT.PROTOCOLS, 'long', CURLPROTO_HTTP | CURLPROTO_HTTPS);
    setopt(h, OPT.REDIR_PROTOCOLS, 'long', CURLPROTO_HTTP | CURLPROTO_HTTPS);
    return;
  }
  if (rc !== 0) throw new Error(`curl_easy_setopt(PROTOCOLS_STR) failed: ${curl.easy_strerror(rc)}`);
  setopt(h, OPT.REDIR_PROTOCOLS_STR, 'str', 'http,https');
}

/** Without a proxy in the spec libcurl reads http_proxy, no_proxy and the rest itself: nothing here may clobber them. */
function setProxy(h: unknown, spec: RequestSpec): void {
  if (spec.proxy) setopt(h, OPT.PROXY, 'str', spec.proxy);
  if (spec.noProxy !== undefined) setopt(h, OPT.NOPROXY, 'str', spec.noProxy);
  if (spec.proxyAuth) {
    setopt(h, OPT.PROXYUSERNAME, 'str', spec.proxyAuth.user);
    setopt(h, OPT.PROXYPASSWORD, 'str', spec.proxyAuth.password);
    setopt(h, OPT.PROXYAUTH, 'long', CURLAUTH[spec.proxyAuth.scheme]);
  }
  // An environment proxy tunnels too: the proxy's answer to CONNECT is not the response
  // (the transfer turns it into TUNNEL_* events from the debug stream).
  setopt(h, OPT.SUPPRESS_CONNECT_HEADERS, 'long', 1);
}

function setPolicy(h: unknown, spec: RequestSpec): void {
  restrictProtocols(h);
  if (spec.httpVersion) {
    setopt(h, OPT.HTTP_VERSION, 'long', CURL_HTTP_VERSION[spec.httpVersion]);
    // Parallel HTTP/2 requests to one origin share a connection (streams) instead of racing to open one each.
    if (spec.httpVersion.startsWith('2')) setopt(h, OPT.PIPEWAIT, 'long', 1);
  }
  if (spec.followRedirects) {
    setopt(h, OPT.FOLLOWLOCATION, 'long', 1);
    setopt(h, OPT.MAXREDIRS, 'long', spec.maxRedirects);
  }
  const t = spec.timeouts;
  if (t.totalMs) setopt(h, OPT.TIMEOUT_MS, 'long', t.totalMs);
  if (t.connectMs) setopt(h, OPT.CONNECTTIMEOUT_MS, 'long', t.connectMs);
  if (t.receiveMs) {
    // libcurl's "receive timeout": less than 1 byte/s for that long (whole seconds).
    setopt(h, OPT.LOW_SPEED_LIMIT, 'long', 1);
    setopt(h, OPT.LOW_SPEED_TIME, 'long', Math.max(1, Math.ceil(t.receiveMs / 1000)));
  }
  setProxy(h, spec);
  if (spec.caFile) {
    // curl --cacert: these CAs only (no CA directory either), so a chain is trusted by the file or not at all.
    setopt(h, OPT.CAINFO, 'str', spec.caFile);
    setopt(h, OPT.CAPATH, 'str', null);
  }
  // The chain of each handshake, for the TLS event (read at prereq, tls-observer.ts).
  setopt(h, OPT_CERTINFO, 'long', 1);
  if (spec.clientCert) setClientCert(h, spec.clientCert);
  if (spec.insecure) {
    for (const opt of [OPT.SSL_VERIFYPEER, OPT.SSL_VERIFYHOST, OPT.PROXY_SSL_VERIFYPEER, OPT.PROXY_SSL_VERIFYHOST]) setopt(h, opt, 'long', 0);
  }
}

function setAuth(h: unknown, auth: RequestSpec['auth']): void {
  if (!auth) return;
  setopt(h, OPT.HTTPAUTH, 'long', CURLAUTH[auth.scheme]);
  setopt(h, OPT.USERNAME, 'str', auth.user);
  setopt(h, OPT.PASSWORD, 'str', auth.password);
}

/** curl -E/--cert, --key, --cert-type, --pass. */
function setClientCert(h: unknown, cert: NonNullable<RequestSpec['clientCert']>): void {
  setopt(h, OPT.SSLCERT, 'str', cert.certPath);
  setopt(h, OPT.SSLCERTTYPE, 'str', cert.type);
  if (cert.keyPath) setopt(h, OPT.SSLKEY, 'str', cert.keyPath);
  if (cert.password !== undefined) setopt(h, OPT.KEYPASSWD, 'str', cert.password);
}

/** Returns the header list, which must live until the transfer is done. */
function setHeaders(h: unknown, spec: RequestSpec, userAgent: string): unknown {
  let list: unknown = null;
  const append = (line: string) => {
    const next = curl.slist_append(list, line);
    if (next === null || next === 0n) throw new Error('curl_slist_append failed');
    list = next;
  };
  const names = new Set(spec.headers.map(([n]) => n.toLowerCase()));
  const post = spec.body !== undefined && spec.method !== 'PUT';
  // In POST mode libcurl adds the form Content-Type itself, after Content-Length, where curl
  // sends it; any other type is the caller's header, and no type means none.
  const ownType = (n: string, v: string) => post && n.toLowerCase() === 'content-type' && v === FORM_TYPE;
  // A User-Agent goes where libcurl puts its own (after Host), as curl -A sends it.
  const agent = spec.headers.find(([n, v]) => n.toLowerCase() === 'user-agent' && v !== '');
  const own = (n: string, v: string) => ownType(n, v) || (agent !== undefined && n.toLowerCase() === 'user-agent');
  // An empty value removes libcurl's default header, as WinInet's REPLACE does.
  // "Name;" is libcurl's (and curl's) way to send a header with an empty value.
  for (const [name, value, empty] of spec.headers) if (!own(name, value)) append(value !== '' ? `${name}: ${value}` : empty ? `${name};` : `${name}:`);
  if (post && !names.has('content-type')) append('Content-Type:');
  // No "Expect: 100-continue" round trip unless asked for (WinInet sends none either).
  if (!names.has('expect')) append('Expect:');
  if (agent) setopt(h, OPT.USERAGENT, 'str', agent[1]);
  else if (!names.has('user-agent')) setopt(h, OPT.USERAGENT, 'str', userAgent);
  setopt(h, OPT.HTTPHEADER, 'void *', list);
  return list;
}

export function applyOptions(
  h: unknown,
  spec: RequestSpec,
  id: number,
  cbs: RegisteredCallbacks,
  uploadTotal: number | undefined,
  userAgent: string,
): unknown {
  setopt(h, OPT.URL, 'str', spec.url);
  setopt(h, OPT.NOSIGNAL, 'long', 1);
  setopt(h, OPT.BUFFERSIZE, 'long', BUFFER_SIZE);
  // Bodies are passed through byte-exact as curl passes them: a Content-Encoding is decoded
  // only with CURLOPT_ACCEPT_ENCODING, which is never set. Content decoding stays on so a
  // Transfer-Encoding libcurl does not know fails as in curl (61), not passes undecoded.
  setCallbacks(h, id, cbs, process.platform !== 'win32');
  setMethodAndBody(h, spec, id, cbs, uploadTotal);
  setPolicy(h, spec);
  setAuth(h, spec.auth);
  return setHeaders(h, spec, userAgent);
}
