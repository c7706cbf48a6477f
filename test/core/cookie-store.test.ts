// The workspaces' cookie jars with real files: the commands and their push, a round trip
// across a restart of the core (0600 in a 0700 folder), what setCookie refuses by name, a
// malformed or unreadable jar file reported and never written over, a burst of Set-Cookie
// headers written once (and a change flushed by close), and two workspaces kept apart.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Cookie } from '../../contract/cookies.js';
import { AppCore } from '../../core/app-core.js';
import { CookieStore, jarFileName } from '../../core/cookie-store.js';
import { until } from '../support/until.js';
import { failsWith } from './workspace-support.js';

const cookie = (patch: Partial<Cookie> = {}): Cookie => ({ name: 'sid', value: 'abc', domain: '127.0.0.1', path: '/', secure: false, httpOnly: true, hostOnly: true, ...patch });

describe('cookie store', () => {
  let tmp: string;
  let dataDir: string;
  let logs: string[];
  let pushes: string[];
  let pick: string | undefined;
  const cookiesDir = () => path.join(dataDir, 'cookies');
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-cookies-'));
    dataDir = path.join(tmp, 'data');
    logs = [];
    pushes = [];
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function start(): Promise<{ core: AppCore; id: string }> {
    const hooks = { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined, chooseWorkspaceFolder: async () => pick };
    const core = await AppCore.create({ dataDir, hooks, log: (m) => logs.push(m) });
    core.onPush((p) => p.kind === 'cookies' && pushes.push(p.id));
    return { core, id: (await core.call('listWorkspaces', {})).open[0]!.id };
  }

  it('set, list, edit, delete and clear through the commands, each pushed; kept across a restart, 0600', async () => {
    const { core, id } = await start();
    assert.deepEqual(await core.call('listCookies', { id }), { cookies: [] });
    const expires = Date.now() + 3600_000;
    await core.call('setCookie', { id, cookie: cookie() });
    await core.call('setCookie', { id, cookie: cookie({ name: 'theme', value: 'dark', domain: 'example.org', hostOnly: false, expires, sameSite: 'lax' }) });
    await core.call('setCookie', { id, cookie: cookie({ name: 'other', domain: 'example.org' }) });
    assert.ok(await until(() => pushes.length > 0, 2000), 'a cookies push');
    assert.ok(pushes.every((p) => p === id));
    // An edit that renames: the cookie it was goes.
    await core.call('setCookie', { id, cookie: cookie({ name: 'session', value: 'edited' }), replaces: { domain: '127.0.0.1', path: '/', name: 'sid' } });
    assert.deepEqual(await core.call('deleteCookie', { id, key: { domain: 'example.org', path: '/', name: 'other' } }), { deleted: true });
    assert.deepEqual(await core.call('deleteCookie', { id, key: { domain: 'example.org', path: '/', name: 'other' } }), { deleted: false });
    const listed = (await core.call('listCookies', { id })).cookies;
    assert.deepEqual(
      listed.map((c) => [c.domain, c.name, c.value]),
      [
        ['127.0.0.1', 'session', 'edited'],
        ['example.org', 'theme', 'dark'],
      ],
    );
    assert.equal(listed[1]!.expires, expires);
    assert.equal(listed[1]!.sameSite, 'lax');
    await core.close();
    const file = path.join(cookiesDir(), jarFileName(id));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.statSync(cookiesDir()).mode & 0o777, 0o700);

    const again = await start();
    assert.deepEqual((await again.core.call('listCookies', { id })).cookies, listed);
    assert.deepEqual(await again.core.call('clearCookies', { id, domain: 'example.org' }), { cleared: 1 });
    assert.deepEqual(await again.core.call('clearCookies', { id }), { cleared: 1 });
    assert.deepEqual(await again.core.call('listCookies', { id }), { cookies: [] });
    await again.core.close();
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { version: 1, cookies: [] });
  });

  it('refuses a bad cookie by field, and a workspace that is not open', async () => {
    const { core, id } = await start();
    await failsWith(core.call('setCookie', { id, cookie: cookie({ name: 'a b' }) }), 'BAD_INPUT', /cookie\.name: a cookie name is a token/);
    await failsWith(core.call('setCookie', { id, cookie: cookie({ name: '' }) }), 'BAD_INPUT', /cookie\.name: a cookie needs a name/);
    await failsWith(core.call('setCookie', { id, cookie: cookie({ value: 'a;b' }) }), 'BAD_INPUT', /cookie\.value: .*no ';'/);
    await failsWith(core.call('setCookie', { id, cookie: cookie({ domain: 'http://Example.org' }) }), 'BAD_INPUT', /cookie\.domain: a domain is a lower-case host name/);
    await failsWith(core.call('setCookie', { id, cookie: cookie({ path: 'x' }) }), 'BAD_INPUT', /cookie\.path/);
    await failsWith(core.call('listCookies', { id: 'feedfacefeedface' }), 'NOT_FOUND', /feedfacefeedface is not open/);
    assert.deepEqual(await core.call('listCookies', { id }), { cookies: [] });
    await core.close();
  });

  for (const [what, bytes, why] of [
    ['not JSON', '{"version": 1, "cookies": [', /is not valid JSON/],
    ['a bad cookie', JSON.stringify({ version: 1, cookies: [cookie(), { ...cookie(), path: 'nope' }] }), /is not a cookie jar: cookie 2: /],
  ] as const) {
    it(`a jar file that is ${what} is reported, set aside unchanged, never written over`, async () => {
      const first = await start();
      await first.core.close();
      const file = path.join(cookiesDir(), jarFileName(first.id));
      fs.mkdirSync(cookiesDir(), { recursive: true });
      fs.writeFileSync(file, bytes);
      const { core, id } = await start();
      const listed = await core.call('listCookies', { id });
      assert.deepEqual(listed.cookies, []);
      assert.match(listed.problem ?? '', new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${why.source}.*kept as ${path.basename(file)}\\.bad-`));
      assert.ok(logs.some((l) => l.includes(file)), 'said in the log');
      const aside = fs.readdirSync(cookiesDir()).filter((n) => n.includes('.bad-'));
      assert.equal(aside.length, 1);
      await core.call('setCookie', { id, cookie: cookie() });
      await core.close();
      assert.equal(fs.readFileSync(path.join(cookiesDir(), aside[0]!), 'utf8'), bytes);
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).cookies.length, 1);
    });
  }

  it('a jar file that cannot be read is reported and not written over', async () => {
    const first = await start();
    await first.core.close();
    // A folder where the file should be: unreadable as a file, for root too.
    const file = path.join(cookiesDir(), jarFileName(first.id));
    fs.mkdirSync(file, { recursive: true });
    const { core, id } = await start();
    await core.call('setCookie', { id, cookie: cookie() });
    const listed = await core.call('listCookies', { id });
    assert.equal(listed.cookies.length, 1);
    assert.match(listed.problem ?? '', /cannot be read .*cookies set now are not saved/);
    await core.close();
    assert.ok(fs.statSync(file).isDirectory());
    assert.deepEqual(fs.readdirSync(cookiesDir()), [path.basename(file)]);
  });

  it('a burst of Set-Cookie headers is one write; a change is flushed by close', async () => {
    const changed: string[] = [];
    const store = new CookieStore({ dir: cookiesDir(), log: (m) => logs.push(m), changed: (id) => changed.push(id), saveDelayMs: 50 });
    const jar = store.jarFor('aaaa');
    for (let i = 0; i < 50; i++) assert.equal(jar.store('http://127.0.0.1:8080/a', [`c${i}=${i}; Path=/`])[0]!.stored, true);
    assert.ok(await until(() => store.writeCount > 0, 2000), 'written');
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(store.writeCount, 1);
    assert.equal(changed.length, 50);
    const file = path.join(cookiesDir(), 'aaaa.json');
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).cookies.length, 50);
    store.jarFor('aaaa').store('http://127.0.0.1:8080/a', ['late=1']);
    await store.close();
    assert.equal(store.writeCount, 2);
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).cookies.length, 51);
    await store.close();
    assert.equal(store.writeCount, 2, 'nothing left to write');
  });

  it("two workspaces' jars are apart: nothing of one is sent for the other", async () => {
    const folder = path.join(tmp, 'second');
    fs.mkdirSync(folder);
    pick = folder;
    const { core, id } = await start();
    const opened = await core.call('openWorkspace', { choose: 'dialog' });
    assert.ok(opened.opened);
    const other = opened.info.id;
    assert.notEqual(other, id);
    await core.call('setCookie', { id, cookie: cookie({ value: 'first' }) });
    assert.deepEqual(await core.call('listCookies', { id: other }), { cookies: [] });
    await core.call('setCookie', { id: other, cookie: cookie({ value: 'second' }) });
    assert.equal((await core.call('listCookies', { id })).cookies[0]!.value, 'first');
    await core.close();
    assert.equal(JSON.parse(fs.readFileSync(path.join(cookiesDir(), jarFileName(other)), 'utf8')).cookies[0].value, 'second');

    const store = new CookieStore({ dir: cookiesDir(), log: () => {}, changed: () => {} });
    assert.equal(store.jarFor(id).cookieHeader('http://127.0.0.1/x')?.value, 'sid=first');
    assert.equal(store.jarFor(other).cookieHeader('http://127.0.0.1/x')?.value, 'sid=second');
    store.jarFor(id).store('http://127.0.0.1/x', ['only=a']);
    assert.deepEqual(store.jarFor(other).cookieHeader('http://127.0.0.1/x')?.names, ['sid']);
    await store.close();
  });

  it('names a jar file safely whatever the id', () => {
    assert.equal(jarFileName('0123456789abcdef'), '0123456789abcdef.json');
    for (const id of ['../../etc/passwd', 'C:\\x', 'CON', 'a'.repeat(200)]) assert.match(jarFileName(id), /^h_[0-9a-f]{32}\.json$/);
    assert.notEqual(jarFileName('../a'), jarFileName('../b'));
  });
});
