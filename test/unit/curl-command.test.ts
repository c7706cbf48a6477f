import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RequestDraftSchema, type RequestDraft } from '../../contract/request.js';
import { CurlParseError, looksLikeCurl, parseCurlCommand } from '../../domain/curl/command.js';
import { draftToCurl, quotePosix } from '../../domain/curl/serialize.js';
import { splitCommand } from '../../domain/curl/shell-words.js';
import { CURL_CASES } from './curl-cases.js';

const pairs = (d: RequestDraft) => d.headers.map((h): [string, string] => [h.name, h.value]);

describe('curl import: a table of real-world commands', () => {
  it('has at least 30 commands', () => assert.ok(CURL_CASES.length >= 30, `${CURL_CASES.length} cases`));
  for (const c of CURL_CASES) {
    it(c.name, () => {
      const r = parseCurlCommand(c.cmd);
      assert.equal(r.draft.url, c.url);
      assert.equal(r.draft.method, c.method);
      assert.deepEqual(pairs(r.draft), c.h);
      const body = c.body === undefined ? { kind: 'none' } : typeof c.body === 'string' ? { kind: 'text', text: c.body } : c.body;
      assert.deepEqual(r.draft.body, body);
      for (const [k, v] of Object.entries(c.more ?? {})) assert.deepEqual(r.draft[k as keyof RequestDraft], v, k);
      const expected = c.warn ?? [];
      for (const w of r.warnings) assert.ok(expected.some((re) => re.test(w)), `unexpected warning: ${w}`);
      for (const re of expected) assert.ok(r.warnings.some((w) => re.test(w)), `no warning matches ${re}: ${JSON.stringify(r.warnings)}`);
      assert.equal(r.files.length, c.files ?? 0);
    });
  }
});

describe('curl export: the round trip serialize → parse', () => {
  for (const c of CURL_CASES) {
    it(c.name, () => {
      const { draft } = parseCurlCommand(c.cmd);
      const text = draftToCurl(draft);
      assert.deepEqual(parseCurlCommand(text).draft, draft, text);
    });
  }

  it('a draft from the composer comes back the same (engine aside)', () => {
    const draft = RequestDraftSchema.parse({
      url: 'https://api.example.com/v1/x?a=1',
      method: 'PATCH',
      headers: [
        { name: 'X-Req', value: "it's \"quoted\" $HOME", enabled: true },
        { name: 'Content-Type', value: 'application/json', enabled: true },
        { name: 'Authorization', value: `Basic ${Buffer.from('ann:pw').toString('base64')}`, enabled: true },
      ],
      body: { kind: 'text', text: '{"a":"line\\nnext","tab":"\t"}\n' },
      followRedirects: true,
      maxRedirects: 20,
      timeouts: { totalMs: 1500, connectMs: 200 },
      proxy: 'http://127.0.0.1:3128',
      insecure: true,
    });
    const text = draftToCurl(draft);
    assert.ok(text.startsWith(`curl 'https://api.example.com/v1/x?a=1' \\\n  -X PATCH \\\n`), text);
    assert.match(text, /-u ann:pw/);
    assert.deepEqual(parseCurlCommand(text).draft, draft, text);
  });

  it('writes only what differs from curl’s defaults', () => {
    const text = draftToCurl(parseCurlCommand('curl https://example.com/').draft);
    assert.equal(text, 'curl https://example.com/');
    const post = draftToCurl(parseCurlCommand(`curl -d 'a=1' -A ua https://example.com/`).draft);
    assert.equal(post, "curl https://example.com/ \\\n  -A ua \\\n  -d a=1");
  });

  it('quotes for sh', () => {
    assert.equal(quotePosix('abc-1.2/x'), 'abc-1.2/x');
    assert.equal(quotePosix("it's"), `'it'\\''s'`);
    assert.equal(quotePosix('a\nb\x01'), `$'a\\nb\\x01'`);
    assert.equal(quotePosix('{\n "a": 1\n}'), `'{\n "a": 1\n}'`);
    assert.equal(quotePosix(''), "''");
    for (const s of ["it's", 'a\nb\x01\\', '$HOME `x` "q"', '', 'é ü 😀']) assert.deepEqual(splitCommand(`curl ${quotePosix(s)}`).words, ['curl', s]);
  });
});

describe('curl import: errors name the problem', () => {
  const fails = (cmd: string, re: RegExp) => assert.throws(() => parseCurlCommand(cmd), (e: unknown) => e instanceof CurlParseError && re.test(e.message));
  it('not a curl command', () => fails('wget https://x', /not a curl command.*"wget"/));
  it('an unterminated quote, with its column', () => fails(`curl -H 'Accept: x https://x`, /unterminated ' quote starting at column 9/));
  it('an unterminated quote on line 2', () => fails('curl https://x \\\n  -d "abc', /unterminated " quote starting at line 2, column 6/));
  it('an unterminated $\'…\'', () => fails("curl $'abc", /unterminated \$' quote/));
  it('a flag without its value', () => fails('curl https://x -H', /option --header needs a value/));
  it('no URL', () => fails('curl -H "A: b"', /no URL/));
  it('empty text', () => fails('   ', /empty/));
  it('a bad timeout', () => fails('curl -m soon https://x', /-m needs a number of seconds, got "soon"/));
  it('-d with -F', () => fails('curl -d a=1 -F b=2 https://x', /cannot be combined/));
  it('a -F without a name', () => fails('curl -F novalue https://x', /name=value/));
});

describe('curl import: details', () => {
  it('recognises a pasted command', () => {
    assert.equal(looksLikeCurl('curl https://x'), true);
    assert.equal(looksLikeCurl('  curl.exe -I x'), true);
    assert.equal(looksLikeCurl('https://curl.se/'), false);
    assert.equal(looksLikeCurl('curly'), false);
  });
  it('notes output-only options; keeps the HTTP version asked for', () => {
    const r = parseCurlCommand('curl -svo /dev/null --http1.1 https://x');
    assert.deepEqual(r.warnings, []);
    assert.match(r.notes.join('\n'), /Ignored .*-s -v -o/);
    assert.equal(r.draft.httpVersion, '1.1');
    assert.equal(parseCurlCommand('curl --http2 --http2-prior-knowledge http://x').draft.httpVersion, '2-prior-knowledge');
    assert.match(parseCurlCommand('curl --http3-only https://x').warnings.join('\n'), /--http3-only is not supported here/);
    assert.equal(parseCurlCommand('curl https://x').draft.httpVersion, undefined);
    const again = draftToCurl(parseCurlCommand('curl -0 https://x/').draft);
    assert.match(again, /--http1\.0/);
    assert.equal(parseCurlCommand(again).draft.httpVersion, '1.0');
  });
  it('--no-location negates, the last one wins', () => {
    assert.equal(parseCurlCommand('curl -L --no-location https://x').draft.followRedirects, false);
  });
  it('only the first URL, only the first request of --next', () => {
    const r = parseCurlCommand('curl https://a/ https://b/ --next -X POST https://c/');
    assert.equal(r.draft.url, 'https://a/');
    assert.equal(r.draft.method, 'GET');
    assert.equal(r.warnings.length, 2);
  });
  it('redirections and background & are not words', () => {
    assert.deepEqual(splitCommand('curl https://x/?a=1&b=2 2>&1 > out.txt').words, ['curl', 'https://x/?a=1&b=2']);
    assert.deepEqual(splitCommand('curl https://x && echo done').words, ['curl', 'https://x']);
  });
  it('ANSI-C bytes are UTF-8', () => {
    assert.deepEqual(splitCommand("curl $'\\xc3\\xa9\\101\\u263a\\t'").words, ['curl', 'é\u0041☺\t']);
  });
});
