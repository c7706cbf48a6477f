// searchBody and filterJsonBody: matches in stored bodies found by the core. The scan over real files (across
// chunk boundaries, backward, folded, hex, the time budget), then through the real core and
// the curl engine: a 50 MB body from a loopback server, its match at 98 % reached in one call.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Push } from '../../contract/api.js';
import { AppCore } from '../../core/app-core.js';
import { needleOf, searchFile } from '../../core/body-search.js';
import { failsWith } from '../support/fails-with.js';

const MIB = 1024 * 1024;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-search-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A file of `size` dots with `needle` written at each offset. */
function fileWith(name: string, size: number, needle: string, at: number[]): string {
  const b = Buffer.alloc(size, '.');
  for (const o of at) b.write(needle, o, 'latin1');
  const file = path.join(tmp, name);
  fs.writeFileSync(file, b);
  return file;
}

const req = (needle: string, from: number, backward = false, fold = true) => ({ needle: Buffer.from(needle), fold, from, backward, budgetMs: 1000 });

describe('searchFile', () => {
  const across = MIB - 3; // spans the first 1 MiB chunk boundary
  const file = fileWith('a.body', 3 * MIB, 'NeedLe', [10, across, 2 * MIB + 5]);

  it('finds forward from an offset, a match across a chunk boundary among them', async () => {
    assert.equal((await searchFile(file, req('needle', 0))).offset, 10);
    assert.equal((await searchFile(file, req('needle', 11))).offset, across);
    assert.equal((await searchFile(file, req('needle', across + 1))).offset, 2 * MIB + 5);
    const none = await searchFile(file, req('needle', 2 * MIB + 6));
    assert.deepEqual(none, { length: 6, resumeAt: 3 * MIB, total: 3 * MIB, complete: true });
  });

  it('finds backward the last match starting before the offset', async () => {
    assert.equal((await searchFile(file, req('needle', 3 * MIB, true))).offset, 2 * MIB + 5);
    assert.equal((await searchFile(file, req('needle', 2 * MIB + 5, true))).offset, across);
    assert.equal((await searchFile(file, req('needle', across, true))).offset, 10);
    assert.equal((await searchFile(file, req('needle', 10, true))).complete, true);
    assert.equal((await searchFile(file, req('needle', 10, true))).offset, undefined);
  });

  it('compares exactly when not folding, and takes hex bytes', async () => {
    assert.equal((await searchFile(file, req('needle', 0, false, false))).offset, undefined);
    assert.equal((await searchFile(file, req('NeedLe', 0, false, false))).offset, 10);
    assert.deepEqual(needleOf('4e 65 65', 'hex'), Buffer.from('Nee'));
    assert.throws(() => needleOf('4e6', 'hex'), failsWith('BAD_INPUT', /not hex bytes/));
  });

  it('stops at the time budget and says where to go on', async () => {
    const big = fileWith('b.body', 40 * MIB, 'zz', [40 * MIB - 2]);
    const first = await searchFile(big, { ...req('zz', 0), budgetMs: 0 });
    assert.equal(first.offset, undefined);
    assert.equal(first.complete, false);
    assert.ok(first.resumeAt > 0 && first.resumeAt < 40 * MIB);
    const rest = await searchFile(big, req('zz', first.resumeAt));
    assert.equal(rest.offset, 40 * MIB - 2);
  });

  it('reads a missing file as an empty body', async () => {
    assert.deepEqual(await searchFile(path.join(tmp, 'none'), req('x', 0)), { length: 1, resumeAt: 0, total: 0, complete: true });
  });
});

describe('searchBody through the core (curl engine)', () => {
  const SIZE = 50 * 1000 * 1000;
  const AT = Math.floor(SIZE * 0.98);
  let server: http.Server;
  let url = '';
  let core: AppCore;
  const body = Buffer.alloc(SIZE, 'a');
  body.write('the-Needle', AT, 'latin1');

  before(async () => {
    server = http.createServer((req, res) => res.end(req.url === '/json' ? JSON.stringify({ items: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }] }) : body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big`;
    const hooks = { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined };
    core = await AppCore.create({ dataDir: path.join(tmp, 'data'), hooks, log: () => {} });
  });
  after(async () => {
    await core?.close();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('reaches a match at 98 % of 50 MB in one call, then steps back from it; refuses unknown ids and bad hex', async () => {
    const id = randomUUID();
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for the download')), 60_000);
      core.onPush((p: Push) => p.kind === 'events' && p.events.some((e) => e.id === id && e.type === 'finished') && (clearTimeout(timer), resolve()));
    });
    await core.call('sendRequest', { id, request: { engine: 'curl', method: 'GET', url } });
    await done;
    const t0 = performance.now();
    const hit = await core.call('searchBody', { id, query: 'the-needle', from: 0 });
    const ms = performance.now() - t0;
    assert.deepEqual(hit, { offset: AT, length: 10, resumeAt: AT + 1, total: SIZE, complete: true });
    console.log(`# searchBody: hit at 98 % of 50 MB in ${ms.toFixed(0)} ms`);
    const back = await core.call('searchBody', { id, query: 'the-needle', from: AT, direction: 'backward' });
    assert.equal(back.offset, undefined);
    assert.equal(back.complete, true);
    assert.equal((await core.call('searchBody', { id, query: '74 68 65 2d 4e', encoding: 'hex', from: 0, caseSensitive: true })).offset, AT);
    await assert.rejects(core.call('searchBody', { id: randomUUID(), query: 'x', from: 0 }), failsWith('NOT_FOUND'));
    await assert.rejects(core.call('searchBody', { id, query: 'zz', encoding: 'hex', from: 0 }), failsWith('BAD_INPUT'));
    await assert.rejects(core.call('filterJsonBody', { id, path: '$.a' }), failsWith('NOT_JSON', /not JSON/));
  });

  it('filters a JSON body with a JSONPath in the core; a filter expression is refused (script evaluation off)', async () => {
    const id = randomUUID();
    const done = new Promise<void>((resolve) => core.onPush((p: Push) => p.kind === 'events' && p.events.some((e) => e.id === id && e.type === 'finished') && resolve()));
    await core.call('sendRequest', { id, request: { engine: 'curl', method: 'GET', url: url.replace('/big', '/json') } });
    await done;
    assert.deepEqual(await core.call('filterJsonBody', { id, path: '$.items[*].name' }), { text: '[\n  "a",\n  "b"\n]', matches: 2 });
    assert.deepEqual(await core.call('filterJsonBody', { id, path: '$.items[1]' }), { text: '[\n  {\n    "id": 2,\n    "name": "b"\n  }\n]', matches: 1 });
    assert.equal((await core.call('filterJsonBody', { id, path: '$.none' })).matches, 0);
    // Script evaluation is off: a filter expression is refused, never run.
    await assert.rejects(core.call('filterJsonBody', { id, path: '$.items[?(@.id==2)]' }), failsWith('BAD_INPUT', /cannot be evaluated/));
  });
});
