// Creates the connect and request handles of one request and applies its options.
// All of these calls are synchronous; the context id routes every later callback.
import type { EngineErrorInfo } from '../../contract/events.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import {
  api,
  HTTP_ADDREQ_FLAG_ADD,
  HTTP_ADDREQ_FLAG_REPLACE,
  INTERNET_FLAG_IGNORE_REDIRECT_TO_HTTP,
  INTERNET_FLAG_IGNORE_REDIRECT_TO_HTTPS,
  INTERNET_FLAG_NO_AUTH,
  INTERNET_FLAG_NO_AUTO_REDIRECT,
  INTERNET_FLAG_NO_CACHE_WRITE,
  INTERNET_FLAG_NO_COOKIES,
  INTERNET_FLAG_NO_UI,
  INTERNET_FLAG_RELOAD,
  INTERNET_FLAG_SECURE,
  HTTP_PROTOCOL_FLAG_HTTP2,
  INTERNET_OPTION_CONNECT_TIMEOUT,
  INTERNET_OPTION_ENABLE_HTTP_PROTOCOL,
  INTERNET_OPTION_RECEIVE_TIMEOUT,
  INTERNET_OPTION_SECURITY_FLAGS,
  INTERNET_OPTION_SEND_TIMEOUT,
  INTERNET_SERVICE_HTTP,
  isNull,
  SECURITY_FLAGS_IGNORE_ALL,
} from './api.js';
import { utf8ForAnsi } from './ansi.js';
import { winInetError } from './errors.js';

export interface RequestHandles {
  connect: unknown;
  request: unknown;
}

function setDword(h: unknown, option: number, value: number): boolean {
  return api.InternetSetOptionW(h, option, [value], 4) as boolean;
}

/** Fills `handles` as it goes (so a failure still closes what was opened); returns an error or undefined. */
export function openHandles(
  spec: RequestSpec,
  ctx: number,
  session: unknown,
  handles: RequestHandles,
  afterCall: () => void,
): EngineErrorInfo | undefined {
  const url = new URL(spec.url);
  const secure = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : secure ? 443 : 80;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');

  // Credentials on the connect handle: WinInet answers the server's 401 with them (auth legs).
  const negotiated = spec.auth && spec.auth.scheme !== 'basic' ? spec.auth : undefined;
  handles.connect = api.InternetConnectW(session, host, port, negotiated?.user ?? null, negotiated?.password ?? null, INTERNET_SERVICE_HTTP, 0, ctx);
  if (isNull(handles.connect)) return winInetError(api.GetLastError(), 'InternetConnectW');
  afterCall();
  const t = spec.timeouts;
  // Under Wine only the connect/request handles honour send/receive timeouts.
  if (t.connectMs) setDword(handles.connect, INTERNET_OPTION_CONNECT_TIMEOUT, t.connectMs);
  if (t.sendMs) setDword(handles.connect, INTERNET_OPTION_SEND_TIMEOUT, t.sendMs);
  if (t.receiveMs) setDword(handles.connect, INTERNET_OPTION_RECEIVE_TIMEOUT, t.receiveMs);

  // RELOAD and NO_CACHE_WRITE keep the URL cache out without a header; PRAGMA_NOCACHE would add
  // "Pragma: no-cache" and KEEP_CONNECTION "Connection: Keep-Alive" (over the user's own
  // Connection, under Wine) to every request. Connections are still reused as the server allows.
  let flags = INTERNET_FLAG_RELOAD | INTERNET_FLAG_NO_CACHE_WRITE | INTERNET_FLAG_NO_COOKIES | INTERNET_FLAG_NO_UI;
  // NO_AUTH keeps WinInet from answering a 401 (with cached or default credentials) unless the
  // request asks; it also stops WinInet answering a proxy's 407 with the -U credentials.
  if (!negotiated && !spec.proxyAuth) flags |= INTERNET_FLAG_NO_AUTH;
  if (secure) flags |= INTERNET_FLAG_SECURE;
  // Like curl -L, follow redirects across http and https.
  if (!spec.followRedirects) flags |= INTERNET_FLAG_NO_AUTO_REDIRECT;
  else flags |= INTERNET_FLAG_IGNORE_REDIRECT_TO_HTTP | INTERNET_FLAG_IGNORE_REDIRECT_TO_HTTPS;
  const object = `${url.pathname}${url.search}` || '/';
  const version = spec.httpVersion === '1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
  handles.request = api.HttpOpenRequestW(handles.connect, spec.method, object, version, null, null, flags >>> 0, ctx);
  if (isNull(handles.request)) return winInetError(api.GetLastError(), 'HttpOpenRequestW');
  afterCall();
  if (spec.httpVersion === '2' && !setDword(handles.request, INTERNET_OPTION_ENABLE_HTTP_PROTOCOL, HTTP_PROTOCOL_FLAG_HTTP2)) {
    const err = winInetError(api.GetLastError(), 'InternetSetOptionW(ENABLE_HTTP_PROTOCOL)');
    return { code: 'BAD_REQUEST', name: 'HTTP2_UNSUPPORTED', native: err.native, message: `HTTP/2 is not available on this WinInet (Windows 10 or later has it): ${err.message}` };
  }
  if (t.connectMs) setDword(handles.request, INTERNET_OPTION_CONNECT_TIMEOUT, t.connectMs);
  if (t.sendMs) setDword(handles.request, INTERNET_OPTION_SEND_TIMEOUT, t.sendMs);
  if (t.receiveMs) setDword(handles.request, INTERNET_OPTION_RECEIVE_TIMEOUT, t.receiveMs);
  if (spec.insecure && !setDword(handles.request, INTERNET_OPTION_SECURITY_FLAGS, SECURITY_FLAGS_IGNORE_ALL)) {
    return winInetError(api.GetLastError(), 'InternetSetOptionW(SECURITY_FLAGS)');
  }
  // WinInet adds these at send time when absent: an empty value cannot remove them, only empty them.
  const sendTime = new Set(['host', 'user-agent', ...(spec.body || spec.method !== 'GET' ? ['content-length'] : [])]);
  return addHeaders(handles.request, withBasic(spec), sendTime, afterCall);
}

/** Basic goes out on the first request, as curl sends it (WinInet would wait for a 401 first). */
function withBasic(spec: RequestSpec): RequestSpec['headers'] {
  const a = spec.auth;
  if (a?.scheme !== 'basic' || spec.headers.some(([n]) => n.toLowerCase() === 'authorization')) return spec.headers;
  return [...spec.headers, ['Authorization', `Basic ${Buffer.from(`${a.user}:${a.password}`, 'utf8').toString('base64')}`]];
}

function addHeaders(h: unknown, headers: RequestSpec['headers'], sendTime: Set<string>, afterCall: () => void): EngineErrorInfo | undefined {
  const seen = new Set<string>();
  for (const [name, value, empty] of headers) {
    const key = name.toLowerCase();
    if (value === '' && !empty && !seen.has(key) && sendTime.has(key)) {
      return { code: 'BAD_REQUEST', name: 'HEADER_NOT_REMOVABLE', message: `WinInet always sends its own ${name} header: it cannot be removed (send it with an empty value with "${name};")` };
    }
    // "Name:" with nothing to replace would add an empty header: a removal of a header not set is a no-op.
    if (value === '' && !empty && !seen.has(key)) continue;
    // The first occurrence replaces WinInet's default (REPLACE with an empty value deletes it).
    const mode = seen.has(key) ? HTTP_ADDREQ_FLAG_ADD : HTTP_ADDREQ_FLAG_ADD | HTTP_ADDREQ_FLAG_REPLACE;
    seen.add(key);
    const wire = utf8ForAnsi(value);
    if (wire === undefined) {
      return { code: 'BAD_REQUEST', name: 'HEADER_NOT_ENCODABLE', message: `the value of the header ${JSON.stringify(name)} cannot go out as UTF-8 through WinInet's ANSI code page` };
    }
    const line = `${name}: ${wire}\r\n`;
    if (!api.HttpAddRequestHeadersW(h, line, line.length, mode >>> 0) && value !== '') {
      const err = winInetError(api.GetLastError(), 'HttpAddRequestHeadersW');
      return { ...err, code: 'BAD_REQUEST', message: `the header ${JSON.stringify(name)} was refused: ${err.message}` };
    }
    afterCall();
  }
  return undefined;
}
