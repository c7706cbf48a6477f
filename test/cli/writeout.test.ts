// -w/--write-out and --trace-ascii against the real curl: the same arguments to
// /usr/bin/curl and to inetscope (curl and WinInet engines) against one loopback server
// (a 302 after a POST, a text echo, a 404), comparing what curl -w one-liners print.
// Timing values are never compared: only their form and order.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closedPort, runCli, runProcess, type CliResult } from '../support/cli.js';
import { startControlHttp, type ControlHttp } from './control-http.js';
import { selfSignedCert } from '../support/tls.js';

const T = { timeout: 90_000 };
const LINER = '%{http_code} %{num_redirects} %{size_download} %{url_effective} %{content_type}\\n';
const MORE = '%{http_version} %{num_connects} %{remote_ip} %{remote_port} %{size_upload} %{method} %{scheme} [%header{content-type}]\\n';

let http: ControlHttp;
let tls: https.Server;
let tlsUrl: string;
let tmp: string;
before(async () => {
  http = await startControlHttp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-writeout-'));
  const cert = selfSignedCert();
  fs.writeFileSync(path.join(tmp, 'ca.pem'), cert.cert);
  tls = https.createServer(cert, (_req, res) => res.writeHead(200, { 'Content-Type': 'text/x' }).end('ok'));
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/`;
});
after(async () => {
  tls?.closeAllConnections();
  await new Promise((resolve) => (tls ? tls.close(resolve) : resolve(undefined)));
  await http?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const curl = (args: string[]) => runProcess('curl', ['-s', ...args], { cwd: tmp });
const ours = (engine: string, args: string[]) => runCli(['--engine', engine, '-s', ...args]);

async function both(engine: string, args: string[]): Promise<[CliResult, CliResult]> {
  const [want, got] = [await curl(args), await ours(engine, args)];
  assert.equal(got.code, want.code, `exit ${got.code}, curl ${want.code}; stderr:\n${got.stderr}`);
  return [want, got];
}

function assertOrdered(j: Record<string, unknown>): void {
  const names = ['time_namelookup', 'time_connect', 'time_pretransfer', 'time_starttransfer', 'time_total'];
  const v = names.map((n) => j[n] as number);
  for (const x of v) assert.equal(typeof x, 'number');
  assert.deepEqual([...v].sort((a, b) => a - b), v, `times out of order: ${JSON.stringify(v)}`);
}

/** The trace's chunk lines and rows with the Info lines and the dates left out. */
const traceShape = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('== Info:'))
    .map((l) => l.replace(/^(0000: Date: ).*/, '$1…'));

describe('write-out and trace on the curl engine, against curl', () => {
  const e = 'curl';
  test('the one-liners: a GET, a followed POST→302→GET, a 404', T, async () => {
    for (const args of [[http.url + '/echo'], ['-L', '-d', 'abc', http.url + '/redir/302'], [http.url + '/nope']]) {
      const [want, got] = await both(e, ['-o', '/dev/null', '-w', LINER + MORE, ...args]);
      assert.equal(got.stdout.toString(), want.stdout.toString(), args.join(' '));
    }
  });
  test('a POST without a redirect counts its upload', T, async () => {
    const [want, got] = await both(e, ['-o', '/dev/null', '-d', 'hello', '-w', '%{size_upload} %{method} %{http_code}', http.url + '/echo']);
    assert.equal(got.stdout.toString(), want.stdout.toString());
  });
  test('%{json}: parses, curl key names, the same values but times and local_port; times in order', T, async () => {
    const [want, got] = await both(e, ['-L', '-d', 'x', '-o', '/dev/null', '-w', '%{json}', http.url + '/redir/302']);
    const c = JSON.parse(want.stdout.toString()) as Record<string, unknown>;
    const o = JSON.parse(got.stdout.toString()) as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      assert.ok(k in c, `curl has no key ${k}`);
      if (!k.startsWith('time_') && !k.startsWith('speed_') && k !== 'local_port') assert.deepEqual(o[k], c[k], k);
    }
    assertOrdered(o);
    assert.ok((o.time_redirect as number) > 0);
  });
  test('-w @file, %{stderr}, and an unknown variable warned as curl warns', T, async () => {
    const fmt = path.join(tmp, 'fmt.txt');
    fs.writeFileSync(fmt, 'code=%{http_code}\\n%{stderr}err=%{response_code}%{nope}\n');
    const [want, got] = await both(e, ['-o', '/dev/null', '-w', `@${fmt}`, http.url + '/echo']);
    assert.equal(got.stdout.toString(), want.stdout.toString());
    assert.equal(got.stderr.replace(/inetscope: unknown/g, 'curl: unknown'), want.stderr);
  });
  test('a refused connection prints 000, as curl', T, async () => {
    const [want, got] = await both(e, ['-w', '%{http_code} %{num_connects} %{size_download} [%{scheme}] [%{remote_ip}]\\n', `http://127.0.0.1:${await closedPort()}/`]);
    assert.equal(got.stdout.toString(), want.stdout.toString());
  });
  test('HTTPS: the handshake time, and a refused certificate', T, async () => {
    const [want, got] = await both(e, ['--cacert', path.join(tmp, 'ca.pem'), '-o', '/dev/null', '-w', '%{http_code} %{scheme} %{ssl_verify_result}\\n%{json}', tlsUrl]);
    const [gotLine, gotJson] = got.stdout.toString().split('\n');
    assert.equal(gotLine, want.stdout.toString().split('\n')[0]);
    const j = JSON.parse(gotJson as string) as Record<string, number>;
    assertOrdered(j);
    assert.ok(j.time_appconnect! >= j.time_connect! && j.time_appconnect! <= j.time_pretransfer! && j.time_appconnect! > 0);
    const [, refused] = await both(e, ['-o', '/dev/null', '-w', '%{http_code} %{scheme}', tlsUrl]);
    assert.equal(refused.stdout.toString(), '000 HTTPS');
  });
  test('--trace-ascii: the same chunks and header rows as curl for a small GET', T, async () => {
    const args = ['-A', 'same', '-H', 'Accept: */*', '-o', 'out.txt', '--trace-ascii', 'trace.txt', http.url + '/echo'];
    const want = await curl(args);
    const wantTrace = fs.readFileSync(path.join(tmp, 'trace.txt'), 'latin1');
    const got = await runProcess(process.execPath, [path.resolve('bin/inetscope.js'), '--engine', e, '-s', ...args], { cwd: tmp });
    assert.equal(got.code, want.code, got.stderr);
    const gotTrace = fs.readFileSync(path.join(tmp, 'trace.txt'), 'latin1');
    assert.deepEqual(traceShape(gotTrace), traceShape(wantTrace));
    assert.match(gotTrace, /^== Info: RESOLVING_NAME/m);
  });
});

describe('write-out on the WinInet engine, against curl', () => {
  test('the followed POST one-liner and %{json}', T, async () => {
    const [want, got] = await both('wininet', ['-L', '-d', 'abc', '-o', '/dev/null', '-w', LINER + MORE + '%{json}', http.url + '/redir/302']);
    const [wl1, wl2] = want.stdout.toString().split('\n');
    const [gl1, gl2, gj] = got.stdout.toString().split('\n');
    assert.deepEqual([gl1, gl2], [wl1, wl2]);
    assertOrdered(JSON.parse(gj as string) as Record<string, unknown>);
  });
});
