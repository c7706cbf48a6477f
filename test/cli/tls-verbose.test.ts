// -v prints the TLS facts curl's way (both engines, a self-signed loopback server), and the
// HAR file carries them as _tls.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertExit, runCli } from '../support/cli.js';
import { selfSignedCert, startTestServer, type TestServer } from '../support/servers.js';

const T = { timeout: 60_000 };
let srv: TestServer;
let tmp: string;
before(async () => {
  srv = await startTestServer({ tls: selfSignedCert() });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-tls-cli-'));
});
after(async () => {
  await srv?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

for (const engine of ['curl', 'wininet']) {
  describe(`-v TLS lines (${engine})`, () => {
    test('-k -v: the server certificate lines, and _tls in the HAR', T, async () => {
      const har = path.join(tmp, `${engine}.har`);
      const r = await runCli(['--engine', engine, '-k', '-v', '-o', '/dev/null', '--har', har, `${srv.url}/bytes/10`]);
      assertExit(r, 0);
      for (const line of ['* Server certificate:', '*  subject: CN=localhost', '*  issuer: CN=localhost', '*  subjectAltName: DNS:localhost, IP Address:127.0.0.1']) {
        assert.ok(r.stderr.includes(`${line}\n`), `${line} in:\n${r.stderr}`);
      }
      assert.match(r.stderr, /^\* {2}start date: \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/m);
      assert.match(r.stderr, /^\* {2}SSL certificate verify result: .*continuing anyway\.$/m);
      if (engine === 'curl') assert.match(r.stderr, /^\* SSL connection using TLSv1\.[23] \/ \S+$/m);
      const entry = JSON.parse(fs.readFileSync(har, 'utf8')).log.entries[0];
      assert.equal(entry._tls.chain[0].subject, 'CN=localhost');
      assert.equal(entry._tls.verified.against, 'insecure');
    });

    test('--key-log: the curl engine writes the secrets, WinInet refuses the flag', T, async () => {
      const keys = path.join(tmp, `${engine}-keys.log`);
      const r = await runCli(['--engine', engine, '-k', '-o', '/dev/null', '--key-log', keys, `${srv.url}/bytes/10`]);
      if (engine === 'curl') {
        assertExit(r, 0);
        assert.match(fs.readFileSync(keys, 'utf8'), /^CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-f]{64} [0-9a-f]+$/m);
      } else {
        assertExit(r, 2);
        assert.match(r.stderr, /WinInet \(SChannel\) has no TLS key log/);
        assert.equal(fs.existsSync(keys), false);
      }
    });

    test('-v without -k: the certificate problem', T, async () => {
      const r = await runCli(['--engine', engine, '-v', '-o', '/dev/null', `${srv.url}/bytes/10`]);
      assertExit(r, 60);
      assert.match(r.stderr, /^\* SSL certificate problem: /m);
    });
  });
}
