// End-to-end tests of the inetscope CLI: bin/inetscope.js run as a child process (each run
// starts a real engine host) against loopback HTTP and HTTPS servers, once per engine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  fileSha256, patternBytes, patternSha256, selfSignedCert, startTestServer, writePatternFile, type TestServer,
} from '../support/servers.js';
import {
  REPO_ROOT, assertEventStream, assertExit, closedPort, jsonOf, parseNdjson, partFiles, runCli as runCliAny, sha256,
} from '../support/cli.js';
import type { EngineName } from '../../engine/engine.js';

const T = { timeout: 300_000 };

export function cliSuite(engine: EngineName): void {
  const runCli = (args: string[], timeoutMs?: number) => runCliAny(['--engine', engine, ...args], timeoutMs);
  describe(`inetscope CLI (${engine} engine)`, () => {

    let srv: TestServer;
    let tlsSrv: TestServer;
    let tmp: string;

    before(async () => {
      srv = await startTestServer();
      tlsSrv = await startTestServer({ tls: selfSignedCert() });
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-cli-test-'));
    });

    after(async () => {
      await srv?.close();
      await tlsSrv?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    /** A fresh empty directory under the test's temp dir. */
    const subdir = (name: string): string => fs.mkdtempSync(path.join(tmp, `${name}-`));

    test('GET writes the exact body to stdout', T, async () => {
      const r = await runCli([`${srv.url}/bytes/3000000?seed=cli`]);
      assertExit(r, 0);
      assert.equal(r.stdout.length, 3_000_000);
      assert.equal(sha256(r.stdout), await patternSha256(3_000_000, 'cli'));
    });

    test('-o FILE: a 20 MB body arrives whole, no temp files left, nothing on stdout', T, async () => {
      const dir = subdir('out');
      const file = path.join(dir, 'body.bin');
      const r = await runCli(['-o', file, `${srv.url}/bytes/20000000?seed=big`]);
      assertExit(r, 0);
      assert.equal(r.stdout.length, 0);
      assert.equal(fs.statSync(file).size, 20_000_000);
      assert.equal(await fileSha256(file), await patternSha256(20_000_000, 'big'));
      assert.deepEqual(partFiles(dir), []);
    });

    test('-o FILE on a cut-short body: exit 18, no file, an existing file keeps its content', T, async () => {
      const dir = subdir('trunc');
      const fresh = path.join(dir, 'fresh.bin');
      const r1 = await runCli(['-o', fresh, `${srv.url}/truncate/1000000`]);
      assertExit(r1, 18);
      assert.equal(fs.existsSync(fresh), false, 'a partial download must not appear under the target name');
      assert.deepEqual(partFiles(dir), []);

      const existing = path.join(dir, 'existing.bin');
      fs.writeFileSync(existing, 'old content\n');
      const r2 = await runCli(['-o', existing, `${srv.url}/truncate/1000000`]);
      assertExit(r2, 18);
      assert.equal(fs.readFileSync(existing, 'utf8'), 'old content\n');
      assert.deepEqual(partFiles(dir), []);
    });

    test('-o /dev/null is written directly', T, async () => {
      const r = await runCli(['-o', '/dev/null', `${srv.url}/bytes/100000`]);
      assertExit(r, 0);
      assert.equal(r.stdout.length, 0);
    });

    test('an HTTP 404 is a completed exchange: exit 0 and the body', T, async () => {
      const r = await runCli([`${srv.url}/status/404`]);
      assertExit(r, 0);
      assert.equal(r.stdout.toString(), 'status 404\n');
    });

    test('--fail on a 404: exit 22 and no body on stdout', T, async () => {
      const r = await runCli(['--fail', `${srv.url}/status/404`]);
      assertExit(r, 22);
      assert.match(r.stderr, /404/);
      assert.equal(r.stdout.toString(), '', 'with --fail no body may be written');
    });

    test('--fail -o FILE on a 404: exit 22 and FILE not created', T, async () => {
      const file = path.join(subdir('fail'), 'body.txt');
      const r2 = await runCli(['-f', '-o', file, `${srv.url}/status/404`]);
      assertExit(r2, 22);
      assert.equal(fs.existsSync(file), false, 'with --fail -o FILE must not be created');
    });

    test('transport and URL failures: refused 7, invalid URL 3, ftp 1', T, async () => {
      const refused = await runCli([`http://127.0.0.1:${await closedPort()}/`]);
      assertExit(refused, 7);
      assert.match(refused.stderr, /^inetscope: \(7\) /);

      const badUrl = await runCli(['http://[::1']);
      assertExit(badUrl, 3);
      assert.match(badUrl.stderr, /\[::1/);

      const ftp = await runCli(['ftp://127.0.0.1/']);
      assertExit(ftp, 1);
      assert.match(ftp.stderr, /ftp/);
    });

    test('bad input: CR/LF header 43, missing -T file 26, unwritable -o 23', T, async () => {
      const header = await runCli(['-H', 'X: a\r\nY: b', `${srv.url}/headers`]);
      assertExit(header, 43);
      assert.match(header.stderr, /header "X"/);
      assert.equal(header.stdout.length, 0);

      const upload = await runCli(['-T', '/nonexistent', `${srv.url}/upload`]);
      assertExit(upload, 26);
      assert.match(upload.stderr, /\/nonexistent/);

      const output = await runCli(['-o', '/nonexistent-dir/x', `${srv.url}/bytes/10`]);
      assertExit(output, 23);
      assert.match(output.stderr, /\/nonexistent-dir\/x/);
    });

    test('-m 1 on a server that never answers: exit 28', T, async () => {
      const r = await runCli(['-m', '1', `${srv.url}/stall`]);
      assertExit(r, 28);
      assert.equal(r.stdout.length, 0);
    });

    test('HTTPS with a self-signed certificate: 60 without -k, the body with -k', T, async () => {
      const strict = await runCli([`${tlsSrv.url}/bytes/5000?seed=tls`]);
      assertExit(strict, 60);
      assert.equal(strict.stdout.length, 0);

      const insecure = await runCli(['-k', `${tlsSrv.url}/bytes/5000?seed=tls`]);
      assertExit(insecure, 0);
      assert.deepEqual(insecure.stdout, patternBytes(5000, 'tls'));
    });

    test('an unknown option: exit 2, named in the message', T, async () => {
      const r = await runCli(['--no-such-option', `${srv.url}/bytes/10`]);
      assertExit(r, 2);
      assert.match(r.stderr, /--no-such-option/);
      assert.equal(r.stdout.length, 0);
    });

    test('--events - with -o FILE: NDJSON on stdout, started … finished ok', T, async () => {
      const dir = subdir('events');
      const file = path.join(dir, 'body.bin');
      const r = await runCli(['--events', '-', '-o', file, `${srv.url}/bytes/200000?seed=ev`]);
      assertExit(r, 0);
      assertEventStream(parseNdjson(r.stdout.toString('utf8')));
      assert.equal(await fileSha256(file), await patternSha256(200_000, 'ev'));
    });

    test('--events FILE writes the events to the file, the body still to stdout', T, async () => {
      const events = path.join(subdir('events-file'), 'events.ndjson');
      const r = await runCli(['--events', events, `${srv.url}/bytes/200000?seed=ev`]);
      assertExit(r, 0);
      assert.equal(sha256(r.stdout), await patternSha256(200_000, 'ev'));
      assertEventStream(parseNdjson(fs.readFileSync(events, 'utf8')));
    });

    test('--events - without -o is a usage error (exit 2)', T, async () => {
      const r = await runCli(['--events', '-', `${srv.url}/bytes/10`]);
      assertExit(r, 2);
      assert.match(r.stderr, /-o/);
    });

    test('--timeline: a line per event on stderr, the body on stdout', T, async () => {
      const r = await runCli(['--timeline', `${srv.url}/bytes/50000?seed=tl`]);
      assertExit(r, 0);
      assert.deepEqual(r.stdout, patternBytes(50_000, 'tl'));
      const prefix = String.raw`^\s*\d+\.\d{3} ms  hop \d+  `;
      for (const status of ['RESOLVING_NAME', 'CONNECTED_TO_SERVER', 'REQUEST_SENT', 'RESPONSE_RECEIVED']) {
        assert.match(r.stderr, new RegExp(`${prefix}${status} `, 'm'), `no ${status} line in:\n${r.stderr}`);
      }
      const lines = r.stderr.split('\n').filter(Boolean);
      assert.match(lines[lines.length - 1] ?? '', new RegExp(`${prefix}finished ok`));
      for (const line of lines) assert.match(line, new RegExp(prefix));
    });

    interface Echo { method: string; headers: Record<string, string>; body: string | null; bodyBytes: number }

    /** Runs the CLI against /echo and returns what the server received. */
    async function echo(args: string[]): Promise<Echo> {
      const r = await runCli([...args, `${srv.url}/echo`]);
      assertExit(r, 0);
      return jsonOf<Echo>(r);
    }

    test('-d: joined with &, form content type, @file drops CR/LF, --data-raw is literal', T, async () => {
      const joined = await echo(['-d', 'a=1', '-d', 'b=2']);
      assert.equal(joined.method, 'POST');
      assert.equal(joined.body, 'a=1&b=2');
      assert.equal(joined.headers['content-type'], 'application/x-www-form-urlencoded');

      const dataFile = path.join(subdir('data'), 'form.txt');
      fs.writeFileSync(dataFile, 'x=1\r\ny=2\n');
      const fromFile = await echo(['-d', `@${dataFile}`]);
      assert.equal(fromFile.method, 'POST');
      assert.equal(fromFile.body, 'x=1y=2');

      const raw = await echo(['-X', 'PATCH', '--data-raw', '@literal']);
      assert.equal(raw.method, 'PATCH');
      assert.equal(raw.body, '@literal');
    });

    interface UploadReply { method: string; bytes: number; sha256: string }

    test('uploads: --data-binary @file (30 MB) POSTs it, -T file PUTs it, byte for byte', T, async () => {
      const dir = subdir('upload');
      const big = path.join(dir, 'big.bin');
      const bigSha = await writePatternFile(big, 30_000_000, 'up');
      const posted = await runCli(['--data-binary', `@${big}`, `${srv.url}/upload`]);
      assertExit(posted, 0);
      const post = jsonOf<UploadReply>(posted);
      assert.deepEqual(post, { ...post, method: 'POST', bytes: 30_000_000, sha256: bigSha });

      const small = path.join(dir, 'small.bin');
      const smallSha = await writePatternFile(small, 3_000_000, 'put');
      const put = await runCli(['-T', small, `${srv.url}/upload`]);
      assertExit(put, 0);
      const reply = jsonOf<UploadReply>(put);
      assert.deepEqual(reply, { ...reply, method: 'PUT', bytes: 3_000_000, sha256: smallSha });
    });

    test('redirects: -L follows to the end, without -L the 302 body', T, async () => {
      const followed = await runCli(['-L', `${srv.url}/redirect/3`]);
      assertExit(followed, 0);
      assert.equal(followed.stdout.toString(), 'done\n');

      const first = await runCli([`${srv.url}/redirect/3`]);
      assertExit(first, 0);
      assert.equal(first.stdout.toString(), 'redirect');
    });

    test('-i prints the status line and headers before the body; -I only headers', T, async () => {
      const inc = await runCli(['-i', `${srv.url}/status/200`]);
      assertExit(inc, 0);
      const text = inc.stdout.toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      assert.ok(split > 0, `no header block in ${JSON.stringify(text)}`);
      assert.match(text.slice(0, split), /^HTTP\/1\.1 200 OK\r\n/);
      assert.match(text.slice(0, split), /\r\nContent-Length: 11(\r\n|$)/i);
      assert.equal(text.slice(split + 4), 'status 200\n');

      const head = await runCli(['-I', `${srv.url}/bytes/100`]);
      assertExit(head, 0);
      const headText = head.stdout.toString('latin1');
      assert.match(headText, /^HTTP\/1\.1 200 OK\r\n/);
      assert.match(headText, /\r\nContent-Length: 100\r\n/i);
      assert.ok(headText.endsWith('\r\n\r\n'), `more than headers: ${JSON.stringify(headText)}`);
      assert.equal(srv.requests[srv.requests.length - 1]?.method, 'HEAD');
    });

    test('-H, -A and -u reach the server', T, async () => {
      const r = await runCli(['-H', 'X-Custom: yes', '-A', 'agent/1', '-u', 'user:pw', `${srv.url}/headers`]);
      assertExit(r, 0);
      const { headers } = jsonOf<{ headers: Record<string, string> }>(r);
      assert.equal(headers['x-custom'], 'yes');
      assert.equal(headers['user-agent'], 'agent/1');
      assert.equal(headers.authorization, `Basic ${Buffer.from('user:pw').toString('base64')}`);
    });

    test('-s hides the error message, -sS shows it; the exit code stays 7', T, async () => {
      const url = `http://127.0.0.1:${await closedPort()}/`;
      const silent = await runCli(['-s', url]);
      assertExit(silent, 7);
      assert.equal(silent.stderr, '');

      const shown = await runCli(['-sS', url]);
      assertExit(shown, 7);
      assert.match(shown.stderr, /^inetscope: \(7\) /);
    });

    test('--help prints the usage, --version the package version', T, async () => {
      const help = await runCli(['--help']);
      assertExit(help, 0);
      assert.match(help.stdout.toString(), /^Usage: inetscope/);

      const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
      const ver = await runCli(['--version']);
      assertExit(ver, 0);
      assert.equal(ver.stdout.toString(), `inetscope ${version}\n`);
    });
  });
}
