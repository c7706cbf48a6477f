// The core's stores and pure helpers, without engine hosts: file names for saving,
// settings, history recovery after a torn write, body-store eviction.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { RequestDraftSchema } from '../../contract/request.js';
import { AppCore, CommandFailure } from '../../core/app-core.js';
import { BodyStore } from '../../core/body-store.js';
import { HistoryStore, type HistoryEntry } from '../../core/history-store.js';
import { suggestFileName } from '../../core/save-body.js';

const noHooks = { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined };

describe('suggestFileName', () => {
  const url = 'http://example.org/dir/report';
  const cases: Array<[string, Parameters<typeof suggestFileName>[0], string]> = [
    ['filename*= UTF-8 wins over filename=', { url, contentDisposition: `attachment; filename="fallback.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf` }, 'résumé.pdf'],
    ['filename*= first', { url, contentDisposition: `attachment; filename*=utf-8''na%20me.txt; filename=x.txt` }, 'na me.txt'],
    ['ISO-8859-1 filename*=', { url, contentDisposition: `attachment; filename*=iso-8859-1'en'caf%E9.txt` }, 'café.txt'],
    ['quoted filename= with escapes', { url, contentDisposition: 'attachment; filename="a \\"b\\".csv"' }, 'a _b_.csv'],
    ['token filename=', { url, contentDisposition: 'inline; filename=data.json' }, 'data.json'],
    ['path separators and controls stripped', { url, contentDisposition: 'attachment; filename="../../etc/pass\u0001wd"' }, '_.._etc_passwd'],
    ['windows separators', { url, contentDisposition: 'attachment; filename="C:\\\\temp\\\\x.bin"' }, 'C__temp_x.bin'],
    ['URL last segment', { url: 'http://example.org/files/archive.tar.gz?x=1' }, 'archive.tar.gz'],
    ['URL segment, percent-decoded', { url: 'http://example.org/a/hello%20world.txt' }, 'hello world.txt'],
    ['extension from Content-Type', { url, contentType: 'application/json; charset=utf-8' }, 'report.json'],
    ['extension from +json', { url, contentType: 'application/problem+json' }, 'report.json'],
    ['html', { url: 'http://example.org/', contentType: 'text/html' }, 'response.html'],
    ['png', { url, contentType: 'image/png' }, 'report.png'],
    ['jpeg', { url, contentType: 'image/jpeg' }, 'report.jpg'],
    ['octet-stream', { url, contentType: 'application/octet-stream' }, 'report.bin'],
    ['existing extension kept', { url: 'http://example.org/x.txt', contentType: 'application/json' }, 'x.txt'],
    ['unknown type: no extension', { url, contentType: 'application/x-unknown' }, 'report'],
    ['nothing at all', { url: 'http://example.org/' }, 'response'],
    ['a name of only dots', { url, contentDisposition: 'attachment; filename=".."' }, 'report'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(suggestFileName(input), expected));
  }
});

describe('core stores', () => {
  let dataDir: string;
  let logs: string[];
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-stores-'));
    logs = [];
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const create = () => AppCore.create({ dataDir, hooks: noHooks, log: (m) => logs.push(m) });

  it('settings: defaults, a merged round trip across restarts, atomic file', async () => {
    const core = await create();
    const defaults = await core.call('getSettings', {});
    assert.equal(defaults.defaultEngine, 'auto');
    const next = await core.call('setSettings', { theme: 'dark', bodyStoreLimitMiB: 64 });
    assert.deepEqual(next, { ...defaults, theme: 'dark', bodyStoreLimitMiB: 64 });
    await core.call('setSettings', { defaultEngine: 'curl' });
    await core.close();
    assert.deepEqual(fs.readdirSync(dataDir).filter((f) => f.includes('settings')), ['settings.json']);
    const again = await create();
    assert.deepEqual(await again.call('getSettings', {}), { ...defaults, theme: 'dark', bodyStoreLimitMiB: 64, defaultEngine: 'curl' });
    await again.close();
  });

  it('settings: a fixed downloads folder is shown over the file, never written to it, and setSettings refuses the key', async () => {
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ downloadsDir: '/from/file' }));
    let seen: string | undefined;
    const fixedSettings = (stored: { downloadsDir?: string }) => ((seen = stored.downloadsDir), { downloadsDir: '/fixed' });
    const core = await AppCore.create({ dataDir, hooks: noHooks, log: (m) => logs.push(m), fixedSettings });
    assert.equal(seen, '/from/file');
    assert.equal((await core.call('getSettings', {})).downloadsDir, '/fixed');
    await assert.rejects(core.call('setSettings', { downloadsDir: '/elsewhere' } as never), (e: { code?: string; message?: string }) => e.code === 'BAD_INPUT' && /downloadsDir/.test(e.message ?? ''));
    assert.equal((await core.call('setSettings', { theme: 'dark' })).downloadsDir, '/fixed');
    await core.close();
    assert.equal(JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).downloadsDir, '/from/file');
  });

  it('settings: a malformed file gives defaults and a log line, and is kept aside before anything is written', async () => {
    const file = path.join(dataDir, 'settings.json');
    for (const [text, why] of [
      ['{"theme": "dark",', /is not valid JSON/],
      ['{"theme": "purple"}', /does not match the settings schema \(theme: /],
    ] as const) {
      fs.writeFileSync(file, text);
      const core = await create();
      assert.equal((await core.call('getSettings', {})).theme, 'system');
      const line = logs.find((l) => /^settings: /.test(l) && why.test(l) && /kept as settings\.json\.bad-.*using defaults/.test(l));
      assert.ok(line, logs.join('\n'));
      const aside = fs.readdirSync(dataDir).filter((f) => f.startsWith('settings.json.bad-'));
      assert.equal(aside.length, 1);
      assert.equal(fs.readFileSync(path.join(dataDir, aside[0]!), 'utf8'), text, 'the user\'s file, unchanged');
      assert.equal((await core.call('setSettings', { theme: 'dark' })).theme, 'dark');
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).theme, 'dark');
      await core.close();
      fs.rmSync(path.join(dataDir, aside[0]!));
      logs.length = 0;
    }
  });

  it('settings: a file that cannot be read gives defaults and is never written over (changes are refused, naming it)', async () => {
    const file = path.join(dataDir, 'settings.json');
    fs.mkdirSync(file); // a read fails (EISDIR) where a permission check would not, as root
    const core = await create();
    assert.equal((await core.call('getSettings', {})).theme, 'system');
    assert.ok(logs.some((l) => /^settings: cannot read .*settings\.json/.test(l)), logs.join('\n'));
    await assert.rejects(core.call('setSettings', { theme: 'dark' }), (e: { code?: string; message?: string }) => e.code === 'SETTINGS_NOT_SAVED' && /settings\.json could not be read/.test(e.message ?? ''));
    assert.ok(fs.statSync(file).isDirectory(), 'left as it was');
    await core.close();
  });

  it('history: a torn last line is skipped, the complete entries load, appends go on', async () => {
    const [a, b, c] = [entry('GET', 'http://a.test/one'), entry('POST', 'http://b.test/two'), entry('GET', 'http://c.test/three')];
    const file = path.join(dataDir, 'history.ndjson');
    const torn = JSON.stringify(c).slice(0, 40);
    fs.writeFileSync(file, `${JSON.stringify(a)}\n${JSON.stringify(b)}\n${torn}`);
    const core = await create();
    const list = await core.call('listHistory', {});
    assert.equal(list.total, 2);
    assert.deepEqual(list.entries.map((s) => s.id), [b.summary.id, a.summary.id]);
    assert.equal((await core.call('loadHistoryEntry', { id: a.summary.id })).events.length, 2);
    assert.ok(logs.some((l) => /torn/.test(l)), logs.join('\n'));
    assert.deepEqual((await core.call('listHistory', { query: 'post' })).entries.map((s) => s.id), [b.summary.id]);
    assert.deepEqual((await core.call('listHistory', { query: 'A.TEST' })).entries.map((s) => s.id), [a.summary.id]);
    assert.equal((await core.call('listHistory', { limit: 1, offset: 1 })).entries[0]?.id, a.summary.id);
    await assert.rejects(core.call('loadHistoryEntry', { id: c.summary.id }), (e) => e instanceof CommandFailure && e.code === 'NOT_FOUND');
    await core.close();

    const store = await HistoryStore.load(dataDir, () => {});
    await store.append(c);
    const reloaded = await HistoryStore.load(dataDir, () => {});
    assert.deepEqual(reloaded.list(undefined, 10, 0).entries.map((s) => s.id), [c.summary.id, b.summary.id, a.summary.id]);
    assert.equal((await reloaded.get(c.summary.id)).request.url, 'http://c.test/three');

    // A crash mid-write again, then a batch (a HAR import) appended with one fsync.
    const [d, e] = [entry('GET', 'http://d.test/'), entry('GET', 'http://e.test/')];
    fs.appendFileSync(file, '{"summary":{"id"');
    const torn2 = await HistoryStore.load(dataDir, () => {});
    await torn2.appendMany([d, e]);
    const last = await HistoryStore.load(dataDir, () => {});
    assert.deepEqual(last.ids(), [a, b, c, d, e].map((x) => x.summary.id), 'oldest first');
    assert.equal((await last.get(e.summary.id)).request.url, 'http://e.test/');
  });

  it('body store: evicts the oldest finished bodies above the limit, never one in flight', async () => {
    const store = await BodyStore.open(dataDir, () => 3000, () => {});
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [a, b, c]) store.begin(id);
    for (const id of [a, b, c]) fs.writeFileSync(store.pathFor(id), Buffer.alloc(2000, 7));
    await store.finish(a);
    await store.finish(c);
    assert.equal(fs.existsSync(store.pathFor(a)), false);
    assert.equal(fs.existsSync(store.pathFor(b)), true);
    assert.equal(fs.existsSync(store.pathFor(c)), true);
    await assert.rejects(store.readSlice(a, 0, 10), (e) => e instanceof CommandFailure && e.code === 'NOT_FOUND');
    const slice = await store.readSlice(b, 1990, 100);
    assert.deepEqual(slice, { offset: 1990, base64: Buffer.alloc(10, 7).toString('base64'), total: 2000, complete: false });
    const past = await store.readSlice(c, 5000, 100);
    assert.deepEqual(past, { offset: 5000, base64: '', total: 2000, complete: true });
  });
});

function entry(method: string, url: string): HistoryEntry {
  const id = randomUUID();
  const started = { type: 'started' as const, id, seq: 0, hop: 0, t: 0, engine: 'curl', method, url, wallTime: 1 };
  const finished = { type: 'finished' as const, id, seq: 1, hop: 0, t: 1, ok: true, statusCode: 200, bodyBytes: 0, uploadBytes: 0 };
  return {
    summary: { id, method, url, engine: 'curl', startedAt: 1, statusCode: 200, ok: true, bodyBytes: 0, source: 'sent' },
    request: RequestDraftSchema.parse({ url, method }),
    events: [started, finished],
  };
}
