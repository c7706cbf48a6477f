// PROBES of browser mode's staged uploads (docs/security.md): a page script that begins
// uploads over the real WebSocket and never finishes them must not pin descriptors and
// disk without bound. The real core behind the real loopback server; descriptors are
// counted in /proc/self/fd (Linux), since the core runs in this process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppCore } from '../../core/app-core.js';
import type { UploadLimits } from '../../core/uploads.js';
import { createBrowserHooks } from '../../web/hooks.js';
import { startWebServer } from '../../web/server.js';
import { ContractClient, openSocket } from '../support/web-client.js';

const T = { timeout: 30_000 };

interface Stack { client(): Promise<ContractClient>; uploads: string; close(): Promise<void> }

async function stack(limits: Partial<UploadLimits> = {}): Promise<Stack> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-web-uploads-'));
  const static_ = path.join(tmp, 'static');
  fs.mkdirSync(static_);
  fs.writeFileSync(path.join(static_, 'index.html'), '<!doctype html>');
  const hooks = createBrowserHooks({ settings: async () => ({}), home: tmp });
  const core = await AppCore.create({ dataDir: path.join(tmp, 'data'), hooks, log: () => {}, uploadLimits: limits });
  const web = await startWebServer({ core, staticDir: static_ });
  const clients: ContractClient[] = [];
  return {
    uploads: path.join(tmp, 'data', 'uploads'),
    async client() {
      const ws = await openSocket(`ws://127.0.0.1:${web.port}/ws?token=${web.token}`, { origin: `http://127.0.0.1:${web.port}` });
      const c = new ContractClient(ws);
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) c.ws.terminate();
      await web.close();
      await core.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Descriptors this process holds on files in dir. */
function openFds(dir: string): number {
  let n = 0;
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir + path.sep)) n++;
    } catch {
      // closed meanwhile
    }
  }
  return n;
}

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const begin = (c: ContractClient, size: number) => c.call('beginUpload', { name: 'f.bin', size });
const tokenOf = (r: { output?: unknown }) => (r.output as { fileToken: string }).fileToken;

test('PROBE unfinished uploads are capped in number: the 9th open one is refused, also when 20 are asked for at once', T, async () => {
  const s = await stack();
  try {
    const c = await s.client();
    for (let i = 0; i < 8; i++) assert.equal((await begin(c, 10)).ok, true);
    const ninth = await begin(c, 10);
    assert.equal(ninth.ok, false, 'a 9th unfinished upload was accepted');
    assert.equal(ninth.error?.code, 'UPLOAD_LIMIT');
    assert.ok(openFds(s.uploads) <= 8, `${openFds(s.uploads)} descriptors open`);
    // All at once from another page: the checks must not all pass before any is counted.
    const other = await s.client();
    const burst = await Promise.all(Array.from({ length: 20 }, () => begin(other, 10)));
    assert.equal(burst.filter((r) => r.ok).length, 0);
    c.ws.close();
    await until('the first page\'s uploads to be dropped', () => openFds(s.uploads) === 0);
    const again = await Promise.all(Array.from({ length: 20 }, () => begin(other, 10)));
    assert.equal(again.filter((r) => r.ok).length, 8, 'more than 8 concurrent begins were accepted');
    assert.ok(openFds(s.uploads) <= 8, `${openFds(s.uploads)} descriptors open`);
  } finally {
    await s.close();
  }
});

test('PROBE staged bytes are capped in total: declared sizes past the limit are refused', T, async () => {
  const s = await stack({ maxStagedBytes: 1024 * 1024 });
  try {
    const c = await s.client();
    assert.equal((await begin(c, 600 * 1024)).ok, true);
    const more = await begin(c, 600 * 1024);
    assert.equal(more.ok, false, 'staging past the total was accepted');
    assert.equal(more.error?.code, 'UPLOAD_LIMIT');
    assert.match(more.error?.message ?? '', /1048576/);
    // Nor may one upload declare more than the disk has free.
    const huge = await begin(c, 60 * 1024 * 1024 * 1024);
    assert.equal(huge.ok, false);
  } finally {
    await s.close();
  }
});

test('PROBE an upload that goes quiet expires: its descriptor and file go, its token says so', T, async () => {
  const s = await stack({ idleMs: 300 });
  try {
    const c = await s.client();
    const token = tokenOf(await begin(c, 10));
    assert.equal((await c.call('uploadChunk', { fileToken: token, offset: 0, base64: Buffer.from('abc').toString('base64') })).ok, true);
    assert.equal(openFds(s.uploads), 1);
    await until('the quiet upload to be dropped', () => openFds(s.uploads) === 0 && !fs.existsSync(path.join(s.uploads, token)));
    const late = await c.call('uploadChunk', { fileToken: token, offset: 3, base64: Buffer.from('def').toString('base64') });
    assert.equal(late.error?.code, 'UPLOAD_EXPIRED');
  } finally {
    await s.close();
  }
});

test('PROBE a socket that closes drops its unfinished uploads; a finished one stays usable', T, async () => {
  const s = await stack();
  try {
    const a = await s.client();
    const open = [tokenOf(await begin(a, 10)), tokenOf(await begin(a, 10))];
    const done = tokenOf(await begin(a, 3));
    await a.call('uploadChunk', { fileToken: done, offset: 0, base64: Buffer.from('xyz').toString('base64') });
    assert.equal((await a.call('endUpload', { fileToken: done })).ok, true);
    assert.equal(openFds(s.uploads), 2);
    a.ws.close();
    await until('the closed socket\'s uploads to be dropped', () => openFds(s.uploads) === 0 && open.every((t) => !fs.existsSync(path.join(s.uploads, t))));
    assert.equal(fs.readFileSync(path.join(s.uploads, done), 'utf8'), 'xyz');
    const b = await s.client();
    const late = await b.call('uploadChunk', { fileToken: open[0], offset: 0, base64: '' });
    assert.equal(late.error?.code, 'UNKNOWN_FILE_TOKEN');
  } finally {
    await s.close();
  }
});
