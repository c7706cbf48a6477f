import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../cli/args.js';
import { buildRequest, parseHeader } from '../../cli/build-request.js';

describe('curl-style argument parsing', () => {
  it('reads bundled short flags, attached values and --flag=value', () => {
    const o = parseArgs(['-sSL', '-XPUT', '-H', 'A: 1', '-HB: 2', '--max-time=2.5', '--connect-timeout', '1', 'example.org']);
    assert.equal(o.silent && o.showError && o.location, true);
    assert.equal(o.method, 'PUT');
    assert.deepEqual(o.headers, ['A: 1', 'B: 2']);
    assert.equal(o.maxTime, 2500);
    assert.equal(o.connectTimeout, 1000);
    assert.deepEqual(o.urls, ['example.org']);
  });

  it('reads --no-<flag> as curl does', () => {
    assert.equal(parseArgs(['-L', '--no-location', 'u']).location, false);
  });

  it('keeps -d/--data-binary/--data-raw in order', () => {
    const o = parseArgs(['-d', 'a=1', '--data-raw', '@x', '--data-binary', 'b', 'u']);
    assert.deepEqual(o.bodyParts.map((p) => p.flag), ['data', 'data-raw', 'data-binary']);
  });

  it('names unknown options, missing values and bad numbers', () => {
    assert.throws(() => parseArgs(['--nope']), (e: unknown) => e instanceof UsageError && /--nope/.test(e.message));
    assert.throws(() => parseArgs(['-Z']), /-Z/);
    assert.throws(() => parseArgs(['--ignore-content-length', 'u']), /curl's option --ignore-content-length is not supported by inetscope/);
    assert.equal(parseArgs(['--compressed', 'u']).compressed, true);
    assert.throws(() => parseArgs(['-F', 'a=1', 'u']), /curl's option -F is not supported/);
    assert.throws(() => parseArgs(['--no-such-option']), /unknown option --no-such-option/);
    assert.throws(() => parseArgs(['-H']), /--header needs a value/);
    assert.throws(() => parseArgs(['-m', 'soon', 'u']), /--max-time needs a positive number/);
    assert.throws(() => parseArgs(['--engine', 'lynx', 'u']), /--engine must be/);
  });
});

describe('building a request from options', () => {
  it('infers the method and adds curl defaults', () => {
    assert.equal(buildRequest(parseArgs(['u'])).method, 'GET');
    assert.equal(buildRequest(parseArgs(['-I', 'u'])).method, 'HEAD');
    const post = buildRequest(parseArgs(['-d', 'a=1', '-d', 'b=2', 'u']));
    assert.equal(post.method, 'POST');
    assert.equal(Buffer.from((post.body as { base64: string }).base64, 'base64').toString(), 'a=1&b=2');
    assert.deepEqual(post.headers?.find(([n]) => n === 'Content-Type'), ['Content-Type', 'application/x-www-form-urlencoded']);
    assert.equal(post.url, 'http://u');
  });

  it('parses headers like curl', () => {
    assert.deepEqual(parseHeader('X-A:  b c '), ['X-A', 'b c']);
    // "Name;" sends the header empty, "Name:" removes it.
    assert.deepEqual(parseHeader('X-Empty;'), ['X-Empty', '', 'empty']);
    assert.deepEqual(parseHeader('Accept:'), ['Accept', '']);
    assert.throws(() => parseHeader('no colon'), /Name: value/);
  });

  it('adds basic auth and the user agent', () => {
    const r = buildRequest(parseArgs(['-u', 'me:pw', '-A', 'x/1', 'http://h/']));
    assert.deepEqual(r.headers?.find(([n]) => n === 'Authorization'), ['Authorization', `Basic ${Buffer.from('me:pw').toString('base64')}`]);
    assert.deepEqual(r.headers?.find(([n]) => n === 'User-Agent'), ['User-Agent', 'x/1']);
  });

  it('refuses one URL too many or none', () => {
    assert.throws(() => buildRequest(parseArgs([])), /no URL/);
    assert.throws(() => buildRequest(parseArgs(['a', 'b'])), /one URL/);
  });
});

describe('engine selection', () => {
  it('auto is WinInet on Windows and libcurl elsewhere', async () => {
    const { resolveEngine } = await import('../../engine/host-launch.js');
    assert.equal(resolveEngine('auto', 'win32'), 'wininet');
    assert.equal(resolveEngine('auto', 'linux'), 'curl');
    assert.equal(resolveEngine('auto', 'darwin'), 'curl');
    assert.equal(resolveEngine('wininet', 'linux'), 'wininet');
  });

  it('-U, --proxy-basic … --proxy-anyauth (the last wins) and --noproxy, as curl reads them', () => {
    const o = parseArgs(['-x', 'p:3128', '-U', 'u:p:w', '--proxy-digest', '--proxy-anyauth', '--noproxy', 'a.test,.b.test', 'http://h/']);
    const spec = buildRequest(o);
    assert.deepEqual(spec.proxyAuth, { user: 'u', password: 'p:w', scheme: 'any' });
    assert.equal(spec.noProxy, 'a.test,.b.test');
    assert.deepEqual(buildRequest(parseArgs(['--proxy-user', 'u', 'http://h/'])).proxyAuth, { user: 'u', password: '', scheme: 'basic' });
    assert.equal(buildRequest(parseArgs(['http://h/'])).proxyAuth, undefined);
  });
});

