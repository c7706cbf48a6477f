// curl's --http1.0 … --http3 on the inetscope command line against node:http2 / node:http
// servers, beside the real curl with the same flags (its -w '%{http_version}').
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertExit, runCli, runProcess } from '../support/cli.js';
import { startVersionServer, type VersionServer } from '../support/version-servers.js';

const T = { timeout: 90_000 };

describe('inetscope --http1.0 / --http2 / --http2-prior-knowledge / --http3', () => {
  let h2: VersionServer;
  let h2c: VersionServer;
  let h1: VersionServer;

  before(async () => {
    [h2, h2c, h1] = await Promise.all([startVersionServer('h2-tls'), startVersionServer('h2c'), startVersionServer('h1')]);
  });
  after(async () => {
    await Promise.all([h2.close(), h2c.close(), h1.close()]);
  });

  const curlVersion = async (args: string[]) => (await runProcess('curl', ['-s', '-k', '-o', '/dev/null', '-w', '%{http_version}', ...args])).stdout.toString();
  const statusLine = (out: Buffer) => out.toString('latin1').split('\r\n', 1)[0] ?? '';

  it('--http2 over TLS: HTTP/2 as with curl, the ALPN choice in the timeline', T, async () => {
    assert.equal(await curlVersion(['--http2', `${h2.url}/curl`]), '2');
    const har = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-httpver-')), 'x.har');
    const r = await runCli(['--engine', 'curl', '-k', '-i', '--http2', '--timeline', '--har', har, `${h2.url}/ours`]);
    assertExit(r, 0);
    const entry = JSON.parse(fs.readFileSync(har, 'utf8')).log.entries[0];
    fs.rmSync(path.dirname(har), { recursive: true, force: true });
    assert.equal(entry.response.httpVersion, 'HTTP/2');
    assert.equal(entry.request.httpVersion, 'HTTP/2');
    assert.equal(entry._inetscope.request.httpVersion, '2', 'the HAR keeps the version asked for');
    assert.match(statusLine(r.stdout), /^HTTP\/2 200/);
    assert.match(r.stderr, /PROTOCOL_NEGOTIATED \(1002\)\s+protocol=HTTP\/2 requested=2/);
    assert.deepEqual(h2.seen.slice(-2), ['2.0', '2.0']);
  });

  it('--http1.1 to the same server: HTTP/1.1 as with curl', T, async () => {
    assert.equal(await curlVersion(['--http1.1', `${h2.url}/curl11`]), '1.1');
    const r = await runCli(['--engine', 'curl', '-k', '-i', '--http1.1', `${h2.url}/ours11`]);
    assertExit(r, 0);
    assert.match(statusLine(r.stdout), /^HTTP\/1\.1 200/);
    assert.deepEqual(h2.seen.slice(-2), ['1.1', '1.1']);
  });

  it('--http2-prior-knowledge to an h2c server, as with curl', T, async () => {
    assert.equal(await curlVersion(['--http2-prior-knowledge', `${h2c.url}/curl`]), '2');
    const r = await runCli(['--engine', 'curl', '--http2-prior-knowledge', `${h2c.url}/ours`]);
    assertExit(r, 0);
    assert.equal(r.stdout.toString(), 'version=2.0');
  });

  for (const engine of ['curl', 'wininet']) {
    it(`-0 (--http1.0) goes out as HTTP/1.0 on ${engine}`, T, async () => {
      const r = await runCli(['--engine', engine, '-0', `${h1.url}/v10-${engine}`]);
      assertExit(r, 0);
      assert.equal(r.stdout.toString(), 'version=1.0');
    });
  }

  it('--http2 on WinInet under Wine and --http3 without HTTP/3 are refused by name, nothing sent', T, async () => {
    const before = h2.seen.length;
    const wininet = await runCli(['--engine', 'wininet', '-k', '--http2', `${h2.url}/refused`]);
    assertExit(wininet, 43);
    assert.match(wininet.stderr, /HTTP\/2 is not available on the WinInet engine under Wine/);
    const h3 = await runCli(['--engine', 'curl', '-k', '--http3', `${h2.url}/h3`]);
    assertExit(h3, 43);
    assert.match(h3.stderr, /HTTP\/3 is not available: this libcurl .* was built without HTTP3/);
    assert.equal(h2.seen.length, before);
  });
});
