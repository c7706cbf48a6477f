// The CLI's HAR side end to end, per engine: -iL prints every hop's headers, --har writes
// valid HAR 1.2 (also for a failed exchange), --replay sends a saved entry again.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EngineName } from '../../engine/engine.js';
import { assertExit, closedPort, jsonOf, runCli as runCliAny } from '../support/cli.js';
import { assertValidHar } from '../support/har-schema.js';
import { selfSignedCert, startTestServer, type TestServer } from '../support/servers.js';

const T = { timeout: 300_000 };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a HAR read back as loose JSON, checked by the schema
type Har = { log: { entries: Array<Record<string, any>> } };

export function cliHarSuite(engine: EngineName): void {
  const runCli = (args: string[]) => runCliAny(['--engine', engine, ...args]);
  describe(`inetscope CLI HAR (${engine} engine)`, () => {
    let srv: TestServer;
    let tlsSrv: TestServer;
    let tmp: string;
    const readHar = (file: string): Har => {
      const har = JSON.parse(fs.readFileSync(file, 'utf8')) as Har;
      assertValidHar(har);
      return har;
    };

    before(async () => {
      srv = await startTestServer();
      tlsSrv = await startTestServer({ tls: selfSignedCert() });
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-cli-har-'));
    });
    after(async () => {
      await srv?.close();
      await tlsSrv?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    test('-iL prints every hop\'s status line and headers, as curl -iL does', T, async () => {
      const r = await runCli(['-iL', `${srv.url}/redirect/2`]);
      assertExit(r, 0);
      const blocks = r.stdout.toString('latin1').split('\r\n\r\n');
      assert.deepEqual(blocks.slice(0, 3).map((b) => b.split('\r\n')[0]), ['HTTP/1.1 302 Found', 'HTTP/1.1 302 Found', 'HTTP/1.1 200 OK']);
      assert.match(blocks[0]!, /\r\nlocation: \/redirect\/1(\r\n|$)/i);
      assert.equal(blocks.at(-1), 'done\n');
    });

    test('--har writes a redirect chain as one entry per hop, body inline, beside -o', T, async () => {
      const file = path.join(tmp, 'chain.har');
      const out = path.join(tmp, 'chain.body');
      assertExit(await runCli(['-L', '--har', file, '-o', out, `${srv.url}/redirect/2`]), 0);
      const { entries } = readHar(file).log;
      assert.deepEqual(entries.map((e) => e.response.status), [302, 302, 200]);
      assert.deepEqual(entries.map((e) => e.request.url), [2, 1, 0].map((n) => `${srv.url}/redirect/${n}`));
      assert.equal(entries[0]!.response.redirectURL, `${srv.url}/redirect/1`);
      assert.deepEqual(entries.map((e) => e.serverIPAddress), ['127.0.0.1', '127.0.0.1', '127.0.0.1'], 'a kept-alive hop keeps its address');
      assert.equal(entries[2]!.response.content.text, 'done\n');
      assert.equal(fs.readFileSync(out, 'utf8'), 'done\n');
      assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.part')), []);
    });

    test('--har over HTTPS: ssl where the engine reports it', T, async () => {
      const file = path.join(tmp, 'tls.har');
      assertExit(await runCli(['-k', '--har', file, `${tlsSrv.url}/bytes/64`]), 0);
      const [entry] = readHar(file).log.entries;
      if (engine === 'curl') assert.ok(entry!.timings.ssl >= 0 && entry!.timings.connect >= entry!.timings.ssl, JSON.stringify(entry!.timings));
      else assert.equal(entry!.timings.ssl, -1);
      assert.equal(entry!.response.content.encoding, 'base64');
    });

    test('--har on a failed exchange keeps what was received; an unwritable --har is exit 23', T, async () => {
      const file = path.join(tmp, 'refused.har');
      const url = `http://127.0.0.1:${await closedPort()}/`;
      assertExit(await runCli(['--har', file, url]), 7);
      const [entry] = readHar(file).log.entries;
      assert.equal(entry!.response.status, 0);
      assert.match(entry!.response._error, /^CONNECT_FAILED: /);
      assert.ok(entry!._inetscope.events.some((e: { type: string }) => e.type === 'finished'));
      const bad = await runCli(['--har', path.join(tmp, 'no-such-dir', 'x.har'), `${srv.url}/bytes/10`]);
      assertExit(bad, 23);
      assert.match(bad.stderr, /--har: cannot write to .*x\.har: the directory does not exist/);
    });

    test('--replay sends a saved entry again; flags override or add to it', T, async () => {
      const file = path.join(tmp, 'post.har');
      assertExit(await runCli(['-d', 'a=1', '-H', 'X-Saved: yes', '--har', file, `${srv.url}/echo`]), 0);
      type Echo = { method: string; body: string; headers: Record<string, string> };
      const same = jsonOf<Echo>(await runCli(['--replay', file]));
      assert.deepEqual([same.method, same.body, same.headers['x-saved']], ['POST', 'a=1', 'yes']);
      const changed = jsonOf<Echo>(await runCli(['--replay', `${file}#0`, '-X', 'PUT', '-H', 'X-Saved: no', '-H', 'X-New: 1', '-d', 'b=2']));
      assert.deepEqual([changed.method, changed.body, changed.headers['x-saved'], changed.headers['x-new']], ['PUT', 'b=2', 'no', '1']);
      const chain = path.join(tmp, 'chain.har');
      const hop = await runCli(['--replay', `${chain}#2`]);
      assertExit(hop, 0);
      assert.equal(hop.stdout.toString(), 'done\n');
    });

    test('--replay usage errors: missing file, bad JSON, not HAR, index out of range, a URL too', T, async () => {
      const notJson = path.join(tmp, 'not.json');
      fs.writeFileSync(notJson, '{"log":');
      const notHar = path.join(tmp, 'not.har');
      fs.writeFileSync(notHar, '{"entries": []}');
      const cases: Array<[string[], RegExp]> = [
        [['--replay', path.join(tmp, 'missing.har')], /--replay: cannot read .*missing\.har: no such file/],
        [['--replay', notJson], /--replay: .*not\.json is not JSON: /],
        [['--replay', notHar], /--replay: .*not\.har is not a HAR file \(log: /],
        [['--replay', `${path.join(tmp, 'chain.har')}#9`], /has no entry 9 \(it has 3 entries, numbered from 0\)/],
        [['--replay', path.join(tmp, 'chain.har'), `${srv.url}/`], /--replay takes the URL from the HAR entry/],
      ];
      for (const [args, message] of cases) {
        const r = await runCli(args);
        assertExit(r, 2);
        assert.match(r.stderr, message);
      }
    });
  });
}
