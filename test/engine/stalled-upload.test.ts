// An upload to a server that stops reading must not freeze the engine host: while it is
// stalled another request on the same host completes, and a cancel ends the stalled one.
// (Under Wine, InternetWriteFile blocks in send() on the calling thread.)
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../engine/client.js';
import type { EngineName } from '../../engine/engine.js';
import type { FinishedEvent } from '../../contract/events.js';
import { startTestServer, writePatternFile, type TestServer } from '../support/servers.js';
import { until } from '../support/until.js';
import { parseRequestSpec } from '../../engine/request-spec.js';

const MB = 1024 * 1024;
/** Only to catch a hang: each of these ends in well under a second when the host is free. */
const HANG_MS = 20_000;

/** Accepts a request, reads its head and the first body bytes, then never reads again. */
async function startStallingServer(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let received = 0;
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('data', (d: Buffer) => {
      received += d.length;
      if (received > 16 * 1024) s.pause();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

function withinHangBound<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${HANG_MS} ms: the host is blocked`)), HANG_MS);
  });
  return Promise.race([p, hang]).finally(() => clearTimeout(timer));
}

for (const engine of ['wininet', 'curl'] as EngineName[]) {
  describe(`stalled upload: ${engine} engine`, () => {
    let tmp: string;
    let client: EngineClient;
    let http: TestServer;
    let file: string;
    before(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `inetscope-stall-${engine}-`));
      file = path.join(tmp, 'up.bin');
      await writePatternFile(file, 64 * MB, 'stall');
      http = await startTestServer();
      client = await EngineClient.start({ engine, logFile: path.join(tmp, 'host.log') });
    });
    after(async () => {
      await client?.close();
      await http?.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('keeps the host responsive while an upload is stalled, and a cancel ends it', async () => {
      const stall = await startStallingServer();
      const id = crypto.randomUUID();
      let uploaded = 0;
      const stalled = client.send(id, parseRequestSpec({ url: `${stall.url}/up`, method: 'PUT', body: { kind: 'file', path: file }, sink: { kind: 'discard' } }), (e) => {
        if (e.type === 'upload') uploaded = e.bytes;
      });
      let settled: FinishedEvent | undefined;
      void stalled.then((f) => (settled = f));
      try {
        assert.ok(await until(() => stall.received() > 16 * 1024, HANG_MS), 'the upload reached the server');
        // Let the socket buffers fill up: from here on every write waits for a reader that never comes.
        await new Promise((r) => setTimeout(r, 1500));
        assert.equal(settled, undefined, 'the upload is still under way');
        const other = await withinHangBound(client.send(crypto.randomUUID(), parseRequestSpec({ url: `${http.url}/bytes/1000`, sink: { kind: 'memory', cap: MB } })), 'a second request');
        assert.equal(other.ok, true, JSON.stringify(other.error));
        assert.equal(other.bodyBytes, 1000);
        assert.ok(uploaded < 64 * MB, `the upload is stalled (${uploaded} bytes out)`);
        client.cancel(id);
        const f = await withinHangBound(stalled, 'the cancelled upload');
        assert.equal(f.ok, false);
        assert.equal(f.error?.code, 'CANCELLED', JSON.stringify(f.error));
      } finally {
        await stall.close();
        await stalled.catch(() => undefined);
      }
    });

    it('a deadline ends a stalled upload (TIMEOUT)', async () => {
      const stall = await startStallingServer();
      const spec = { url: `${stall.url}/up`, method: 'PUT', body: { kind: 'file' as const, path: file }, sink: { kind: 'discard' as const }, timeouts: { totalMs: 1500 } };
      const stalled = client.send(crypto.randomUUID(), parseRequestSpec(spec));
      try {
        const f = await withinHangBound(stalled, 'the upload past its deadline');
        assert.ok(stall.received() > 16 * 1024, 'the upload reached the server');
        assert.equal(f.ok, false);
        assert.equal(f.error?.code, 'TIMEOUT', JSON.stringify(f.error));
      } finally {
        await stall.close();
        await stalled.catch(() => undefined);
      }
    });
  });
}
