// Decoded bodies beside the wire bytes, through AppCore with real engine hosts (curl, and
// WinInet under Wine) and a loopback server sending each Content-Encoding: the wire bytes
// stay byte-exact, the decoded view equals the original, both sizes are known, a corrupt
// or unknown coding is named with the wire bytes still there, Save and HAR pick either.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AppCore } from '../../core/app-core.js';
import { recorder } from '../support/core.js';
import { failsWith } from '../support/fails-with.js';
import { BOMB_DECODED_BYTES, startEncodedServer, type EncodedServer } from '../support/encoded-server.js';

const T = { timeout: 300_000 };
const DECODED_ROUTES = ['/gzip', '/x-gzip', '/deflate', '/deflate-raw', '/br', '/zstd', '/gzip-br'];

describe('decoded bodies (AppCore, both engines)', () => {
  let srv: EncodedServer;
  let dataDir: string;
  let tmp: string;
  let core: AppCore;
  let rec: ReturnType<typeof recorder>;
  let savePath: string | undefined;

  before(async () => {
    srv = await startEncodedServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-decoded-'));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-decoded-out-'));
    // The smallest body store: its limit is the decoded-size bound the bomb runs into.
    core = await AppCore.create({ dataDir, log: () => {}, fixedSettings: () => ({ bodyStoreLimitMiB: 16 }), hooks: { chooseSavePath: async () => savePath, chooseUploadFile: async () => undefined } });
    rec = recorder(core);
  });
  after(async () => {
    await core.close();
    await srv.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function send(engine: 'curl' | 'wininet', route: string): Promise<string> {
    const id = randomUUID();
    const done = rec.finished(id, 120_000);
    await core.call('sendRequest', { id, request: { engine, url: `${srv.url}${route}` } });
    await done;
    return id;
  }

  async function read(id: string, view: 'wire' | 'decoded'): Promise<Buffer> {
    const s = await core.call('readBodySlice', { id, offset: 0, length: 4 * 1024 * 1024, view });
    assert.equal(s.complete, true);
    return Buffer.from(s.base64, 'base64');
  }

  for (const engine of ['curl', 'wininet'] as const) {
    it(`${engine}: each coding's wire bytes are kept byte-exact and its decoded body equals the original`, T, async () => {
      for (const route of DECODED_ROUTES) {
        const id = await send(engine, route);
        const wire = srv.routes.get(route)!.wire;
        assert.deepEqual(await read(id, 'wire'), wire, `${route}: the wire bytes as sent`);
        const d = await core.call('describeBody', { id });
        assert.deepEqual(d, { wireBytes: wire.length, coding: route === '/gzip-br' ? 'gzip, br' : route === '/x-gzip' ? 'gzip' : srv.routes.get(route)!.coding, decodedBytes: srv.original.length }, route);
        assert.ok((await read(id, 'decoded')).equals(srv.original), `${route}: decoded`);
      }
    });

    it(`${engine}: a corrupt gzip and an unknown coding are named; the wire bytes stay readable`, T, async () => {
      const bad = await send(engine, '/corrupt-gzip');
      const d = await core.call('describeBody', { id: bad });
      assert.equal(d.decodedBytes, undefined);
      assert.match(d.decodeError ?? '', /^the gzip coding is corrupt \(.+\), within its first \d+ bytes$/);
      assert.deepEqual(await read(bad, 'wire'), srv.routes.get('/corrupt-gzip')!.wire);
      await assert.rejects(core.call('readBodySlice', { id: bad, offset: 0, length: 100, view: 'decoded' }), failsWith('NOT_DECODED', /gzip coding is corrupt/));
      const unknown = await send(engine, '/unknown');
      assert.match((await core.call('describeBody', { id: unknown })).decodeError ?? '', /the compress coding is not one InetScope decodes/);
      assert.deepEqual(await read(unknown, 'wire'), srv.original);
    });
  }

  it('a gzip bomb stops at the body store limit, named, and its wire bytes stay', T, async () => {
    const id = await send('curl', '/bomb');
    const d = await core.call('describeBody', { id });
    assert.ok(BOMB_DECODED_BYTES > 16 * 1024 * 1024);
    assert.match(d.decodeError ?? '', /passes the limit of 16777216 bytes/);
    assert.equal(d.wireBytes, srv.routes.get('/bomb')!.wire.length);
    assert.equal(fs.readdirSync(path.join(dataDir, 'bodies')).filter((f) => f.endsWith('.decoded') && f.startsWith(id)).length, 0);
  });

  it('Save offers the wire bytes or the decoded body; the page never names a path', T, async () => {
    const id = await send('curl', '/br');
    savePath = path.join(tmp, 'wire.br');
    assert.equal((await core.call('saveBody', { id })).saved, true);
    assert.deepEqual(fs.readFileSync(savePath), srv.routes.get('/br')!.wire);
    savePath = path.join(tmp, 'decoded.txt');
    const out = await core.call('saveBody', { id, view: 'decoded' });
    assert.deepEqual(out, { saved: true, path: savePath, bytes: srv.original.length });
    assert.ok(fs.readFileSync(savePath).equals(srv.original));
    const bad = await send('curl', '/corrupt-gzip');
    await assert.rejects(core.call('saveBody', { id: bad, view: 'decoded' }), failsWith('NOT_DECODED', /gzip coding is corrupt/));
  });

  it('HAR: content.size is the decoded size, compression the bytes saved, the text decoded', T, async () => {
    const ids = [await send('curl', '/gzip'), await send('curl', '/corrupt-gzip')];
    savePath = path.join(tmp, 'x.har');
    assert.equal((await core.call('exportHar', { ids, inlineBodyLimitBytes: 8 * 1024 * 1024 })).saved, true);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read back as loose JSON
    const [good, bad] = (JSON.parse(fs.readFileSync(savePath, 'utf8')) as { log: { entries: any[] } }).log.entries;
    const wire = srv.routes.get('/gzip')!.wire.length;
    assert.equal(good.response.bodySize, wire);
    assert.equal(good.response.content.size, srv.original.length);
    assert.equal(good.response.content.compression, srv.original.length - wire);
    assert.ok(Buffer.from(good.response.content.text, good.response.content.encoding === 'base64' ? 'base64' : 'utf8').equals(srv.original));
    assert.equal(bad.response.content.size, srv.routes.get('/corrupt-gzip')!.wire.length);
    assert.match(bad.response.content.comment, /bytes as received \(Content-Encoding: gzip; not decoded: the gzip coding is corrupt/);
  });
});
