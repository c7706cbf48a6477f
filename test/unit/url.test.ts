// The one URL check (domain/url.ts): a table of what a person types and what it becomes
// or what the message names. curl 7.88 is the control for what is accepted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUrlInput, UrlInputSchema, urlProblem } from '../../domain/url.js';
import { BadRequestSpec, parseRequestSpec } from '../../engine/request-spec.js';
import { parseCurlCommand } from '../../domain/curl/command.js';

const GOOD: Array<[string, string]> = [
  ['http://example.com/', 'http://example.com/'],
  ['  https://example.com/a?b=c#d  ', 'https://example.com/a?b=c#d'],
  ['example.com', 'http://example.com'],
  ['localhost:8080/x', 'http://localhost:8080/x'],
  ['user:pw@127.0.0.1:1/', 'http://user:pw@127.0.0.1:1/'],
  ['HTTP://Example.COM/', 'HTTP://Example.COM/'],
  ['http:/h', 'http://h'],
  ['http:///h', 'http://h'],
  ['http://h:/', 'http://h:/'],
  ['http://[::1]:8080/', 'http://[::1]:8080/'],
  ['http://a_b.c/', 'http://a_b.c/'],
  ['http://h/a%zz"<>', 'http://h/a%zz"<>'],
  ['http://h/caf%C3%A9?q=%20', 'http://h/caf%C3%A9?q=%20'],
  ['http://bücher.example/', 'http://bücher.example/'],
];

const BAD: Array<[string, 'BAD_URL' | 'UNSUPPORTED_SCHEME', string]> = [
  ['', 'BAD_URL', 'enter a URL'],
  ['   ', 'BAD_URL', 'enter a URL'],
  ['http://exa mple.com/', 'BAD_URL', 'the host "exa mple.com" contains a space'],
  ['exa mple.com', 'BAD_URL', 'the host "exa mple.com" contains a space'],
  ['htp//foo bar', 'BAD_URL', '"htp//" is not a scheme: a scheme ends in "://" (e.g. http://)'],
  ['http//example.com', 'BAD_URL', '"http//" is not a scheme: a scheme ends in "://" (e.g. http://)'],
  ['http://example.com/a b', 'BAD_URL', 'the path "/a b" contains a space (write it as %20)'],
  ['http://h/?x y', 'BAD_URL', 'the query "?x y" contains a space (write it as %20)'],
  ['http://h/#f g', 'BAD_URL', 'the fragment "#f g" contains a space (write it as %20)'],
  ['http://h/a\tb', 'BAD_URL', 'the path "/a\\tb" contains a control character (U+0009) (percent-encode it)'],
  ['http://h\u0001x/', 'BAD_URL', 'the host "h\\u0001x" contains a control character (U+0001)'],
  ['http://h\u00a0x/', 'BAD_URL', 'the host "h\u00a0x" contains a white-space character (U+00A0)'],
  ['http://', 'BAD_URL', 'the URL has no host'],
  ['http:///', 'BAD_URL', 'the URL has no host'],
  ['http://:80/', 'BAD_URL', 'the URL has no host'],
  ['http://u:p@/', 'BAD_URL', 'the URL has no host'],
  ['http://h:99999/', 'BAD_URL', 'the port 99999 is out of range (1–65535)'],
  ['http://h:0/', 'BAD_URL', 'the port 0 is out of range (1–65535)'],
  ['http://h:abc/', 'BAD_URL', 'the port "abc" is not a number'],
  ['mailto:x', 'BAD_URL', 'the port "x" is not a number'],
  ['http:h', 'BAD_URL', '"http:" is not followed by "//" and the host'],
  ['http:////h', 'BAD_URL', 'too many slashes after "http:"'],
  ['http://[::1/', 'BAD_URL', 'the IPv6 address "[::1" has no closing "]"'],
  ['http://a%zz/', 'BAD_URL', 'the host "a%zz" is not a valid host name'],
  ['http://a<b/', 'BAD_URL', 'the host "a<b" is not a valid host name'],
  ['ftp://example.com/', 'UNSUPPORTED_SCHEME', 'the URL scheme "ftp" is not supported (use http or https)'],
  ['file:///etc/passwd', 'UNSUPPORTED_SCHEME', 'the URL scheme "file" is not supported (use http or https)'],
  ['javascript://x', 'UNSUPPORTED_SCHEME', 'the URL scheme "javascript" is not supported (use http or https)'],
];

describe('the URL check', () => {
  for (const [input, url] of GOOD) {
    it(`accepts ${JSON.stringify(input)}`, () => assert.deepEqual(checkUrlInput(input), { ok: true, url }));
  }
  for (const [input, kind, message] of BAD) {
    it(`refuses ${JSON.stringify(input)}: ${message}`, () => assert.deepEqual(checkUrlInput(input), { ok: false, kind, message }));
  }

  it('urlProblem checks a URL as given: no scheme is added', () => {
    assert.equal(urlProblem('http://h/'), undefined);
    assert.deepEqual(urlProblem('example.com'), { kind: 'BAD_URL', message: 'the URL has no scheme (e.g. http://)' });
    assert.deepEqual(urlProblem('http:/h'), { kind: 'BAD_URL', message: 'the scheme is not followed by "//" and the host' });
  });

  it('as a zod schema: normalizes, or the issue carries the message and the kind', () => {
    assert.equal(UrlInputSchema.parse('example.com/x'), 'http://example.com/x');
    const r = UrlInputSchema.safeParse('gopher://h/');
    assert.equal(r.success, false);
    const issue = r.error?.issues[0] as { message: string; params?: { kind?: string } } | undefined;
    assert.equal(issue?.message, 'the URL scheme "gopher" is not supported (use http or https)');
    assert.equal(issue?.params?.kind, 'UNSUPPORTED_SCHEME');
  });

  it('the engines get the same check: a space in the path is refused before any engine runs, as curl exits 3', () => {
    assert.throws(
      () => parseRequestSpec({ url: 'http://127.0.0.1/a b' }),
      (e: unknown) => e instanceof BadRequestSpec && e.kind === 'BAD_URL' && /"\/a b" contains a space/.test(e.message),
    );
  });

  it('an imported curl command reads its URL the same way; one refused stays as written', () => {
    assert.equal(parseCurlCommand('curl http:/example.com/a').draft.url, 'http://example.com/a');
    assert.equal(parseCurlCommand('curl example.com:8080').draft.url, 'http://example.com:8080');
    assert.equal(parseCurlCommand("curl 'http://exa mple.com/'").draft.url, 'http://exa mple.com/');
  });
});
