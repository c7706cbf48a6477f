// --compressed on both engines against curl itself (installed here): the same Accept-Encoding,
// the same decoded output for every coding (stdout and -o), the wire bytes without the flag,
// and curl's exit 61 for a corrupt or unknown coding.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertExit, runCli, runProcess } from '../support/cli.js';
import { startEncodedServer, type EncodedServer } from '../support/encoded-server.js';

const T = { timeout: 300_000 };
const ROUTES = ['/gzip', '/x-gzip', '/deflate', '/deflate-raw', '/br', '/zstd', '/gzip-br'];

describe('inetscope --compressed (as curl --compressed)', () => {
  let srv: EncodedServer;
  let tmp: string;
  before(async () => {
    srv = await startEncodedServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-compressed-'));
  });
  after(async () => {
    await srv.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("sends curl's Accept-Encoding", T, async () => {
    const curl = await runProcess('curl', ['-s', '-i', '--compressed', `${srv.url}/gzip`]);
    const ours = await runCli(['--engine', 'curl', '-s', '-i', '--compressed', `${srv.url}/gzip`]);
    assertExit(ours, 0);
    const sent = (r: Buffer) => /x-accept-encoding: (.*)\r\n/i.exec(r.toString('latin1'))?.[1];
    assert.equal(sent(ours.stdout), sent(curl.stdout));
    assert.equal(sent(ours.stdout), 'deflate, gzip, br, zstd');
  });

  for (const engine of ['curl', 'wininet'] as const) {
    it(`${engine}: writes what curl writes for each coding, decoded with the flag and as received without`, T, async () => {
      // The decoding is the CLI's own, after the engine: on WinInet (a slow host start per
      // run under Wine) two codings show it hands the wire bytes over undecoded.
      for (const route of engine === 'curl' ? ROUTES : ['/gzip', '/gzip-br']) {
        const url = `${srv.url}${route}`;
        const curl = await runProcess('curl', ['-s', '--compressed', url]);
        assert.equal(curl.code, 0, curl.stderr);
        const ours = await runCli(['--engine', engine, '-s', '--compressed', url]);
        assertExit(ours, 0);
        assert.ok(ours.stdout.equals(curl.stdout), `${route}: stdout as curl's`);
        assert.ok(ours.stdout.equals(srv.original), `${route}: the original`);
      }
      // Each host start costs seconds: the wire bytes of every coding are checked through the core.
      const raw = await runCli(['--engine', engine, '-s', `${srv.url}/gzip-br`]);
      assertExit(raw, 0);
      assert.ok(raw.stdout.equals(srv.routes.get('/gzip-br')!.wire), 'without --compressed, the wire bytes');
      const file = path.join(tmp, `${engine}.out`);
      assertExit(await runCli(['--engine', engine, '-s', '--compressed', '-o', file, `${srv.url}/zstd`]), 0);
      assert.ok(fs.readFileSync(file).equals(srv.original), '-o FILE is decoded too');
    });

    it(`${engine}: a corrupt or unknown coding is curl's exit 61, named`, T, async () => {
      const curl = await runProcess('curl', ['-s', '--compressed', `${srv.url}/corrupt-gzip`]);
      assert.equal(curl.code, 61);
      const bad = await runCli(['--engine', engine, '--compressed', `${srv.url}/corrupt-gzip`]);
      assertExit(bad, 61);
      assert.match(bad.stderr, /\(61\) cannot decode the body: the gzip coding is corrupt/);
      const file = path.join(tmp, `${engine}.bad`);
      assertExit(await runCli(['--engine', engine, '-s', '--compressed', '-o', file, `${srv.url}/corrupt-gzip`]), 61);
      assert.equal(fs.existsSync(file), false, 'no -o file for a body that cannot be decoded');
      const unknown = await runCli(['--engine', engine, '--compressed', `${srv.url}/unknown`]);
      assertExit(unknown, 61);
      assert.match(unknown.stderr, /unrecognized content encoding "compress"/);
    });
  }
});
