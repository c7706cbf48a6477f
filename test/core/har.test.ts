// HAR export and import through AppCore with real engine hosts (curl, and WinInet under
// Wine) and real loopback servers: the exported file is checked against the published HAR
// 1.2 schema (Ajv + har-schema), re-imported losslessly, and a Chrome-style HAR imports.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RequestDraft } from '../../contract/request.js';
import type { InetEvent } from '../../contract/events.js';
import { AppCore } from '../../core/app-core.js';
import { failsWith } from '../support/fails-with.js';
import { REPO_ROOT } from '../support/cli.js';
import { assertValidHar } from '../support/har-schema.js';
import { patternBytes, selfSignedCert, startTestServer, type TestServer } from '../support/servers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the HAR is read back as loose JSON; the schema checks it
type Har = { log: { creator: { name: string }; entries: Array<Record<string, any>> } };
const T = { timeout: 300_000 };

describe('HAR export and import (AppCore, both engines)', () => {
  let srv: TestServer;
  let tls: TestServer;
  let dataDir: string;
  let tmp: string;
  let core: AppCore;
  const hooks = { savePath: undefined as string | undefined, uploadPath: undefined as string | undefined };
  const finished = new Map<string, (e: InetEvent) => void>();

  before(async () => {
    srv = await startTestServer();
    tls = await startTestServer({ tls: selfSignedCert() });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-har-'));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-har-out-'));
    core = await AppCore.create({
      dataDir,
      log: () => {},
      hooks: { chooseSavePath: async () => hooks.savePath, chooseUploadFile: async () => hooks.uploadPath },
    });
    core.onPush((p) => p.kind === 'events' && p.events.forEach((e) => e.type === 'finished' && finished.get(e.id)?.(e)));
  });
  after(async () => {
    await core.close();
    await srv.close();
    await tls.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function send(request: Partial<RequestDraft> & { url: string }): Promise<string> {
    const id = randomUUID();
    const done = new Promise<InetEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no finished for ${request.url}`)), 120_000);
      finished.set(id, (e) => (clearTimeout(timer), resolve(e)));
    });
    await core.call('sendRequest', { id, request });
    await done;
    return id;
  }

  async function exportToFile(name: string, ids?: string[], inlineBodyLimitBytes?: number): Promise<Har> {
    hooks.savePath = path.join(tmp, name);
    const out = await core.call('exportHar', { ...(ids ? { ids } : {}), ...(inlineBodyLimitBytes !== undefined ? { inlineBodyLimitBytes } : {}) });
    assert.equal(out.saved, true);
    const har = JSON.parse(fs.readFileSync(hooks.savePath, 'utf8')) as Har;
    assert.ok(out.saved && out.entries === har.log.entries.length && out.bytes === fs.statSync(hooks.savePath).size);
    assertValidHar(har);
    return har;
  }

  /** The browser-mode path: the file's bytes staged through beginUpload/uploadChunk/endUpload. */
  async function stage(file: string): Promise<string> {
    const bytes = fs.readFileSync(file);
    const { fileToken } = await core.call('beginUpload', { name: path.basename(file), size: bytes.length });
    for (let off = 0; off < bytes.length; off += 1024 * 1024) {
      await core.call('uploadChunk', { fileToken, offset: off, base64: bytes.subarray(off, off + 1024 * 1024).toString('base64') });
    }
    await core.call('endUpload', { fileToken });
    return fileToken;
  }

  async function bodyOf(id: string): Promise<Buffer> {
    const s = await core.call('readBodySlice', { id, offset: 0, length: 4 * 1024 * 1024 });
    return Buffer.from(s.base64, 'base64');
  }

  for (const engine of ['curl', 'wininet'] as const) {
    it(`${engine}: a redirect chain, a POST, binary and HTTPS bodies export as valid HAR and re-import losslessly`, T, async () => {
      const ids = [
        await send({ engine, url: `${srv.url}/redirect/2`, followRedirects: true }),
        await send({ engine, url: `${srv.url}/echo`, method: 'POST', headers: [{ name: 'Content-Type', value: 'text/plain', enabled: true }], body: { kind: 'text', text: 'hello HAR' } }),
        await send({ engine, url: `${srv.url}/bytes/3000` }),
        await send({ engine, url: `${tls.url}/bytes/500`, insecure: true }),
      ];
      const har = await exportToFile(`${engine}.har`, ids);
      const [r0, r1, r2, post, bin, secure] = har.log.entries;
      assert.equal(har.log.entries.length, 6, 'the redirect chain is one entry per hop');
      assert.deepEqual([r0, r1, r2].map((e) => e!.response.status), [302, 302, 200]);
      assert.equal(r0!.response.redirectURL, `${srv.url}/redirect/1`);
      assert.equal(r1!.request.url, `${srv.url}/redirect/1`);
      assert.equal(r2!.request.url, `${srv.url}/redirect/0`);
      assert.ok(r1!.request.headers.some((h: { name: string }) => h.name.toLowerCase() === 'host'), 'the request side is what the engine sent');
      assert.equal(r2!.response.content.text, 'done\n');
      assert.equal(post!.request.postData.text, 'hello HAR');
      assert.equal(JSON.parse(post!.response.content.text).body, 'hello HAR');
      assert.equal(bin!.response.content.encoding, 'base64');
      assert.deepEqual(Buffer.from(bin!.response.content.text, 'base64'), patternBytes(3000));
      if (engine === 'curl') {
        assert.ok(secure!.timings.ssl >= 0, `curl reports the TLS handshake: ssl ${secure!.timings.ssl}`);
        assert.ok(secure!.timings.connect >= secure!.timings.ssl);
      } else assert.equal(secure!.timings.ssl, -1, 'WinInet cannot see the handshake');
      for (const e of har.log.entries) assert.equal(e._inetscope.events[0].id, undefined, 'events carry no request id');

      const fileToken = await stage(path.join(tmp, `${engine}.har`));
      const imported = await core.call('importHar', { fileToken });
      assert.deepEqual(imported.skipped, []);
      assert.equal(imported.ids.length, ids.length);
      await assert.rejects(core.call('endUpload', { fileToken }), failsWith('UNKNOWN_FILE_TOKEN'), 'the staged upload is released');
      for (const [i, id] of ids.entries()) {
        const a = await core.call('loadHistoryEntry', { id });
        const b = await core.call('loadHistoryEntry', { id: imported.ids[i]! });
        assert.deepEqual(b.request, a.request);
        assert.deepEqual(b.events, a.events.map((e) => ({ ...e, id: imported.ids[i] })));
        assert.equal(b.summary.source, 'har');
        assert.deepEqual(await bodyOf(imported.ids[i]!), await bodyOf(id));
      }
      const again = await exportToFile(`${engine}-again.har`, imported.ids);
      assert.deepEqual(again, har, 'export → import → export gives the same HAR');
    });
  }

  it('bodies over the inline limit are left out and named; a whole-history export holds every entry', T, async () => {
    const id = await send({ engine: 'curl', url: `${srv.url}/bytes/5000` });
    const har = await exportToFile('limited.har', [id], 1000);
    const content = har.log.entries[0]!.response.content;
    assert.equal(content.text, undefined);
    assert.match(content.comment, /5000 bytes\) is over the inline limit of 1000 bytes/);
    const all = await exportToFile('all.har');
    const total = await core.call('listHistory', { limit: 500 });
    const exchanges = new Set(all.log.entries.map((e) => e._inetscope.exchange));
    assert.equal(exchanges.size, total.total);
  });

  it('a Chrome DevTools HAR imports: extras, missing fields, params, base64, negative timings; bad entries skipped', T, async () => {
    hooks.uploadPath = path.join(REPO_ROOT, 'test', 'fixtures', 'chrome-devtools.har');
    const picked = await core.call('pickUploadFile', {});
    assert.ok(picked.picked);
    const out = await core.call('importHar', { fileToken: picked.fileToken });
    assert.equal(out.ids.length, 6);
    assert.deepEqual(out.skipped.map((s) => s.index), [5, 6]);
    assert.match(out.skipped[0]!.reason, /^entry 5: request\.url: /);
    assert.match(out.skipped[1]!.reason, /^entry 6: response\.content\.text is not valid base64/);
    const [redirect, page, login, png, failed, minimal] = await Promise.all(out.ids.map((id) => core.call('loadHistoryEntry', { id })));
    for (const x of [redirect, page, login, png, failed, minimal]) {
      assert.equal(x!.summary.source, 'har');
      assert.ok(x!.events.every((e) => e.type !== 'native'), 'no native callback is invented');
    }
    assert.deepEqual(redirect!.events.map((e) => e.type), ['started', 'headers', 'finished']);
    const head = page!.events.find((e) => e.type === 'headers');
    assert.ok(head?.type === 'headers' && head.statusCode === 200 && /\r\ncontent-type: text\/html/.test(head.rawHeaders));
    // blocked + dns + connect + send + wait (ssl is inside connect)
    assert.equal(head.t, 1.03 + 0.05 + 38.4 + 0.21 + 52.3);
    assert.equal(page!.events.at(-1)!.t, 96.027);
    assert.ok(!page!.request.headers.some((h) => h.name.startsWith(':')), 'no HTTP/2 pseudo-headers in the draft');
    assert.equal((await bodyOf(out.ids[1]!)).toString('utf8'), '<!doctype html><title>Shop</title><p>Grüße aus dem Laden — welcome</p>');
    assert.deepEqual(login!.request.body, { kind: 'form', fields: [{ name: 'user', value: 'ada', enabled: true }, { name: 'pass', value: 's3cr%C3%A9t', enabled: true }] });
    assert.ok(!login!.request.headers.some((h) => h.name.toLowerCase() === 'content-length'));
    assert.equal((await bodyOf(out.ids[3]!)).subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png!.summary.bodyBytes, 70);
    const end = failed!.events.at(-1)!;
    assert.ok(end.type === 'finished' && !end.ok && end.error?.message === 'net::ERR_CONNECTION_REFUSED');
    assert.equal(minimal!.summary.statusCode, 204);
    // Re-sendable: what the composer holds is a valid draft (a loopback URL stands in for the host).
    const again = await send({ ...login!.request, url: `${srv.url}/echo`, engine: 'curl' });
    const echoed = JSON.parse((await bodyOf(again)).toString()) as { body: string };
    assert.equal(echoed.body, 'user=ada&pass=s3cr%25C3%25A9t');
    // The imported entries export as valid HAR too.
    await exportToFile('chrome-again.har', out.ids);
  });

  it('bad files are refused naming the problem', T, async () => {
    const cases: Array<[string, string | Buffer, string, RegExp]> = [
      ['not-json.har', '{"log": ', 'HAR_NOT_JSON', /is not JSON/],
      ['not-har.har', '{"hello": "world"}', 'HAR_INVALID', /not a HAR file \(log: /],
      ['no-entries.har', '{"log": {"version": "1.2"}}', 'HAR_INVALID', /log\.entries/],
    ];
    for (const [name, text, code, message] of cases) {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, text);
      await assert.rejects(core.call('importHar', { fileToken: await stage(file) }), failsWith(code, message));
    }
    const huge = path.join(tmp, 'huge.har');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 257 * 1024 * 1024);
    hooks.uploadPath = huge;
    const picked = await core.call('pickUploadFile', {});
    assert.ok(picked.picked);
    await assert.rejects(core.call('importHar', { fileToken: picked.fileToken }), failsWith('HAR_TOO_LARGE', /at most 268435456 bytes/));
  });
});
