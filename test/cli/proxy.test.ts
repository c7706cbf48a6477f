// The proxy flags on the command line (-x, -U, --proxy-digest, --noproxy) against real
// proxies, beside the real curl with the same flags; http_proxy in the environment on the
// curl engine; the route in the --timeline.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertExit, BIN, runCli, runProcess } from '../support/cli.js';
import { startSquidDigest, startTestServer, startTinyproxy, type TestProxy, type TestServer } from '../support/servers.js';

const T = { timeout: 90_000 };

describe('inetscope -x / -U / --proxy-digest / --noproxy', () => {
  let origin: TestServer;
  let basic: TestProxy;
  let digest: TestProxy;
  let open: TestProxy;
  before(async () => {
    [origin, basic, digest, open] = await Promise.all([
      startTestServer(), startTinyproxy({ basicAuth: { user: 'u', password: 'pw' } }), startSquidDigest('u', 'pw'), startTinyproxy(),
    ]);
  });
  after(async () => {
    await Promise.all([origin, basic, digest, open].map((s) => s.close()));
  });

  const via = (out: Buffer): boolean => /"via"/.test(out.toString());

  for (const engine of ['curl', 'wininet'] as const) {
    it(`${engine}: -U through tinyproxy's BasicAuth, as curl does; the route is in the timeline`, T, async () => {
      const args = ['-s', '-x', basic.url, '-U', 'u:pw', `${origin.url}/headers`];
      const real = await runProcess('curl', args);
      const r = await runCli(['--engine', engine, '--timeline', ...args]);
      assertExit(r, 0);
      assert.equal(via(r.stdout), true);
      assert.equal(via(real.stdout), true, 'the real curl agrees');
      assert.match(r.stderr, new RegExp(`PROXY_CHOSEN \\(1003\\)  proxy=${basic.url.replace(/[.]/g, '\\.')} reason=configured`));
    });

    it(`${engine}: no -U against an authenticating proxy fails naming proxy authentication (curl would print the 407)`, T, async () => {
      const r = await runCli(['--engine', engine, '-sS', '-x', basic.url, `${origin.url}/bytes/5`]);
      assert.match(r.stderr, /proxy authentication required/);
      assert.notEqual(r.code, 0);
    });

    it(`${engine}: --noproxy goes direct`, T, async () => {
      const r = await runCli(['--engine', engine, '-s', '-x', basic.url, '--noproxy', '127.0.0.1', `${origin.url}/headers`]);
      assertExit(r, 0);
      assert.equal(via(r.stdout), false);
    });
  }

  it('curl: --proxy-digest -U through squid, as curl does', T, async () => {
    const args = ['-s', '-x', digest.url, '--proxy-digest', '-U', 'u:pw', `${origin.url}/headers`];
    const real = await runProcess('curl', args);
    assert.equal(via(real.stdout), true, 'the real curl passes squid');
    const r = await runCli(['--engine', 'curl', ...args]);
    assertExit(r, 0);
    assert.equal(via(r.stdout), true);
  });

  it('curl: http_proxy in the environment, as curl reads it', T, async () => {
    const env = { ...process.env, http_proxy: open.url };
    const r = await runProcess(process.execPath, [BIN, '--engine', 'curl', '-s', '--timeline', `${origin.url}/headers`], { env });
    assertExit(r, 0);
    assert.equal(via(r.stdout), true);
    assert.match(r.stderr, /PROXY_CHOSEN \(1003\).*reason=environment/);
  });
});
