// The tab session in <dataDir>/session.json, with real files: a round trip through the
// commands and across a restart of the core, a malformed file set aside with its bytes
// unchanged, saves that race leaving the last one, and what the command's schema refuses.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ComposerDraft } from '../../contract/composer-draft.js';
import { MAX_SESSION_TABS, type TabSession } from '../../contract/tab-session.js';
import { AppCore, CommandFailure } from '../../core/app-core.js';
import { SessionStore } from '../../core/session-store.js';

const noHooks = { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined };

function draft(url: string, patch: Partial<ComposerDraft> = {}): ComposerDraft {
  return {
    method: 'GET',
    url,
    headers: [{ name: '', value: '', enabled: true }],
    body: '',
    bodyDraft: { mode: 'raw', rawType: 'text', form: [], multipart: [] },
    auth: { kind: 'none' },
    params: [],
    options: { engine: 'auto', timeoutS: '', followRedirects: true, insecure: false, proxy: '' },
    ...patch,
  };
}

const session = (...urls: string[]): TabSession => ({
  tabs: urls.map((url, i) => ({ key: `tab-${i + 1}`, draft: draft(url) })),
  activeTab: `tab-${urls.length}`,
});

async function failure(p: Promise<unknown>): Promise<CommandFailure> {
  const e = await p.then(
    () => assert.fail('expected a failure'),
    (err: unknown) => err,
  );
  assert.ok(e instanceof CommandFailure, String(e));
  return e;
}

describe('tab session store', () => {
  let dataDir: string;
  let logs: string[];
  const file = () => path.join(dataDir, 'session.json');
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-session-'));
    logs = [];
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const create = () => AppCore.create({ dataDir, hooks: noHooks, log: (m) => logs.push(m) });

  it('a first start has no session; a saved one comes back, also after a restart', async () => {
    const core = await create();
    const { owner, ...none } = await core.call('loadSession', {});
    assert.deepEqual(none, {});
    const form = draft('http://127.0.0.1:1/form', {
      method: 'POST',
      bodyDraft: { mode: 'form', rawType: 'text', form: [{ name: 'a', value: 'ü 1', enabled: true }], multipart: [] },
      auth: { kind: 'basic', user: 'u', password: 'p' },
    });
    const saved: TabSession = {
      tabs: [
        { key: 'tab-1', draft: draft('http://127.0.0.1:1/a'), requestId: randomUUID(), title: 'A' },
        { key: 'tab-7', draft: form, baseline: draft('http://127.0.0.1:1/form'), saved: { workspaceId: 'default', path: 'f/form.yaml', version: 'v1' } },
      ],
      activeTab: 'tab-7',
    };
    assert.deepEqual(await core.call('saveSession', { owner, session: saved }), { saved: true });
    assert.deepEqual((await core.call('loadSession', {})).session, saved);
    await core.close();
    const again = await create();
    assert.deepEqual((await again.call('loadSession', {})).session, saved);
    await again.close();
    assert.deepEqual(fs.readdirSync(dataDir).filter((n) => n.startsWith('session')), ['session.json']);
  });

  for (const [name, bytes] of [
    ['not JSON', '{"tabs": [ {"key": "tab-1", "draft": '],
    ['valid JSON but not a session', JSON.stringify({ tabs: [{ key: 'tab-1', draft: { url: 'http://x/' } }], activeTab: 'tab-1' })],
  ] as const) {
    it(`a malformed file (${name}) is set aside unchanged, reported once, and not written over`, async () => {
      fs.writeFileSync(file(), bytes);
      const core = await create();
      const first = await core.call('loadSession', {});
      assert.equal(first.session, undefined);
      const bad = fs.readdirSync(dataDir).filter((n) => n.startsWith('session.json.bad-'));
      assert.equal(bad.length, 1);
      assert.equal(fs.readFileSync(path.join(dataDir, bad[0]!), 'utf8'), bytes);
      assert.match(first.problem ?? '', new RegExp(`could not be restored .*kept as ${bad[0]!.replace(/[.]/g, '\\.')}`));
      assert.ok(logs.some((l) => l.includes('set aside')));
      const { owner, ...rest } = await core.call('loadSession', {});
      assert.deepEqual(rest, {});
      await core.call('saveSession', { owner, session: session('http://127.0.0.1:1/new') });
      assert.equal(fs.readFileSync(path.join(dataDir, bad[0]!), 'utf8'), bytes);
      await core.close();
    });
  }

  it('an unreadable session file is an error, not an empty session', async () => {
    fs.mkdirSync(file());
    const core = await create();
    const e = await failure(core.call('loadSession', {}));
    assert.equal(e.code, 'SESSION_UNREADABLE');
    assert.ok(fs.statSync(file()).isDirectory());
    await core.close();
  });

  it('saves given at once are serialized: the file holds the last one, whole', async () => {
    const store = new SessionStore(dataDir, (m) => logs.push(m));
    const sessions = Array.from({ length: 30 }, (_, i) => session(`http://127.0.0.1:1/${i}`, `http://127.0.0.1:1/${i}/b`));
    await Promise.all(sessions.map((s) => store.save('page-1', s)));
    assert.deepEqual(JSON.parse(fs.readFileSync(file(), 'utf8')), sessions.at(-1));
    // A load queued behind saves sees the latest.
    const next = session('http://127.0.0.1:1/last');
    const [, loaded] = await Promise.all([store.save('page-1', next), store.load()]);
    assert.deepEqual(loaded.session, next);
    assert.deepEqual(fs.readdirSync(dataDir), ['session.json']);
  });

  it('the page that loaded last keeps the tabs: an older page is refused; after a restart the first saver is taken', async () => {
    const core = await create();
    const older = (await core.call('loadSession', {})).owner;
    const newer = (await core.call('loadSession', {})).owner;
    assert.notEqual(older, newer);
    const e = await failure(core.call('saveSession', { owner: older, session: session('http://127.0.0.1:1/old') }));
    assert.equal(e.code, 'SESSION_TAKEN');
    await core.call('saveSession', { owner: newer, session: session('http://127.0.0.1:1/new') });
    await core.close();
    // A page that outlived the core's restart saves on (it never loaded from this core).
    const again = await create();
    await again.call('saveSession', { owner: newer, session: session('http://127.0.0.1:1/newer') });
    assert.equal((await failure(again.call('saveSession', { owner: older, session: session('http://127.0.0.1:1/old') }))).code, 'SESSION_TAKEN');
    assert.equal((await again.call('loadSession', {})).session?.tabs[0]?.draft.url, 'http://127.0.0.1:1/newer');
    await again.close();
  });

  it('refuses, naming the field, a session that is malformed or too large', async () => {
    const core = await create();
    const { owner } = await core.call('loadSession', {});
    const refused = async (s: unknown, field: RegExp) => {
      const e = await failure(core.call('saveSession', { owner, session: s }));
      assert.equal(e.code, 'BAD_INPUT');
      assert.match(e.message, field);
    };
    const ok = session('http://127.0.0.1:1/a');
    await refused({ ...ok, extra: 1 }, /^saveSession: session: /);
    await refused({ ...ok, tabs: [{ ...ok.tabs[0], draft: { ...ok.tabs[0]!.draft, colour: 'red' } }] }, /session\.tabs\.0\.draft/);
    await refused({ ...ok, tabs: [{ ...ok.tabs[0], draft: { ...ok.tabs[0]!.draft, body: 'x'.repeat(16 * 1024 * 1024 + 1) } }] }, /session\.tabs\.0\.draft\.body/);
    await refused({ ...ok, activeTab: 'tab-9' }, /session\.activeTab: the active tab is not one of the tabs/);
    await refused({ tabs: [ok.tabs[0], ok.tabs[0]], activeTab: 'tab-1' }, /session\.tabs\.1\.key: the tab key "tab-1" is used twice/);
    await refused({ tabs: [], activeTab: 'tab-1' }, /session\.tabs/);
    const many = Array.from({ length: MAX_SESSION_TABS + 1 }, (_, i) => ({ key: `k${i}`, draft: draft('http://127.0.0.1:1/') }));
    await refused({ tabs: many, activeTab: 'k0' }, /session\.tabs/);
    const big = Array.from({ length: 2 }, (_, i) => ({ key: `k${i}`, draft: draft('http://127.0.0.1:1/', { body: 'é'.repeat(2 * 1024 * 1024) }) }));
    await refused({ tabs: big, activeTab: 'k0' }, /session\.tabs: the session is \d+ bytes as JSON, more than/);
    assert.equal(fs.existsSync(file()), false);
    await core.close();
  });
});
