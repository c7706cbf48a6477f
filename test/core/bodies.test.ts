// Request bodies through the real core and the real curl engine: form, multipart (built
// by the core into a temp file), and browser mode's chunked uploads. Every wait is bounded.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CommandInput, Push } from '../../contract/api.js';
import { AppCore } from '../../core/app-core.js';
import { failsWith } from '../support/fails-with.js';
import { startTestServer, type TestServer } from '../support/servers.js';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The test server's /echo keeps at most 64 KiB of a body; multipart bodies are larger, so
 * this one keeps whole bodies (and their headers) for the test to parse. */
async function captureServer(): Promise<{ url: string; bodies: Array<{ headers: http.IncomingHttpHeaders; body: Buffer }>; close(): Promise<void> }> {
  const bodies: Array<{ headers: http.IncomingHttpHeaders; body: Buffer }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, bodies, close: () => new Promise((r) => server.close(() => r())) };
}

/** Splits a multipart body at its boundary: name → { headers, bytes }. */
function parseMultipart(body: Buffer, boundary: string): Map<string, { head: string; bytes: Buffer }> {
  const out = new Map<string, { head: string; bytes: Buffer }>();
  const delim = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delim);
  assert.equal(at, 0, 'the body starts with the first boundary');
  for (;;) {
    const start = at + delim.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delim]), start);
    assert.ok(next > 0, 'every part is closed by a boundary');
    const part = body.subarray(start + 2, next);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    out.set(name, { head, bytes: Buffer.from(part.subarray(split + 4)) });
    at = next + 2;
  }
  return out;
}

describe('request bodies and uploads', () => {
  let srv: TestServer;
  let dataDir: string;
  let core: AppCore;
  const finished = new Map<string, () => void>();

  before(async () => {
    srv = await startTestServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-bodies-'));
    const hooks = { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined };
    core = await AppCore.create({ dataDir, hooks, log: () => {} });
    core.onPush((push: Push) => {
      if (push.kind === 'events') for (const e of push.events) if (e.type === 'finished') finished.get(e.id)?.();
    });
  });

  after(async () => {
    await core?.close();
    await srv?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Sends and waits for `finished`; returns the stored response body. */
  async function send(request: CommandInput<'sendRequest'>['request']): Promise<Buffer> {
    const id = randomUUID();
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${id}`)), 60_000);
      finished.set(id, () => (clearTimeout(timer), resolve()));
    });
    await core.call('sendRequest', { id, request: { engine: 'curl', method: 'POST', ...request } });
    await done;
    const slice = await core.call('readBodySlice', { id, offset: 0, length: 4 * 1024 * 1024 });
    return Buffer.from(slice.base64, 'base64');
  }

  async function upload(bytes: Buffer, chunk = 1024 * 1024): Promise<string> {
    const { fileToken } = await core.call('beginUpload', { name: 'f.bin', size: bytes.length });
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      const base64 = bytes.subarray(offset, offset + chunk).toString('base64');
      const r = await core.call('uploadChunk', { fileToken, offset, base64 });
      assert.equal(r.received, Math.min(bytes.length, offset + chunk));
    }
    assert.deepEqual(await core.call('endUpload', { fileToken }), { size: bytes.length });
    return fileToken;
  }

  const uploadsDir = (): string[] => fs.readdirSync(path.join(dataDir, 'uploads'));

  it('sends a form body as a=1&b=2 with its content type; an explicit Content-Type wins', async () => {
    const fields = [
      { name: 'a', value: '1', enabled: true },
      { name: 'off', value: 'x', enabled: false },
      { name: 'b', value: '2', enabled: true },
    ];
    const echo = JSON.parse((await send({ url: `${srv.url}/echo`, body: { kind: 'form', fields } })).toString()) as { body: string; headers: Record<string, string> };
    assert.equal(echo.body, 'a=1&b=2');
    assert.equal(echo.headers['content-type'], 'application/x-www-form-urlencoded');
    const headers = [{ name: 'content-type', value: 'text/x-mine', enabled: true }];
    const mine = JSON.parse((await send({ url: `${srv.url}/echo`, headers, body: { kind: 'form', fields } })).toString()) as { headers: Record<string, string> };
    assert.equal(mine.headers['content-type'], 'text/x-mine');
  });

  it('builds a multipart body with a text part and a 1 MB file part that parses on the server', async () => {
    const cap = await captureServer();
    try {
      const file = randomBytes(1_000_000);
      const fileToken = await upload(file);
      const parts = [
        { kind: 'text' as const, name: 'greeting', value: 'héllo "world"' },
        { kind: 'file' as const, name: 'doc', fileToken, filename: 'a.bin', contentType: 'application/x-test' },
      ];
      await send({ url: `${cap.url}/`, body: { kind: 'multipart', parts } });
      const got = cap.bodies.at(-1)!;
      const boundary = /^multipart\/form-data; boundary=(\S+)$/.exec(got.headers['content-type'] ?? '')?.[1];
      assert.ok(boundary, got.headers['content-type']);
      assert.equal(Number(got.headers['content-length']), got.body.length);
      const parsed = parseMultipart(got.body, boundary);
      assert.deepEqual([...parsed.keys()], ['greeting', 'doc']);
      assert.equal(parsed.get('greeting')?.bytes.toString('utf8'), 'héllo "world"');
      assert.match(parsed.get('doc')?.head ?? '', /filename="a.bin"\r\nContent-Type: application\/x-test$/);
      assert.equal(sha256(parsed.get('doc')!.bytes), sha256(file));
      // The staged upload and the built body are gone once the request is over.
      assert.deepEqual(uploadsDir(), []);
    } finally {
      await cap.close();
    }
  });

  it('sends a 5 MB file uploaded in chunks byte-exact', async () => {
    const bytes = randomBytes(5 * 1024 * 1024 + 123);
    const fileToken = await upload(bytes);
    const r = JSON.parse((await send({ url: `${srv.url}/upload`, method: 'PUT', body: { kind: 'file', fileToken } })).toString()) as { bytes: number; sha256: string };
    assert.equal(r.bytes, bytes.length);
    assert.equal(r.sha256, sha256(bytes));
    // Used once: the staged copy is removed, and the token is no longer valid.
    assert.deepEqual(uploadsDir(), []);
    const again = core.call('sendRequest', { id: randomUUID(), request: { url: `${srv.url}/upload`, method: 'PUT', body: { kind: 'file', fileToken } } });
    await assert.rejects(again, failsWith('UNKNOWN_FILE_TOKEN'));
  });

  it('refuses a chunk at a wrong offset, an oversized chunk, and an unfinished upload', async () => {
    const { fileToken } = await core.call('beginUpload', { name: 'x', size: 10 });
    const b64 = (n: number): string => Buffer.alloc(n, 7).toString('base64');
    await assert.rejects(core.call('uploadChunk', { fileToken, offset: 3, base64: b64(2) }), failsWith('UPLOAD_BAD_OFFSET', /offset 3/));
    assert.deepEqual(await core.call('uploadChunk', { fileToken, offset: 0, base64: b64(4) }), { received: 4 });
    await assert.rejects(core.call('uploadChunk', { fileToken, offset: 0, base64: b64(4) }), failsWith('UPLOAD_BAD_OFFSET'));
    await assert.rejects(core.call('uploadChunk', { fileToken, offset: 4, base64: b64(7) }), failsWith('UPLOAD_TOO_LARGE'));
    await assert.rejects(core.call('uploadChunk', { fileToken, offset: 4, base64: 'not base64!' }), failsWith('UPLOAD_BAD_CHUNK'));
    const request = { url: `${srv.url}/upload`, method: 'PUT', engine: 'curl' as const, body: { kind: 'file' as const, fileToken } };
    await assert.rejects(core.call('sendRequest', { id: randomUUID(), request }), failsWith('UPLOAD_INCOMPLETE'));
    await assert.rejects(core.call('endUpload', { fileToken }), failsWith('UPLOAD_INCOMPLETE', /4 of 10/));
    const parts = [{ kind: 'file' as const, name: 'f', fileToken, filename: 'f' }];
    await assert.rejects(core.call('sendRequest', { id: randomUUID(), request: { ...request, body: { kind: 'multipart', parts } } }), failsWith('UPLOAD_INCOMPLETE'));
    await assert.rejects(core.call('uploadChunk', { fileToken: 'nope', offset: 0, base64: '' }), failsWith('UNKNOWN_FILE_TOKEN'));
    const tooBig = Buffer.alloc(1024 * 1024 + 3).toString('base64');
    await assert.rejects(core.call('uploadChunk', { fileToken, offset: 4, base64: tooBig }), failsWith('BAD_INPUT', /base64/));
  });
});
