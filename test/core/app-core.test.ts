// AppCore end to end: real engine hosts (curl, and WinInet under Wine), real loopback
// servers, a temp data dir per suite. Every wait is bounded.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PushSchema } from '../../contract/api.js';
import type { InetEvent } from '../../contract/events.js';
import { AppCore, engineSessionsOf } from '../../core/app-core.js';
import { finishedOf, recorder } from '../support/core.js';
import { failsWith } from '../support/fails-with.js';
import { fileSha256, patternBytes, patternSha256, startTestServer, writePatternFile, type TestServer } from '../support/servers.js';

describe('AppCore', () => {
  let srv: TestServer;
  let dataDir: string;
  let core: AppCore;
  let rec: ReturnType<typeof recorder>;
  const hooks = { savePath: undefined as string | undefined, suggested: [] as string[], uploadPath: undefined as string | undefined };

  before(async () => {
    srv = await startTestServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-core-'));
    core = await AppCore.create({
      dataDir,
      log: () => {},
      hooks: {
        chooseSavePath: async (name) => (hooks.suggested.push(name), hooks.savePath),
        chooseUploadFile: async () => hooks.uploadPath,
      },
    });
    rec = recorder(core);
  });
  after(async () => {
    await core.close();
    await srv.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const engine of ['curl', 'wininet'] as const) {
    it(`${engine}: a request end to end (pushed batches, history, a body slice)`, async () => {
      const id = randomUUID();
      const n = 300_000;
      const done = rec.finished(id, 120_000);
      // The first request of an engine is also told its host is starting (engineStarting).
      assert.equal((await core.call('sendRequest', { id, request: { url: `${srv.url}/bytes/${n}`, engine } })).accepted, true);
      const fin = finishedOf(await done);
      assert.equal(fin.ok, true, JSON.stringify(fin.error));
      assert.equal(fin.statusCode, 200);
      assert.equal(fin.bodyBytes, n);

      const events = rec.events(id);
      assert.equal(events[0]?.type, 'started');
      assert.equal(events.at(-1)?.type, 'finished');
      for (const p of rec.pushes) PushSchema.parse(p);

      const list = await core.call('listHistory', { query: `BYTES/${n}` });
      assert.ok(list.entries.some((s) => s.id === id && s.engine === engine && s.statusCode === 200));
      const entry = await core.call('loadHistoryEntry', { id });
      // History keeps every event, seq without gaps; the pushes carry them in order, all but
      // the progress a batch replaced with its latest (core/progress-coalesce.ts).
      assert.deepEqual(entry.events.map((e) => e.seq), entry.events.map((_, i) => i));
      assert.ok(events.every((e, i) => i === 0 || e.seq > (events[i - 1] as InetEvent).seq), 'pushed in order');
      const kept = (e: InetEvent) => e.type !== 'body' && e.type !== 'upload';
      assert.deepEqual(events.filter(kept).map((e) => e.seq), entry.events.filter(kept).map((e) => e.seq));
      assert.equal(entry.request.url, `${srv.url}/bytes/${n}`);

      const slice = await core.call('readBodySlice', { id, offset: 100_000, length: 50_000 });
      assert.equal(slice.total, n);
      assert.equal(slice.complete, true);
      assert.ok(Buffer.from(slice.base64, 'base64').equals(patternBytes(n).subarray(100_000, 150_000)));
    });
  }

  it('a host killed mid-request gives HOST_CRASHED, and the next request gets a fresh host', async () => {
    const id = randomUUID();
    const sent = rec.sent(id);
    const done = rec.finished(id);
    await core.call('sendRequest', { id, request: { url: `${srv.url}/stall`, engine: 'curl' } });
    await sent;
    const sessions = engineSessionsOf(core);
    await sessions.client('curl').kill();
    const fin = finishedOf(await done);
    assert.equal(fin.error?.code, 'HOST_CRASHED');

    const next = randomUUID();
    const nextDone = rec.finished(next);
    await core.call('sendRequest', { id: next, request: { url: `${srv.url}/bytes/1000`, engine: 'curl' } });
    // The killed process cannot have served it: the client started a fresh host.
    assert.equal(finishedOf(await nextDone).ok, true);
  });

  it('cancels a request in flight', async () => {
    const id = randomUUID();
    const sent = rec.sent(id);
    const done = rec.finished(id);
    await core.call('sendRequest', { id, request: { url: `${srv.url}/stall`, engine: 'curl' } });
    await sent;
    assert.deepEqual(await core.call('cancelRequest', { id }), { cancelled: true });
    assert.equal(finishedOf(await done).error?.code, 'CANCELLED');
    assert.deepEqual(await core.call('cancelRequest', { id }), { cancelled: false });
  });

  it('saves a 100 MB body byte-exact, and a save into a missing directory leaves nothing', async () => {
    const id = randomUUID();
    const n = 100 * 1024 * 1024;
    const done = rec.finished(id, 300_000);
    await core.call('sendRequest', { id, request: { url: `${srv.url}/bytes/${n}`, engine: 'curl' } });
    assert.equal(finishedOf(await done).ok, true);

    hooks.savePath = undefined;
    assert.deepEqual(await core.call('saveBody', { id }), { saved: false });
    assert.equal(hooks.suggested.at(-1), `${n}.bin`);

    hooks.savePath = path.join(dataDir, 'saved.bin');
    assert.deepEqual(await core.call('saveBody', { id }), { saved: true, path: hooks.savePath, bytes: n });
    assert.equal(await fileSha256(hooks.savePath), await patternSha256(n));

    const missing = path.join(dataDir, 'no-such-dir');
    hooks.savePath = path.join(missing, 'out.bin');
    await assert.rejects(core.call('saveBody', { id }), failsWith('SAVE_FAILED', /no-such-dir/));
    assert.equal(fs.existsSync(missing), false);
    assert.deepEqual(fs.readdirSync(dataDir).filter((f) => f.includes('.part')), []);
  });

  it('uploads a picked file by its token; an unknown token is refused', async () => {
    const file = path.join(dataDir, 'upload.bin');
    const sha = await writePatternFile(file, 1_000_000, 'up');
    hooks.uploadPath = undefined;
    assert.deepEqual(await core.call('pickUploadFile', {}), { picked: false });
    hooks.uploadPath = file;
    const picked = await core.call('pickUploadFile', {});
    assert.ok(picked.picked);
    assert.equal(picked.size, 1_000_000);
    assert.equal(picked.name, 'upload.bin');

    const id = randomUUID();
    const done = rec.finished(id);
    const request = { url: `${srv.url}/upload`, method: 'PUT', engine: 'curl' as const, body: { kind: 'file' as const, fileToken: picked.fileToken } };
    await core.call('sendRequest', { id, request });
    assert.equal(finishedOf(await done).ok, true);
    assert.equal(srv.uploads.at(-1)?.sha256, sha);

    const bad = { ...request, body: { kind: 'file' as const, fileToken: 'nope' } };
    await assert.rejects(core.call('sendRequest', { id: randomUUID(), request: bad }), failsWith('UNKNOWN_FILE_TOKEN'));
  });

  it('sends enabled headers only and text bodies as UTF-8', async () => {
    const id = randomUUID();
    const done = rec.finished(id);
    const headers = [{ name: 'X-On', value: 'yes' }, { name: 'X-Off', value: 'no', enabled: false }];
    await core.call('sendRequest', { id, request: { url: `${srv.url}/echo`, method: 'POST', engine: 'curl', headers, body: { kind: 'text', text: 'héllo' } } });
    assert.equal(finishedOf(await done).ok, true);
    const slice = await core.call('readBodySlice', { id, offset: 0, length: 65536 });
    const echo = JSON.parse(Buffer.from(slice.base64, 'base64').toString('utf8')) as { headers: Record<string, string>; body: string };
    assert.equal(echo.headers['x-on'], 'yes');
    assert.equal(echo.headers['x-off'], undefined);
    assert.equal(echo.body, 'héllo');
  });

  it('refuses malformed input (BAD_INPUT naming the field) and bad requests (BAD_REQUEST)', async () => {
    await assert.rejects(core.call('sendRequest', { id: 'not-a-uuid', request: { url: 'http://x/' } }), failsWith('BAD_INPUT', /\bid\b/));
    await assert.rejects(core.call('listHistory', { limit: 0 }), failsWith('BAD_INPUT', /limit/));
    await assert.rejects(core.call('getSettings', { extra: 1 }), failsWith('BAD_INPUT'));
    await assert.rejects(core.call('readBodySlice', { id: randomUUID(), offset: -1, length: 10 }), failsWith('BAD_INPUT', /offset/));
    const bad = (request: object) => core.call('sendRequest', { id: randomUUID(), request });
    await assert.rejects(bad({ url: `${srv.url}/`, method: 'BAD METHOD' }), failsWith('BAD_REQUEST', /method/));
    await assert.rejects(bad({ url: 'ftp://example.org/' }), failsWith('BAD_REQUEST', /scheme/));
    await assert.rejects(core.call('loadHistoryEntry', { id: randomUUID() }), failsWith('NOT_FOUND'));
    await assert.rejects(core.call('readBodySlice', { id: randomUUID(), offset: 0, length: 10 }), failsWith('NOT_FOUND'));
  });
});
