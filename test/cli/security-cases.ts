// Security probes of the CLI (docs/security.md), run once per engine: each performs the
// attack against the real CLI and its real engine host and checks that it failed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { EngineName } from '../../engine/engine.js';
import { assertExit, runCli, runProcess, type CliResult } from '../support/cli.js';

const T = { timeout: 180_000 };
const CURL = '/usr/bin/curl';

/** A TCP listener that counts the connections it accepts. */
interface Listener { port: number; connections: number; close(): Promise<void> }

async function countingListener(): Promise<Listener> {
  const sockets = new Set<net.Socket>();
  const l = { port: 0, connections: 0, close: async () => {} };
  const server = net.createServer((s) => {
    l.connections++;
    sockets.add(s);
    s.on('error', () => {});
    // An FTP greeting, so a client that did connect goes on talking instead of waiting.
    s.end('220 probe\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  l.port = (server.address() as AddressInfo).port;
  l.close = () => new Promise<void>((r) => {
    for (const s of sockets) s.destroy();
    server.close(() => r());
  });
  return l;
}

/**
 * The connections the listener had accepted before now. The kernel hands out queued
 * connections in order, so once a connection of ours is accepted, every earlier one was.
 */
async function connectionsSoFar(l: Listener): Promise<number> {
  // The greeting arrives only once the listener has accepted (and counted) this connection.
  await new Promise<void>((resolve, reject) => {
    const s = net.connect(l.port, '127.0.0.1', () => s.once('data', () => (s.destroy(), resolve())));
    s.on('error', reject);
  });
  return l.connections - 1;
}

/** An HTTP server whose every answer is a 302 to `location`. */
async function redirectServer(location: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(302, { Location: location, 'Content-Length': 0 });
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

/** Runs a command line in sh, bounded; for a CLI whose pid must be known before it starts. */
const runShell = (script: string, env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<CliResult> => runProcess('/bin/sh', ['-c', script], { env, timeoutMs });

export function cliSecuritySuite(engine: EngineName): void {
  describe(`CLI security probes (${engine} engine)`, () => {
    let ftp: Listener;
    let redirect: { url: string; close(): Promise<void> };
    let tmp: string;

    before(async () => {
      ftp = await countingListener();
      redirect = await redirectServer(`ftp://127.0.0.1:${ftp.port}/x`);
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-cli-sec-'));
    });

    after(async () => {
      await redirect?.close();
      await ftp?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    test('a redirect to ftp:// is refused: exit 1, unsupported protocol, no connection to the ftp port', T, async () => {
      const r = await runCli(['--engine', engine, '-L', redirect.url]);
      assertExit(r, 1);
      assert.match(r.stderr, /unsupported|not supported/i);
      assert.equal(await connectionsSoFar(ftp), 0, 'the engine connected to the ftp:// target of the redirect');
    });

    test('the host log is not written through a symlink at the old predictable /tmp path', T, async () => {
      const victim = path.join(tmp, `victim-${engine}`);
      fs.writeFileSync(victim, 'victim\n');
      // The path the CLI's host log used to have: /tmp/inetscope-host-<engine>-<policy>-<pid>.log,
      // where pid is the CLI's. `exec` keeps the shell's pid, so the link is in place first.
      const old = (policy: string) => path.join(os.tmpdir(), `inetscope-host-${engine}-${policy}-$$.log`);
      const links = ['verify', 'insecure'].map((p) => `ln -s '${victim}' "${old(p)}"`).join(' && ');
      // No -L: the 302 itself is the answer (exit 0), whatever the engine makes of ftp://.
      const script = `${links} && echo "${old('verify')}" >&2 && exec '${process.execPath}' bin/inetscope.js --engine ${engine} '${redirect.url}'`;
      const r = await runShell(script, { ...process.env, TMPDIR: os.tmpdir() });
      const link = r.stderr.split('\n')[0] ?? '';
      try {
        assertExit(r, 0);
        assert.equal(fs.readFileSync(victim, 'utf8'), 'victim\n', 'the host wrote its log into the symlink target');
      } finally {
        for (const p of [link, link.replace('-verify-', '-insecure-')]) fs.rmSync(p, { force: true });
      }
    });
  });
}

/** The real curl, for comparison: its defaults follow a redirect to ftp:// (7.88 connects); only --proto-redir stops it. */
export function curlComparison(): void {
  describe('real curl on a redirect to ftp://', () => {
    test('with --proto-redir =http,https: exit 1 and no connection (what inetscope does by default)', T, async () => {
      assert.ok(fs.existsSync(CURL), `${CURL} is missing (Debian: apt-get install curl)`);
      const ftp = await countingListener();
      const redirect = await redirectServer(`ftp://127.0.0.1:${ftp.port}/x`);
      try {
        const r = await runShell(`'${CURL}' -sS -L --max-time 20 --proto =http,https --proto-redir =http,https '${redirect.url}'`, process.env, 30_000);
        assertExit(r, 1);
        assert.equal(await connectionsSoFar(ftp), 0);
      } finally {
        await redirect.close();
        await ftp.close();
      }
    });
  });
}
