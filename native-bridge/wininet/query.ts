// Synchronous HttpQueryInfoW helpers (called outside callbacks, with JS buffers).
import type { EngineErrorInfo, StatusInfo } from '../../contract/events.js';
import type { HttpVersionChoice } from '../../contract/request.js';
import { dropAtCloseMeansBrokenChunks, UNDER_WINE } from './wine-quirks.js';
import { api, ERROR_INSUFFICIENT_BUFFER, HTTP_PROTOCOL_FLAG_HTTP2, HTTP_QUERY_CUSTOM, INTERNET_OPTION_HTTP_PROTOCOL_USED, HTTP_QUERY_RAW_HEADERS_CRLF, HTTP_QUERY_STATUS_CODE } from './api.js';

/**
 * One reused buffer, grown to the largest head seen: Wine builds the whole header block
 * anew on every HttpQueryInfoW call, in time quadratic in the header count (10,000 headers:
 * ~2 s a call), so a call that fails for want of room must not be the common case.
 */
let scratch = Buffer.alloc(64 * 1024);

/** `custom`: the header name HTTP_QUERY_CUSTOM looks up (the buffer is in/out). */
function queryString(h: unknown, level: number, custom?: string): string | undefined {
  return query(h, level, false, custom);
}

/**
 * `ansi`: HttpQueryInfoA, whose bytes are the ones received (WinInet decoded them with the
 * ANSI code page and encodes them back), as a latin1 string like the curl engine's head;
 * HttpQueryInfoW would turn bytes 0x80-0x9F of cp1252 into other characters.
 */
function query(h: unknown, level: number, ansi: boolean, custom?: string): string | undefined {
  for (let attempt = 0; attempt < 4; attempt++) {
    const len = [scratch.length];
    if (custom !== undefined) scratch.write(`${custom}\0`, 'utf16le');
    if ((ansi ? api.HttpQueryInfoA : api.HttpQueryInfoW)(h, level, scratch, len, null)) {
      return scratch.subarray(0, len[0]).toString(ansi ? 'latin1' : 'utf16le');
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
  /** WinInet keeps the parsed status code as a "Status" header when it read a status line (Wine; see wine-quirks.ts). */
  statusHeader: boolean;
  requestHeaders?: string;
}

const HTTP_QUERY_FLAG_REQUEST_HEADERS = 0x80000000;

/** `sent`: the request head as queried when it was sent (REQUEST_SENT), before the response could change it. */
export function queryResponseHead(h: unknown, sent?: string): ResponseHead | undefined {
  const raw = query(h, HTTP_QUERY_RAW_HEADERS_CRLF, true);
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
    rawHeaders: raw,
    contentLength: cl ? Number(cl[1]) : undefined,
    chunked: /\r\ntransfer-encoding:[^\r\n]*chunked/i.test(raw),
    statusHeader: queryString(h, HTTP_QUERY_CUSTOM, 'Status') !== undefined,
    requestHeaders: sent ?? querySentHead(h),
  };
}

/**
 * The request head as WinInet holds it. Wine keeps one version field for the request and
 * the response, so after a response this reports the response's version: query it at
 * REQUEST_SENT for the line really sent.
 */
export function querySentHead(h: unknown): string | undefined {
  return queryString(h, (HTTP_QUERY_FLAG_REQUEST_HEADERS | HTTP_QUERY_RAW_HEADERS_CRLF) >>> 0);
}

/**
 * PROTOCOL_NEGOTIATED's info: the version of the head, or HTTP/2 where WinInet says it used it
 * (INTERNET_OPTION_HTTP_PROTOCOL_USED, Windows 10+; asked only when HTTP/2 was enabled).
 */
export function protocolInfo(h: unknown, head: ResponseHead, asked: HttpVersionChoice | undefined): StatusInfo {
  let protocol = head.httpVersion;
  if (asked === '2') {
    const out = Buffer.alloc(4);
    if (api.InternetQueryOptionA(h, INTERNET_OPTION_HTTP_PROTOCOL_USED, out, [4]) && (out.readUInt32LE(0) & HTTP_PROTOCOL_FLAG_HTTP2) !== 0) protocol = 'HTTP/2';
  }
  return { protocol, ...(asked ? { requested: asked } : {}) };
}

/** The headers event of a head: what the engine keeps for itself stays out. */
export function headersEvent(head: ResponseHead) {
  const { chunked: _chunked, statusHeader: _statusHeader, ...event } = head;
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
  return undefined;
}

/**
 * Wine's WinInet ends a broken chunked body (cut off, or a chunk size past the data) as if
 * complete, but cannot drain it: a complete one's connection is pooled or closed during the
 * last read, a broken one's is dropped at InternetCloseHandle (CLOSING_CONNECTION), with or
 * without Connection: close. Called when that drop is seen during the close.
 */
export function droppedAtClose<R extends { ok: boolean }>(result: R | undefined, head: ResponseHead | undefined, method: string, bytes: number): R | { ok: false; error: EngineErrorInfo } | undefined {
  if (!dropAtCloseMeansBrokenChunks(UNDER_WINE) || !result?.ok || !head?.chunked || method === 'HEAD') return result;
  const message = `the chunked body ended without its last chunk after ${bytes} bytes (cut off, or a bad chunk size): WinInet could not finish it`;
  return { ok: false, error: { code: 'PARTIAL_BODY', name: 'CHUNKED_BODY_INCOMPLETE', message } };
}
