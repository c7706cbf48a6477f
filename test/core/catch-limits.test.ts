// Probes of the catch server's limits, against the real server on loopback with raw
// clients: a DNS-rebinding Host, bodies over the per-body and the total cap (declared and
// chunked), a body that stalls, a head that never completes. Each attack must end with
// the server's answer (or close) within a bound that only catches a hang, and be on the
// caught request's timeline.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CatchLimitsSchema, type CatchEvent, type CatchLimits, type CaughtSummary } from '../../contract/catch.js';
import { CatchServer } from '../../core/catch/catch-server.js';
import { CaughtStore } from '../../core/catch/caught-store.js';

const HANG_MS = 15_000;
const T = { timeout: 60_000 };

interface Run {
  server: CatchServer;
  store: CaughtStore;
  events: CatchEvent[];
  done: CaughtSummary[];
}

async function start(dir: string, limits: Partial<CatchLimits>): Promise<Run> {
  const events: CatchEvent[] = [];
  const done: CaughtSummary[] = [];
  const store = new CaughtStore(fs.mkdtempSync(path.join(dir, 'c-')), (e, s) => {
    events.push(e);
    if (e.type === 'SESSION_DONE') done.push(structuredClone(s));
  });
  const server = await CatchServer.start({ host: '127.0.0.1', port: 0, rules: [], limits: CatchLimitsSchema.parse(limits), store, log: () => {} });
  return { server, store, events, done };
}

/** Writes `parts` (strings or pauses in ms) and collects the answer until the server closes. */
function rawExchange(port: number, parts: Array<string | Buffer | number>): Promise<{ answer: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', async () => {
      for (const p of parts) {
        if (typeof p === 'number') await new Promise((r) => setTimeout(r, p));
        else if (!s.destroyed) s.write(p);
      }
    });
    let answer = '';
    s.setTimeout(HANG_MS, () => s.destroy(new Error(`no answer within ${HANG_MS} ms`)));
    s.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    s.on('close', () => resolve({ answer, ms: performance.now() - t0 }));
    s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
  });
}

const head = (port: number, extra: string, host = `127.0.0.1:${port}`) => `POST /up HTTP/1.1\r\nHost: ${host}\r\n${extra}\r\n`;

describe('catch server limits (probes)', () => {
  let dir: string;
  const runs: Run[] = [];
  before(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-catch-limits-'))));
  after(async () => {
    for (const r of runs.reverse()) await r.server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const run = async (limits: Partial<CatchLimits>) => {
    const r = await start(dir, limits);
    runs.push(r);
    return r;
  };

  it('a DNS-rebinding Host is refused (403, HOST_REFUSED); loopback names and allowed ones are answered', T, async () => {
    const r = await run({ allowHosts: ['tunnel.example'] });
    const { port } = r.server;
    const evil = await rawExchange(port, [`GET /files/secret HTTP/1.1\r\nHost: rebind.attacker.example:${port}\r\n\r\n`]);
    assert.match(evil.answer, /^HTTP\/1\.1 403 /);
    assert.ok(r.events.some((e) => e.type === 'HOST_REFUSED' && e.host === `rebind.attacker.example:${port}`));
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'app.localhost', 'Tunnel.Example']) {
      const ok = await rawExchange(port, [`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`]);
      assert.match(ok.answer, /^HTTP\/1\.1 200 /, host);
    }
  });

  it('a body declared over the per-body limit is answered 413 before a byte of it is read', T, async () => {
    const r = await run({ maxBodyBytes: 1024 * 1024 });
    const x = await rawExchange(r.server.port, [head(r.server.port, `Content-Length: ${10 * 1024 * 1024}\r\n`), Buffer.alloc(64 * 1024)]);
    assert.match(x.answer, /^HTTP\/1\.1 413 /);
    const ev = r.events.find((e) => e.type === 'LIMIT_EXCEEDED');
    assert.ok(ev && ev.type === 'LIMIT_EXCEEDED' && ev.limit === 'body' && ev.max === 1024 * 1024 && ev.bytes === 0, JSON.stringify(ev));
    assert.equal(r.done[0]?.bodyComplete, false);
  });

  it('a chunked body over the per-body limit: 413 once the limit is reached, the bytes up to it kept', T, async () => {
    const r = await run({ maxBodyBytes: 100_000 });
    const chunk = `${(50_000).toString(16)}\r\n${'x'.repeat(50_000)}\r\n`;
    const x = await rawExchange(r.server.port, [head(r.server.port, 'Transfer-Encoding: chunked\r\n'), chunk, chunk, chunk, chunk, '0\r\n\r\n']);
    assert.match(x.answer, /^HTTP\/1\.1 413 /);
    const s = r.done[0];
    assert.equal(s?.bodyBytes, 100_000);
    assert.equal(s?.bodyComplete, false);
    assert.equal(fs.statSync(path.join(r.store.dir, `${s?.id}.body`)).size, 100_000);
  });

  it('the total of caught bodies is capped: the request that would pass it is answered 413 (total)', T, async () => {
    const r = await run({ maxTotalBytes: 250_000 });
    const body = 'y'.repeat(100_000);
    for (let i = 0; i < 2; i++) {
      const ok = await rawExchange(r.server.port, [head(r.server.port, `Content-Length: ${body.length}\r\nConnection: close\r\n`), body]);
      assert.match(ok.answer, /^HTTP\/1\.1 200 /);
    }
    const over = await rawExchange(r.server.port, [head(r.server.port, `Content-Length: ${body.length}\r\n`), body]);
    assert.match(over.answer, /^HTTP\/1\.1 413 /);
    assert.ok(r.events.some((e) => e.type === 'LIMIT_EXCEEDED' && e.limit === 'total' && e.max === 250_000));
    assert.equal(r.store.totalBytes, 200_000);
  });

  it('a body that stops arriving is answered 408 after the idle timeout, its partial body kept', T, async () => {
    const r = await run({ idleTimeoutMs: 300 });
    const x = await rawExchange(r.server.port, [head(r.server.port, 'Content-Length: 1000\r\n'), 'z'.repeat(10)]);
    assert.match(x.answer, /^HTTP\/1\.1 408 /);
    const ev = r.events.find((e) => e.type === 'CLIENT_TIMEOUT');
    assert.ok(ev && ev.type === 'CLIENT_TIMEOUT' && ev.bytes === 10 && ev.idleMs === 300, JSON.stringify(ev));
    assert.equal(r.done[0]?.state, 'aborted');
    assert.equal(r.done[0]?.bodyBytes, 10);
  });

  it('a head that never completes is closed after the headers timeout', T, async () => {
    const r = await run({ headersTimeoutMs: 500 });
    const x = await rawExchange(r.server.port, ['GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n']);
    // Node answers 408 and closes; the request never reached the handler, so nothing is caught.
    assert.match(x.answer, /^HTTP\/1\.1 408 /);
    assert.equal(r.done.length, 0);
  });
});
