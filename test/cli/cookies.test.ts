// curl's cookie flags on the inetscope command line (-b STRING|FILE, -c FILE, -j), against a
// loopback server and the real curl: a cookie file curl writes works in inetscope and back.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertExit, runCli, runProcess } from '../support/cli.js';
import { startCookieServer, type CookieServer } from '../support/cookie-server.js';

const T = { timeout: 90_000 };

describe('inetscope -b / -c / -j', () => {
  let srv: CookieServer;
  let tmp: string;

  before(async () => {
    srv = await startCookieServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-cookies-cli-'));
  });
  after(async () => {
    await srv.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const file = (name: string) => path.join(tmp, name);
  const curl = (args: string[]) => runProcess('curl', ['-s', ...args]);
  const inetscope = (args: string[], engine = 'curl') => runCli(['--engine', engine, ...args]);
  const last = (p: string) => srv.to(p).at(-1);
  /** Netscape lines of a cookie file, comments left out. */
  const lines = (f: string) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l && !l.startsWith('# ') && l !== '#');

  it('a file curl -c wrote is sent by inetscope -b', T, async () => {
    const jar = file('from-curl.txt');
    assertExit(await curl(['-c', jar, `${srv.url}/login`]), 0);
    const r = await inetscope(['-b', jar, `${srv.url}/me`]);
    assertExit(r, 0);
    assert.equal(r.stdout.toString(), 'me');
    assert.equal(last('/me')?.cookie, 'session=s1');
  });

  it('inetscope -c -L writes what every hop set (each hop sent the ones before); curl -b sends them', T, async () => {
    const jar = file('from-inetscope.txt');
    const r = await inetscope(['-c', jar, '-L', '--timeline', `${srv.url}/a`]);
    assertExit(r, 0);
    assert.equal(r.stdout.toString(), 'done');
    assert.equal(last('/c')?.cookie, 'c1=one; c2=two');
    assert.match(r.stderr, /hop 1 {2}cookies jar: sent c1; received c2 \(stored\)/);
    assert.deepEqual(lines(jar).map((l) => l.split('\t').slice(5).join('=')), ['c1=one', 'c2=two', 'c3=three']);
    assertExit(await curl(['-b', jar, `${srv.url}/echo`]), 0);
    // curl orders cookies of one path its own way (here the file's last first).
    assert.deepEqual(last('/echo')?.cookie?.split('; ').sort(), ['c1=one', 'c2=two', 'c3=three']);
  });

  it('-b NAME=VALUE is a Cookie header; no file is read or written', T, async () => {
    assertExit(await inetscope(['-b', 'x=1; y=2', `${srv.url}/echo`]), 0);
    assert.equal(last('/echo')?.cookie, 'x=1; y=2');
  });

  it('-j leaves out the session cookies of the file; a bad line is a warning naming file and line', T, async () => {
    const jar = file('mixed.txt');
    const later = Math.floor(Date.now() / 1000) + 3600;
    fs.writeFileSync(jar, `# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsess\t1\n127.0.0.1\tFALSE\t/\tFALSE\t${later}\tkeep\t2\nnot a cookie line\n`);
    let r = await inetscope(['-b', jar, `${srv.url}/echo`]);
    assertExit(r, 0);
    assert.equal(last('/echo')?.cookie, 'sess=1; keep=2');
    assert.match(r.stderr, new RegExp(`warning: cookie file ${jar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 4: expected 7 tab-separated fields`));
    r = await inetscope(['-j', '-b', jar, `${srv.url}/echo`]);
    assertExit(r, 0);
    assert.equal(last('/echo')?.cookie, 'keep=2');
  });

  it('a cookie file that cannot be read is exit 26; a missing one is an empty jar', T, async () => {
    const r = await inetscope(['-b', tmp, `${srv.url}/echo`]);
    assertExit(r, 26);
    assert.match(r.stderr, /cannot read the cookie file .*: it is a directory/);
    assertExit(await inetscope(['-b', file('missing.txt'), `${srv.url}/echo`]), 0);
    assert.equal(last('/echo')?.cookie, undefined);
  });

  it('too many redirects is curl\'s exit 47, and -c still writes the jar', T, async () => {
    const jar = file('loop.txt');
    fs.writeFileSync(jar, `127.0.0.1\tFALSE\t/\tFALSE\t0\tloop\t1\n`);
    const r = await inetscope(['-b', jar, '-c', jar, '-L', '--max-redirs', '2', `${srv.url}/loop`]);
    assertExit(r, 47);
    assert.match(r.stderr, /Maximum \(2\) redirects followed/);
    assert.deepEqual(lines(jar).map((l) => l.split('\t').slice(5).join('=')), ['loop=1']);
  });

  it('on the WinInet engine too: -c -L keeps every hop\'s cookie, and each hop sends the ones before', T, async () => {
    const jar = file('wininet.txt');
    const r = await inetscope(['-c', jar, '-L', `${srv.url}/a`], 'wininet');
    assertExit(r, 0);
    assert.equal(last('/b')?.cookie, 'c1=one');
    assert.equal(last('/c')?.cookie, 'c1=one; c2=two');
    assert.equal(lines(jar).length, 3);
  });
});
