// `inetscope serve` end to end: spawned, its URL read from its first line, the server-side
// events as NDJSON; InetScope's own CLI (both engines) uploads to it and downloads a file
// rule's file with and without Range; SIGTERM closes it cleanly; bad flags and rules are
// named.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CatchEventSchema, type CatchEvent } from '../../contract/catch.js';
import { assertExit, REPO_ROOT, runCli, sha256 } from '../support/cli.js';
import { writePatternFile, fileSha256 } from '../support/servers.js';

const BIN = path.join(REPO_ROOT, 'bin', 'inetscope.js');
const UPLOAD = 20 * 1000 * 1000;
const FILE = 1024 * 1024 + 333;

/** Spawns `inetscope serve …`; resolves with the URL of its first line (bounded). */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`no "listening on" line within 15 s; stderr: ${err}`))), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^listening on (http:\/\/\S+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string, stderr: () => err, exited });
      }
    });
    child.on('close', (code) => (clearTimeout(timer), reject(new Error(`serve exited with ${code} before listening: ${err}`))));
  });
}

describe('inetscope serve', () => {
  let tmp: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let eventsFile: string;
  let upload: string;
  let served: Buffer;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-serve-'));
    upload = path.join(tmp, 'up.bin');
    await writePatternFile(upload, UPLOAD, 'serve-up');
    await writePatternFile(path.join(tmp, 'file.bin'), FILE, 'serve-file');
    served = fs.readFileSync(path.join(tmp, 'file.bin'));
    fs.writeFileSync(path.join(tmp, 'rules.json'), JSON.stringify([{ match: { path: '/file.bin' }, response: { kind: 'file', path: 'file.bin' } }]));
    eventsFile = path.join(tmp, 'events.ndjson');
    server = await serve(['--rules', path.join(tmp, 'rules.json'), '--events', eventsFile, '--dir', path.join(tmp, 'caught')]);
  });
  after(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('prints a loopback URL with the port it got', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  for (const engine of ['curl', 'wininet'] as const) {
    it(`${engine}: an upload arrives byte-exact (the JSON summary), a file and its ranges come back byte-exact`, async () => {
      const out = path.join(tmp, `summary-${engine}.json`);
      const up = await runCli(['--engine', engine, '-s', '-S', '--data-binary', `@${upload}`, '-H', 'Content-Type: application/octet-stream', '-o', out, `${server.url}upload/${engine}`], 120_000);
      assertExit(up, 0);
      const summary = JSON.parse(fs.readFileSync(out, 'utf8'));
      assert.equal(summary.bodyBytes, UPLOAD);
      assert.equal(summary.bodySha256, await fileSha256(upload));
      assert.equal(fs.readFileSync(path.join(tmp, 'caught', `${summary.id}.body`)).length, UPLOAD);
      const whole = await runCli(['--engine', engine, '-s', '-S', `${server.url}file.bin`]);
      assertExit(whole, 0);
      assert.equal(sha256(whole.stdout), sha256(served));
      const part = await runCli(['--engine', engine, '-s', '-S', '-H', 'Range: bytes=100-', '-i', `${server.url}file.bin`]);
      assertExit(part, 0);
      const text = part.stdout.toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      assert.match(text.slice(0, split), /^HTTP\/1\.1 206/);
      assert.match(text.slice(0, split), new RegExp(`content-range: bytes 100-${FILE - 1}/${FILE}`, 'i'));
      assert.equal(sha256(part.stdout.subarray(split + 4)), sha256(served.subarray(100)));
    });
  }

  it('SIGTERM closes it cleanly (exit 0); the events are NDJSON of the contract, per request seq without gaps', async () => {
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, server.stderr());
    assert.match(server.stderr(), /POST \/upload\/curl → 200 \(20000000 bytes in/);
    const events: CatchEvent[] = fs.readFileSync(eventsFile, 'utf8').trim().split('\n').map((l) => CatchEventSchema.parse(JSON.parse(l)));
    const byId = new Map<string, CatchEvent[]>();
    for (const e of events) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
    assert.ok(byId.size >= 6, `${byId.size} requests`);
    for (const list of byId.values()) {
      list.forEach((e, i) => assert.equal(e.seq, i));
      assert.ok(list.some((e) => e.type === 'SESSION_DONE'));
    }
    const uploads = [...byId.values()].filter((l) => l.some((e) => e.type === 'REQUEST_HEADERS_READ' && e.path.startsWith('/upload/')));
    assert.equal(uploads.length, 2);
    for (const l of uploads) assert.equal(l.filter((e) => e.type === 'BODY_CHUNK_READ').reduce((n, e) => n + (e.type === 'BODY_CHUNK_READ' ? e.bytes : 0), 0), UPLOAD);
    assert.ok(events.some((e) => e.type === 'FILE_TRANSMITTED' && e.start === 100 && e.end === FILE - 1));
  });

  it('--max-body and --allow-host: a body over it gets 413, another Host 403 unless allowed', async () => {
    const limited = await serve(['--max-body', '1k', '--allow-host', 'tunnel.example']);
    try {
      const big = await runCli(['--engine', 'curl', '-s', '-S', '-i', '--data-binary', 'x'.repeat(2048), limited.url]);
      assert.equal(big.stdout.toString('latin1').slice(0, 12), 'HTTP/1.1 413');
      const port = new URL(limited.url).port;
      const evil = await runCli(['--engine', 'curl', '-s', '-S', '-i', '-H', `Host: evil.example:${port}`, limited.url]);
      assert.equal(evil.stdout.toString('latin1').slice(0, 12), 'HTTP/1.1 403');
      const allowed = await runCli(['--engine', 'curl', '-s', '-S', '-i', '-H', 'Host: tunnel.example', limited.url]);
      assert.equal(allowed.stdout.toString('latin1').slice(0, 12), 'HTTP/1.1 200');
    } finally {
      limited.child.kill('SIGINT');
      await limited.exited;
    }
  });

  it('bad flags and bad rules are named; a port in use is said so', async () => {
    const badPort = await runCli(['serve', '--port', 'abc']);
    assertExit(badPort, 2);
    assert.match(badPort.stderr, /--port needs a port number/);
    for (const [args, message] of [
      [['--max-body', '10X'], /--max-body needs a size in bytes/],
      [['--idle-timeout', 'soon'], /--idle-timeout needs seconds/],
      [['--idle-timeout', '0.01'], /--idle-timeout is between 0.1 and 3600 seconds/],
    ] as const) {
      const bad = await runCli(['serve', ...args]);
      assertExit(bad, 2);
      assert.match(bad.stderr, message);
    }
    const unknown = await runCli(['serve', '--nope']);
    assertExit(unknown, 2);
    assert.match(unknown.stderr, /unknown option --nope/);
    const rules = path.join(tmp, 'bad-rules.json');
    fs.writeFileSync(rules, JSON.stringify([{ match: { path: '/x' }, response: { kind: 'file', fileToken: 't' } }]));
    const badRules = await runCli(['serve', '--rules', rules]);
    assertExit(badRules, 2);
    assert.match(badRules.stderr, /rule 0: a rules file names the file by "path"/);
    const other = await serve([]);
    const port = new URL(other.url).port;
    const inUse = await runCli(['serve', '--port', port]);
    assertExit(inUse, 2);
    assert.match(inUse.stderr, /the port is in use/);
    other.child.kill('SIGINT');
    assert.equal(await other.exited, 0);
  });
});
