// The cases the CLI is compared on with the real curl (see control-suite.ts). A case names
// the server's reply (a raw script, or a path on the control HTTP server) and the flags;
// curl's exit code and stdout are the expected result. `gaps` names, per engine, why a
// stack cannot match curl (the case then runs as a todo).
import fs from 'node:fs';
import path from 'node:path';
import type { Script } from '../engine/faults/script.js';
import type { EngineName } from '../../engine/engine.js';

export interface ControlEnv {
  /** The URL of a raw-script case by name. */
  raw(name: string): string;
  /** A path on the control HTTP server. */
  http(path: string): string;
  port(): number;
}

export interface ControlCase {
  name: string;
  title: string;
  script?: (ctx: { url: string; lastRequest: string }) => Script;
  args(env: ControlEnv): string[];
  stdin?: Buffer;
  setup?(dir: string): void;
  /** Files (relative to the run's directory) compared after the run. */
  files?: string[];
  /** Files our run must not leave (where curl differs on purpose: -o is complete or absent). */
  absent?: string[];
  /** curl's own exit code, as a check that the case tests what it says. */
  expectCurl?: number;
  stderr?: RegExp;
  gaps?: Partial<Record<EngineName, string>>;
}

const raw = (name: string, title: string, text: string, args: string[] = [], expectCurl?: number, more: Partial<ControlCase> = {}): ControlCase => ({
  name, title, script: () => [{ send: text }], args: (env) => [...args, env.raw(name)], expectCurl, ...more,
});

/** A small upload file in a run's directory. */
const writeBody = (dir: string): void => fs.writeFileSync(path.join(dir, 'body.bin'), 'file body\nline 2\n');

/** The reply is the request head as received: curl's request and ours compared byte for byte. */
const echoHead = (name: string, title: string, args: string[], more: Partial<ControlCase> = {}): ControlCase => ({
  name, title, expectCurl: 0,
  script: ({ lastRequest }) => [{ send: `HTTP/1.1 200 OK\r\nContent-Length: ${lastRequest.length}\r\nConnection: close\r\n\r\n${lastRequest}` }],
  args: (env) => ['-A', 'agent/1', ...args, env.raw(name)],
  gaps: { wininet: 'WinInet composes the request itself: its header order and defaults are not curl\'s' },
  ...more,
});

/** As echoHead, but the reply is only the request's header lines of these names: one flag's effect on any stack. */
const echoLines = (name: string, title: string, names: string[], args: string[], more: Partial<ControlCase> = {}): ControlCase => ({
  ...echoHead(name, title, args),
  script: ({ lastRequest }) => {
    const lines = lastRequest.split('\r\n').filter((l) => names.includes(l.split(':')[0]?.toLowerCase() ?? '')).join('\n') + '\n';
    return [{ send: `HTTP/1.1 200 OK\r\nContent-Length: ${lines.length}\r\nConnection: close\r\n\r\n${lines}` }];
  },
  gaps: undefined,
  ...more,
});

const STDIN = Buffer.from('from stdin\nsecond line\n');

const CRLF_GAP = { wininet: 'WinInet hands over header lines normalised to CRLF: the raw bytes of the head are not available' };
/** WinInet engine work (issue 13 §1), not a CLI matter: the CLI exits with what the engine reports. */
const ENGINE = (what: string) => ({ wininet: `the WinInet engine ${what}` });
const NO_RESEND = { wininet: 'WinInet under Wine follows a 307 itself and sends the request again with no body (Content-Length: 0) instead of answering HttpEndRequest with FORCE_RETRY: the engine fails it by name (SEND_FAILED / REDIRECT_BODY_LOST, exit 55). On Windows the engine answers FORCE_RETRY by sending the body again (not verifiable here)' };
const NO_308 = ENGINE('does not follow a 308 (Wine\'s WinInet follows 301, 302, 303 and 307 only)');

const NO_EMPTY_VALUE = { wininet: 'WinInet joins a header name and value with ": ": an empty value goes out as "Name: ", curl sends "Name:"' };
const NO_CHUNKED_UPLOAD = { wininet: 'WinInet under Wine adds a Content-Length to every request that is not a GET, so a chunked PUT would carry both headers: the engine refuses it by name (BAD_REQUEST / CHUNKED_UPLOAD_UNSUPPORTED; wine-quirks.ts contentLengthAlways)' };
/** Wine's chunk decoding: what its API lets the engine see (wine-quirks.ts, chunkedDrainDrop). */
const CHUNK_OVERFLOW = { wininet: 'Wine\'s WinInet reads an overflowing chunk size as a huge chunk and runs out of data: the engine sees a cut-off body (18), not a bad size (56)' };
const CHUNK_SIZE_SKIPPED = { wininet: 'Wine\'s WinInet skips characters of a chunk size that are not hex digits: "ZZ" reads as the last chunk and the body ends complete' };

const INTERIM = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\nX-A: b\r\n\r\nHTTP/1.1 104 Upload Resumption Supported\r\n\r\n';
const NO_INTERIM = { wininet: 'WinInet hands over no 1xx head (it consumes a 100 Continue itself), and the WinInet engine fails the request (8) on a 102 or 104' };

export const CONTROL_CASES: ControlCase[] = [
  // 1. Exit codes: the libcurl code curl exits with.
  raw('empty-reply', 'an empty reply is 52', '', [], 52),
  raw('bad-version', 'a status line with a version that does not exist', 'HTTP/2.5 200 OK\r\nContent-Length: 3\r\n\r\nabc', [], 1),
  raw('bad-protocol', 'a status line with a wrong protocol name', 'HTTX/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc', [], 1),
  raw('bad-status-garbage', 'a reply that is not HTTP', 'hello there\r\n\r\n', [], 1),
  raw('bad-status-code', 'a status code that is not three digits', 'HTTP/1.1 2000 OK\r\nContent-Length: 3\r\n\r\nabc', [], 1),
  raw('chunk-overflow', 'a chunk size that overflows is 56', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n', [], 56, { gaps: CHUNK_OVERFLOW }),
  // 2, 3. A failed body: what arrived before the error is on stdout, the exit is the error's.
  raw('chunk-bad-size', 'a broken chunk size after one chunk: 56 and the chunk', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nZZ\r\nabc\r\n', [], 56, { gaps: CHUNK_SIZE_SKIPPED }),
  raw('chunk-cut', 'a chunked body cut off: 18 and the bytes so far', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n3\r\nab', [], 18),
  raw('length-cut', 'a body shorter than its Content-Length: 18 and the bytes so far', 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome bytes', [], 18),
  {
    name: 'timeout-mid-body', title: '-m: 28 and the bytes that arrived before the deadline', expectCurl: 28,
    script: () => [{ send: 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nten bytes.' }, { hold: true }],
    args: (env) => ['-m', '2', env.raw('timeout-mid-body')],
    gaps: { wininet: 'WinInet under Wine completes a pending InternetReadFile only with a full buffer (256 KiB) or the end: the bytes that arrived before the deadline are still inside that read when it is abandoned' },
  },
  raw('chunk-cut-o', '-o FILE on a cut-off body: no file', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n', ['-o', 'out.bin'], 18, { absent: ['out.bin'] }),
  // 4. -i prints the head as the server sent it.
  raw('head-lf', '-i: LF-only header lines stay LF', 'HTTP/1.1 200 OK\nA: b\nContent-Length: 3\n\nabc', ['-i'], 0, { gaps: CRLF_GAP }),
  raw('head-trailing-space', '-i: trailing spaces stay', 'HTTP/1.1 200 OK \r\nA: b  \r\nContent-Length: 3\r\n\r\nabc', ['-i'], 0, { gaps: CRLF_GAP }),
  raw('head-no-reason', '-i: an empty reason phrase stays empty', 'HTTP/1.1 200\r\nContent-Length: 3\r\n\r\nabc', ['-i'], 0, { gaps: { wininet: 'WinInet rebuilds the status line: an empty reason phrase comes back as "200 " with a space' } }),
  raw('head-colon-spacing', '-i: the spacing after a colon stays', 'HTTP/1.1 200 OK\r\nA:b\r\nB:    c\r\nC:\td\r\nContent-Length: 3\r\n\r\nabc', ['-i'], 0, { gaps: CRLF_GAP }),
  raw('head-utf8', '-i: raw UTF-8 in a header value is not encoded twice', 'HTTP/1.1 200 OK\r\nX-Name: caf\u00c3\u00a9 \u00e2\u0080\u009c\r\nContent-Length: 3\r\n\r\nabc', ['-i'], 0),
  raw('head-bad-line', '-i: the header lines up to a bad one', 'HTTP/1.1 200 OK\r\nA: 1\r\nB: \0x\r\nContent-Length: 3\r\n\r\nabc', ['-i'], 8, { gaps: { wininet: 'Wine\'s WinInet cuts a header value at a NUL byte, silently: the head it hands over is well-formed' } }),
  // 5. 1xx interim responses.
  raw('interim-1xx', '-i: 100, 102 and 104 heads, then the final response', `${INTERIM}HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc`, ['-i'], 0, { gaps: NO_INTERIM }),
  raw('interim-plain', 'without -i the interim heads print nothing', `${INTERIM}HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc`, [], 0, { gaps: ENGINE('fails the request (8) when 102 and 104 interim responses precede the final one') }),
  raw('interim-fail', '-if: the heads received before --fail exits 22', `${INTERIM}HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nabc`, ['-i', '-f'], 22, { gaps: NO_INTERIM }),
  raw('fail-include', '-if on a 404: its head, then exit 22', 'HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nabc', ['-i', '-f'], 22),
  // 6. A body, then a redirect, with -L: curl's method rules, the body re-sent from memory or file.
  ...[301, 302, 303, 307, 308].flatMap((code): ControlCase[] => {
    const resend = code === 307 || code === 308 ? { gaps: code === 308 ? NO_308 : NO_RESEND } : {};
    return [
      { name: `post-${code}`, title: `-d then a ${code} with -L`, expectCurl: 0, args: (env) => ['-L', '-d', 'a=1&b=2', env.http(`/redir/${code}`)], ...resend },
      { name: `post-file-${code}`, title: `--data-binary @file then a ${code} with -L`, expectCurl: 0, setup: (d) => writeBody(d), args: (env) => ['-L', '--data-binary', '@body.bin', env.http(`/redir/${code}`)], ...resend },
      {
        name: `put-${code}`, title: `-T file then a ${code} with -L`, expectCurl: 0, setup: (d) => writeBody(d), args: (env) => ['-L', '-T', 'body.bin', env.http(`/redir/${code}`)],
        ...(code === 301 || code === 302 ? { gaps: { wininet: 'WinInet (Wine\'s) turns a PUT into a GET when it follows a 301/302 itself (curl keeps PUT and re-sends the body): the engine has no say in the method WinInet follows with' } } : resend),
      },
    ];
  }),
  // 8. The request as curl sends it (the reply's body is the request head the server got).
  echoHead('shape-get', 'a GET: header order', ['-H', 'X-A: 1']),
  echoHead('shape-post', '-d: Content-Length before Content-Type', ['-d', 'a=1', '-H', 'X-A: 1']),
  echoHead('shape-post-type', '-d with -H Content-Type', ['-d', 'a=1', '-H', 'Content-Type: text/plain']),
  // curl adds Expect: 100-continue to a PUT; the engine leaves it out unless asked (no 1 s wait on servers that ignore it).
  echoHead('shape-put', '-T: PUT with its Content-Length', ['-T', 'body.bin', '-H', 'Expect:'], { setup: (d) => writeBody(d) }),
  // 7. Flags read as curl reads them.
  { name: 'upload-stdin-dash', title: '-T - reads the upload from stdin', expectCurl: 0, stdin: STDIN, args: (env) => ['-T', '-', env.http('/echo')] },
  { name: 'upload-stdin-dot', title: '-T . reads the upload from stdin', expectCurl: 0, stdin: STDIN, args: (env) => ['-T', '.', env.http('/echo')] },
  echoLines('header-file', '-H @file reads the headers from a file', ['x-a', 'x-b'], ['-H', '@headers.txt'], { setup: (d) => fs.writeFileSync(path.join(d, 'headers.txt'), 'X-A: 1\nX-B: two words\r\n\n') }),
  echoLines('header-file-empty', '-H @file with a "Name;" line', ['x-a', 'x-c'], ['-H', '@headers.txt'], { setup: (d) => fs.writeFileSync(path.join(d, 'headers.txt'), 'X-A: 1\nX-C;\n'), gaps: NO_EMPTY_VALUE }),
  { name: 'two-outputs', title: 'two -o for one URL: the first wins', expectCurl: 0, files: ['a.txt', 'b.txt'], args: (env) => ['-o', 'a.txt', '-o', 'b.txt', env.http('/echo')] },
  { name: 'include-output', title: '-i -o FILE writes the head into the file', expectCurl: 0, files: ['out.txt'], args: (env) => ['-i', '-o', 'out.txt', env.raw('include-output')], script: () => [{ send: 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc' }] },
  { name: 'head-output', title: '-I -o FILE writes the head into the file', expectCurl: 0, files: ['out.txt'], args: (env) => ['-I', '-o', 'out.txt', env.raw('head-output')], script: () => [{ send: 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n' }] },
  raw('include-output-cut', '-i -o FILE on a cut-off body: no file', 'HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc', ['-i', '-o', 'out.txt'], 18, { absent: ['out.txt'] }),
  { name: 'max-redirs-big', title: '--max-redirs 200', expectCurl: 0, args: (env) => ['-L', '--max-redirs', '200', env.http('/redir/302')] },
  { name: 'max-redirs-unlimited', title: '--max-redirs -1 (unlimited)', expectCurl: 0, args: (env) => ['-L', '--max-redirs', '-1', env.http('/redir/302')] },
  { name: 'max-redirs-zero', title: '--max-redirs 0 refuses the first redirect', expectCurl: 47, args: (env) => ['-L', '--max-redirs', '0', env.http('/redir/302')] },
  echoLines('header-quotes', 'a header value with non-ASCII quotes', ['x-q'], ['-H', 'X-Q: \u201cq\u201d']),
  { name: 'url-one-slash', title: 'http:/host is read as http://host', expectCurl: 0, args: (env) => [env.http('/echo').replace('http://', 'http:/')] },
  raw('location-blank', 'a blank Location with -L stays on that response', 'HTTP/1.1 302 Found\r\nLocation: \r\nContent-Length: 3\r\n\r\nabc', ['-L'], 0, { gaps: { wininet: 'WinInet follows a blank Location itself (to the same URL) before the engine sees the response; under Wine a close does not stop it (wine-quirks.ts, redirectCloseRuns)' } }),
  raw('te-identityx', 'Transfer-Encoding: identityx is refused', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: identityx\r\nContent-Length: 3\r\n\r\nabc', [], 61),
  echoLines('host-empty', '-H "Host;" sends an empty Host', ['host'], ['-H', 'Host;'], { gaps: NO_EMPTY_VALUE }),
  { name: 'upload-chunked', title: '-T with -H "Transfer-Encoding: chunked" sends a chunked upload', expectCurl: 0, setup: (d) => writeBody(d), args: (env) => ['-T', 'body.bin', '-H', 'Transfer-Encoding: chunked', env.http('/echo')], gaps: NO_CHUNKED_UPLOAD },
  { name: 'upload-chunked-get', title: '-X GET -T with -H "Transfer-Encoding: chunked": a chunked body on a GET', expectCurl: 0, setup: (d) => writeBody(d), args: (env) => ['-X', 'GET', '-T', 'body.bin', '-H', 'Transfer-Encoding: chunked', env.http('/echo')] },
  echoLines('upload-chunked-get-head', '-X GET -T with -H "Transfer-Encoding: chunked": no Content-Length', ['transfer-encoding', 'content-length'], ['-X', 'GET', '-T', 'body.bin', '-H', 'Transfer-Encoding: chunked', '-H', 'Expect:'], { setup: (d) => writeBody(d) }),
  echoLines('upload-chunked-head', '-T with -H "Transfer-Encoding: chunked": no Content-Length', ['transfer-encoding', 'content-length'], ['-T', 'body.bin', '-H', 'Transfer-Encoding: chunked', '-H', 'Expect:'], { setup: (d) => writeBody(d), gaps: NO_CHUNKED_UPLOAD }),
];
