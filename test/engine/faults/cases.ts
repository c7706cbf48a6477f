// The fault cases, after the kinds curl's and undici's test suites use: each one a small
// script the fault server plays, and what each engine must make of it: a named error (a
// stable code of contract/events.ts) or a correct response with exact bytes. Where WinInet
// (under Wine) and libcurl differ, `differs` says why and each side is asserted as it is.
import type { ErrorCode } from '../../../contract/events.js';
import type { EngineName } from '../../../engine/engine.js';
import type { CaKind, LeafCerts } from './certs.js';
import { head, type Script } from './script.js';

export type Outcome =
  | { error: ErrorCode; name?: RegExp; message?: RegExp }
  | { status: number; body: string | Buffer; header?: RegExp };

export interface FaultCase {
  name: string;
  script: Script;
  /** Served over TLS with this certificate (the script then is a plain good response). */
  tls?: keyof LeafCerts;
  /** Sent with this CA file (curl's --cacert). */
  caFile?: CaKind;
  follow?: boolean;
  expect: Record<EngineName, Outcome>;
  /** Why the engines differ, when they do. */
  differs?: string;
}

const both = (o: Outcome): Record<EngineName, Outcome> => ({ curl: o, wininet: o });
const ok200 = (body: string | Buffer, header?: RegExp): Outcome => ({ status: 200, body, header });
const close = ['Connection', 'close'] as [string, string];
const filler = (n: number): string => 'x'.repeat(n);

/** Wine's chunk parser skips what is not a hex digit: "zz" reads as size 0, the end of a complete body. */
const WINE_CHUNK_SIZE = 'Wine\'s WinInet skips characters of a chunk size that are not hex digits, so "zz" is a last chunk (size 0) and the body ends complete and empty: the API gives no sign of it (known gap)';
/** Wine keeps a header line up to a NUL as its value, drops a line with no colon: the head WinInet hands over is well-formed. */
const WINE_HEADER_LINE = 'Wine\'s WinInet cuts a header value at a NUL byte and drops a line without a colon, silently: the head it hands over is well-formed, so the engine cannot tell (known gap)';
/** Wine checks revocation before the issuer, and a leaf of the test CA has no CRL to check. */
const TLS_NAMES = { curl: /CURLE_PEER_FAILED_VERIFICATION/, wininet: /ERROR_INTERNET_SEC_CERT_REV_FAILED|ERROR_INTERNET_INVALID_CA/ };
const tlsError = (): Record<EngineName, Outcome> => ({ curl: { error: 'TLS_CERT', name: TLS_NAMES.curl }, wininet: { error: 'TLS_CERT', name: TLS_NAMES.wininet } });

const GOOD: Script = [{ send: head('HTTP/1.1 200 OK', [['Content-Length', 3], close]) + 'ok\n' }];

export const FAULT_CASES: FaultCase[] = [
  {
    name: 'content-length-longer',
    script: [{ send: head('HTTP/1.1 200 OK', [['Content-Length', 1000], close]) + filler(500) }],
    expect: both({ error: 'PARTIAL_BODY' }),
  },
  {
    name: 'content-length-shorter',
    script: [{ send: head('HTTP/1.1 200 OK', [['Content-Length', 10], close]) + filler(10) + 'EXTRA-BYTES' }],
    expect: both(ok200(filler(10))),
  },
  {
    name: 'content-length-twice',
    script: [{ send: head('HTTP/1.1 200 OK', [['Content-Length', 5], ['Content-Length', 7], close]) + 'abcdefg' }],
    expect: both({ error: 'BAD_RESPONSE' }),
  },
  {
    name: 'content-length-negative',
    script: [{ send: head('HTTP/1.1 200 OK', [['Content-Length', -5], close]) + 'abcdefg' }],
    expect: both({ error: 'BAD_RESPONSE' }),
  },
  {
    name: 'chunked-cut-off',
    script: [{ send: head('HTTP/1.1 200 OK', [['Transfer-Encoding', 'chunked'], close]) + '10\r\n0123456789abcdef\r\n10\r\n01234' }],
    // Wine drops the connection of a broken chunked body at close (query.ts, droppedAtClose).
    expect: { curl: { error: 'PARTIAL_BODY' }, wininet: { error: 'PARTIAL_BODY', name: /CHUNKED_BODY_INCOMPLETE/ } },
  },
  {
    name: 'chunk-size-invalid',
    script: [{ send: head('HTTP/1.1 200 OK', [['Transfer-Encoding', 'chunked'], close]) + 'zz\r\nhello\r\n0\r\n\r\n' }],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_RECV_ERROR/ }, wininet: ok200('') },
    differs: WINE_CHUNK_SIZE,
  },
  {
    name: 'chunk-size-overflow',
    script: [{ send: head('HTTP/1.1 200 OK', [['Transfer-Encoding', 'chunked'], close]) + 'FFFFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n' }],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_RECV_ERROR/ }, wininet: { error: 'PARTIAL_BODY', name: /CHUNKED_BODY_INCOMPLETE/ } },
    differs: 'libcurl rejects the size itself; Wine\'s WinInet reads a huge chunk and runs out of data',
  },
  // The same without Connection: close: WinInet shows a broken chunked body by dropping the
  // connection at close (native-bridge/wininet/query.ts, droppedAtClose); a complete one is kept.
  {
    name: 'chunked-cut-off-keep-alive',
    script: [{ send: head('HTTP/1.1 200 OK', [['Transfer-Encoding', 'chunked']]) + '10\r\n0123456789abcdef\r\n10\r\n01234' }],
    expect: { curl: { error: 'PARTIAL_BODY' }, wininet: { error: 'PARTIAL_BODY', name: /CHUNKED_BODY_INCOMPLETE/ } },
  },
  {
    name: 'chunk-size-overflow-keep-alive',
    script: [{ send: head('HTTP/1.1 200 OK', [['Transfer-Encoding', 'chunked']]) + 'FFFFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n' }],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_RECV_ERROR/ }, wininet: { error: 'PARTIAL_BODY', name: /CHUNKED_BODY_INCOMPLETE/ } },
    differs: 'libcurl rejects the size itself; Wine\'s WinInet reads a huge chunk and runs out of data',
  },
  {
    name: 'chunked-keep-alive-complete',
    script: [{ send: head('HTTP/1.1 200 OK', [['Transfer-Encoding', 'chunked']]) + '10\r\n0123456789abcdef\r\n5\r\n01234\r\n0\r\n\r\n' }],
    expect: both(ok200('0123456789abcdef01234')),
  },
  {
    name: 'empty-reply',
    script: [],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_GOT_NOTHING/ }, wininet: { error: 'BAD_RESPONSE', name: /^EMPTY_REPLY$/ } },
  },
  // A first line that is not an HTTP/1.x status line: curl refuses it as HTTP/0.9 (exit 1);
  // Wine's WinInet makes up a head for it and serves the rest as the body (wine-quirks.ts, madeUpHead).
  {
    name: 'bad-protocol',
    script: [{ send: head('HTTX/1.1 200 OK', [['Content-Length', 3], close]) + 'abc' }],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_UNSUPPORTED_PROTOCOL/ }, wininet: { error: 'BAD_RESPONSE', name: /^NO_STATUS_LINE$/ } },
  },
  {
    name: 'bad-version',
    script: [{ send: head('HTTP/7.3 200 OK', [['Content-Length', 3], close]) + 'abc' }],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_UNSUPPORTED_PROTOCOL/ }, wininet: { error: 'BAD_RESPONSE', name: /^BAD_STATUS_LINE$/ } },
  },
  {
    name: 'garbage-reply',
    script: [{ send: 'hello there\r\nX: y\r\n\r\nmore bytes' }],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_UNSUPPORTED_PROTOCOL/ }, wininet: { error: 'BAD_RESPONSE', name: /^NO_STATUS_LINE$/ } },
  },
  {
    name: 'transfer-encoding-unknown',
    script: [{ send: head('HTTP/1.1 200 OK', [['Transfer-Encoding', 'identityx'], ['Content-Length', 3], close]) + 'abc' }],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_BAD_CONTENT_ENCODING/ }, wininet: { error: 'BAD_RESPONSE', name: /^UNKNOWN_TRANSFER_ENCODING$/ } },
  },
  {
    name: 'header-nul',
    script: [{ send: head('HTTP/1.1 200 OK', [['A', 1], ['B', '\0x'], ['Content-Length', 3], close]) + 'abc' }],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_WEIRD_SERVER_REPLY/ }, wininet: ok200('abc') },
    differs: WINE_HEADER_LINE,
  },
  {
    name: 'header-no-colon',
    script: [{ send: head('HTTP/1.1 200 OK', [['A', 1], ['Content-Length', 3], close]).replace('A: 1', 'A: 1\r\nno colon here') + 'abc' }],
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_WEIRD_SERVER_REPLY/ }, wininet: ok200('abc') },
    differs: WINE_HEADER_LINE,
  },
  {
    name: 'invalid-status-line',
    script: [{ send: 'HTTP/1.1 OK 200\r\nContent-Length: 2\r\n\r\nhi' }],
    expect: both({ error: 'BAD_RESPONSE' }),
  },
  {
    name: 'negative-status',
    script: [{ send: head('HTTP/1.1 -200 OK', [['Content-Length', 2], close]) + 'hi' }],
    expect: both({ error: 'BAD_RESPONSE' }),
  },
  {
    name: 'http-0.9',
    script: [{ send: 'plain bytes, no status line\n' }],
    // libcurl refuses HTTP/0.9 unless asked; Wine's WinInet makes up "HTTP/1.0 200 OK", which
    // the engine recognises (wine-quirks.ts, madeUpHead).
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_UNSUPPORTED_PROTOCOL/ }, wininet: { error: 'BAD_RESPONSE', name: /NO_STATUS_LINE/ } },
  },
  {
    name: 'header-100k',
    script: [{ send: head('HTTP/1.1 200 OK', [['X-Big', filler(100 * 1024)], ['Content-Length', 3], close]) + 'ok\n' }],
    // Wine's WinInet keeps 4,095 characters of the line and drops the rest, silently: the engine refuses it.
    expect: { curl: { error: 'BAD_RESPONSE', name: /CURLE_OUT_OF_MEMORY/ }, wininet: { error: 'BAD_RESPONSE', name: /HEADER_LINE_CUT/ } },
    differs: 'libcurl refuses a header line over 100 KiB (CURL_MAX_HTTP_HEADER); Wine\'s WinInet cuts any line at 4,095 characters, which the engine refuses',
  },
  {
    name: 'header-4000',
    script: [{ send: head('HTTP/1.1 200 OK', [['X-Long', filler(4000)], ['Content-Length', 3], close]) + 'ok\n' }],
    expect: both(ok200('ok\n', /\r\nX-Long: x{4000}\r\n/)),
  },
  {
    name: 'headers-10000',
    script: [{ send: head('HTTP/1.1 200 OK', [...Array.from({ length: 10_000 }, (_, i): [string, number] => [`X-H${i}`, i]), ['Content-Length', 3], close]) + 'ok\n' }],
    expect: both(ok200('ok\n', /X-H9999: 9999/)),
  },
  {
    name: 'header-folding',
    script: [{ send: 'HTTP/1.1 200 OK\r\nX-Folded: first\r\n  second\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n' }],
    expect: both(ok200('ok\n', /X-Folded: first/)),
  },
  {
    name: 'headers-split-across-writes',
    script: [{ drip: head('HTTP/1.1 200 OK', [['Content-Type', 'text/plain'], ['Content-Length', 6], close]), size: 3, gapMs: 5 }, { send: 'split\n' }],
    expect: both(ok200('split\n', /Content-Type: text\/plain/)),
  },
  { name: 'stall-before-headers', script: [{ hold: true }], expect: both({ error: 'TIMEOUT' }) },
  {
    name: 'stall-mid-body',
    script: [{ send: head('HTTP/1.1 200 OK', [['Content-Length', 100_000]]) + filler(40_000) }, { hold: true }],
    expect: both({ error: 'TIMEOUT' }),
  },
  {
    name: 'slow-drip',
    script: [{ send: head('HTTP/1.1 200 OK', [['Content-Length', 12], close]) }, { drip: 'drip-drop-ok', size: 1, gapMs: 100 }],
    expect: both(ok200('drip-drop-ok')),
  },
  {
    name: 'slow-drip-past-deadline',
    script: [{ send: head('HTTP/1.1 200 OK', [['Content-Length', 100], close]) }, { drip: filler(100), size: 1, gapMs: 100 }],
    expect: both({ error: 'TIMEOUT' }),
  },
  {
    name: '1xx-with-body',
    script: [{ send: head('HTTP/1.1 100 Continue', [['Content-Length', 5]]) + 'hello' + head('HTTP/1.1 200 OK', [['Content-Length', 3], close]) + 'ok\n' }],
    expect: both({ error: 'BAD_RESPONSE' }),
  },
  {
    name: 'unexpected-101',
    script: [{ send: head('HTTP/1.1 101 Switching Protocols', [['Upgrade', 'websocket'], ['Connection', 'Upgrade']]) + 'not http at all' }],
    expect: both({ error: 'BAD_RESPONSE' }),
  },
  {
    name: 'redirect-loop',
    follow: true,
    script: [{ send: head('HTTP/1.1 302 Found', [['Location', '/fault/redirect-loop'], ['Content-Length', 0]]) }],
    expect: both({ error: 'TOO_MANY_REDIRECTS' }),
  },
  {
    name: 'redirect-unsupported-scheme',
    follow: true,
    script: [{ send: head('HTTP/1.1 302 Found', [['Location', 'gopher://127.0.0.1:1/x'], ['Content-Length', 0], close]) }],
    expect: both({ error: 'UNSUPPORTED_SCHEME' }),
  },
  {
    name: 'reset-mid-body',
    script: [{ send: head('HTTP/1.1 200 OK', [['Content-Length', 100_000]]) + filler(50_000) }, { wait: 50 }, { reset: true }],
    expect: both({ error: 'PARTIAL_BODY' }),
  },
  {
    name: 'gzip-corrupt',
    script: [{ send: head('HTTP/1.1 200 OK', [['Content-Encoding', 'gzip'], ['Content-Length', 16], close]) + '\x1f\x8b\x08\x00garbage!garb' }],
    // Neither engine asks for or decodes compression (bodies are byte-exact): the bytes as sent.
    expect: both(ok200(Buffer.from('\x1f\x8b\x08\x00garbage!garb', 'latin1'))),
  },
  { name: 'tls-unknown-ca', tls: 'unknownCa', script: GOOD, expect: tlsError() },
  // With the test CA as the CA file the chain is trusted and the specific reason comes out.
  {
    name: 'tls-expired',
    tls: 'expired',
    caFile: 'test',
    script: GOOD,
    expect: {
      curl: { error: 'TLS_CERT', name: TLS_NAMES.curl, message: /certificate has expired/ },
      wininet: { error: 'TLS_CERT', name: /^ERROR_INTERNET_SEC_CERT_DATE_INVALID$/, message: /expired or is not yet valid/ },
    },
  },
  {
    name: 'tls-wrong-host',
    tls: 'wrongHost',
    caFile: 'test',
    script: GOOD,
    expect: {
      curl: { error: 'TLS_CERT', name: TLS_NAMES.curl, message: /subject name matches target host name 'localhost'|does not match target host name/ },
      wininet: { error: 'TLS_CERT', name: /^ERROR_INTERNET_SEC_CERT_CN_INVALID$/, message: /does not match the host name/ },
    },
  },
  { name: 'tls-valid-with-ca-file', tls: 'unknownCa', caFile: 'test', script: GOOD, expect: both(ok200('ok\n')) },
  {
    name: 'tls-other-ca-file',
    tls: 'unknownCa',
    caFile: 'other',
    script: GOOD,
    expect: {
      curl: { error: 'TLS_CERT', name: TLS_NAMES.curl, message: /unable to get local issuer certificate/ },
      // Refused by the issuer's name before anything is sent (Wine), or by the chain (Windows).
      wininet: { error: 'TLS_CERT', name: /^ERROR_INTERNET_INVALID_CA$/, message: /not trusted: .*a CA in .*other\.pem/ },
    },
  },
  {
    // A CA with the test CA's name but another key: only a signature check tells them apart.
    name: 'tls-forged-ca-file',
    tls: 'unknownCa',
    caFile: 'forged',
    script: GOOD,
    expect: {
      curl: { error: 'TLS_CERT', name: TLS_NAMES.curl, message: /certificate signature failure|unable to get local issuer certificate/ },
      wininet: { error: 'TLS_CERT', name: /^ERROR_INTERNET_INVALID_CA$/, message: /not trusted: its chain does not lead to a CA in .*forged\.pem/ },
    },
  },
];

export const MAX_TIME_S = 3;
export const MAX_REDIRS = 5;
