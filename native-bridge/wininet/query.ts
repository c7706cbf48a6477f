// Synchronous HttpQueryInfoW helpers (called outside callbacks, with JS buffers).
import type { EngineErrorInfo } from '../events.js';
import { dropAtCloseMeansBrokenChunks, madeUpHead, UNDER_WINE } from './wine-quirks.js';
import { api, ERROR_INSUFFICIENT_BUFFER, HTTP_QUERY_RAW_HEADERS_CRLF, HTTP_QUERY_STATUS_CODE } from './api.js';

/**
 * One reused buffer, grown to the largest head seen: Wine builds the whole header block
 * anew on every HttpQueryInfoW call, in time quadratic in the header count (10,000 headers:
 * ~2 s a call), so a call that fails for want of room must not be the common case.
 */
let scratch = Buffer.alloc(64 * 1024);

function queryString(h: unknown, level: number): string | undefined {
  for (let attempt = 0; attempt < 4; attempt++) {
    const len = [scratch.length];
    if (api.HttpQueryInfoW(h, level, scratch, len, null)) {
      return scratch.subarray(0, len[0]).toString('utf16le');
    }
    if (api.GetLastError() !== ERROR_INSUFFICIENT_BUFFER) return undefined;
    scratch = Buffer.alloc(Math.max((len[0] ?? 0) + 2, scratch.length * 2));
  }
  return undefined;
}

export interface ResponseHead {
  statusCode: number;
  statusLine: string;
  httpVersion: string;
  rawHeaders: string;
  contentLength?: number;
  chunked: boolean;
  /** The server lets the connection live on (as Wine's HTTP_KeepAlive judges it). */
  keepAlive: boolean;
  requestHeaders?: string;
}

/** HTTP/1.1 unless it says close, HTTP/1.0 only if it says keep-alive; Proxy-Connection counts too. */
function keepsAlive(httpVersion: string, raw: string): boolean {
  const conn = /\r\n(?:proxy-)?connection:\s*([^\r\n]*)/i.exec(raw)?.[1]?.trim().toLowerCase();
  return conn === undefined ? httpVersion === 'HTTP/1.1' : conn === 'keep-alive';
}

const HTTP_QUERY_FLAG_REQUEST_HEADERS = 0x80000000;

export function queryResponseHead(h: unknown): ResponseHead | undefined {
  const raw = queryString(h, HTTP_QUERY_RAW_HEADERS_CRLF);
  if (raw === undefined) return undefined;
  const statusLine = raw.split('\r\n', 1)[0] ?? '';
  const m = /^(HTTP\/\d(?:\.\d)?)\s+(\d{3})/.exec(statusLine);
  const codeText = queryString(h, HTTP_QUERY_STATUS_CODE);
  const statusCode = Number(codeText ?? m?.[2] ?? 0);
  const cl = /\r\ncontent-length:\s*(\d+)\s*(?:\r\n|$)/i.exec(raw);
  const httpVersion = m?.[1] ?? 'HTTP/1.1';
  return {
    statusCode,
    statusLine,
    httpVersion,
    keepAlive: keepsAlive(httpVersion, raw),
    rawHeaders: raw,
    contentLength: cl ? Number(cl[1]) : undefined,
    chunked: /\r\ntransfer-encoding:[^\r\n]*chunked/i.test(raw),
    requestHeaders: queryString(h, (HTTP_QUERY_FLAG_REQUEST_HEADERS | HTTP_QUERY_RAW_HEADERS_CRLF) >>> 0),
  };
}

/** The headers event of a head: what the engine keeps for itself stays out. */
export function headersEvent(head: ResponseHead) {
  const { chunked: _chunked, keepAlive: _keepAlive, ...event } = head;
  return { type: 'headers' as const, ...event };
}

/** Why a finished body is shorter than its Content-Length said, or undefined. */
function shortBody(head: ResponseHead, method: string, bytes: number): string | undefined {
  const bodyless = method === 'HEAD' || head.statusCode === 204 || head.statusCode === 304;
  if (head.contentLength === undefined || head.chunked || bodyless || bytes >= head.contentLength) return undefined;
  return `the connection closed after ${bytes} of ${head.contentLength} body bytes`;
}

/** Why a body that ended is not the response it looks like, or undefined. */
export function bodyProblem(head: ResponseHead, method: string, bytes: number): EngineErrorInfo | undefined {
  const short = shortBody(head, method, bytes);
  if (short) return { code: 'PARTIAL_BODY', name: 'PARTIAL_BODY', message: short };
  return madeUpHead(head.rawHeaders, bytes);
}

/**
 * Wine's WinInet ends a broken chunked body (cut off, or a chunk size past the data) as if
 * complete, but cannot drain it, so at InternetCloseHandle it drops a connection it would
 * otherwise keep alive: the one sign the API gives (a Connection: close reply hides it).
 * Called when that drop is seen during the close: the result, turned into that error.
 */
export function droppedAtClose<R extends { ok: boolean }>(result: R | undefined, head: ResponseHead | undefined, method: string, bytes: number): R | { ok: false; error: EngineErrorInfo } | undefined {
  if (!dropAtCloseMeansBrokenChunks(UNDER_WINE) || !result?.ok || !head?.chunked || !head.keepAlive || method === 'HEAD') return result;
  const message = `the chunked body ended without its last chunk after ${bytes} bytes (cut off, or a bad chunk size): WinInet could not finish it`;
  return { ok: false, error: { code: 'PARTIAL_BODY', name: 'CHUNKED_BODY_INCOMPLETE', message } };
}
