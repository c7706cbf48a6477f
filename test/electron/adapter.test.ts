// The desktop adapter, checked without Electron. Electron's binary cannot be downloaded
// on this machine, so nothing here starts Electron: the IPC router, the preload's API and
// the menu are written against small structural interfaces (IpcMainLike, SenderLike,
// FrameLike, IpcRendererLike), and these tests drive them with small fakes of those
// interfaces. The fakes exist ONLY because Electron cannot run here; behind the router
// is the real AppCore. security.test.ts scans the real sources with Electronegativity.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COMMAND_NAMES, SettingsSchema, type CommandName, type EventsPush, type Push } from '../../contract/api.js';
import { AppCore } from '../../core/app-core.js';
import { CALL_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, PUSH_CHANNEL, type CallResult } from '../../electron/channels.js';
import { AppContents, samePage, type FrameLike, type SenderLike } from '../../electron/main/app-contents.js';
import { APP_INDEX_URL } from '../../electron/main/app-files.js';
import { IpcRouter, type CoreLike, type InvokeEventLike, type IpcMainLike } from '../../electron/main/ipc-router.js';
import { menuTemplate } from '../../electron/main/menu.js';
import { createApi, type IpcRendererLike } from '../../electron/preload/api.js';

const APP_URL = APP_INDEX_URL;

class FakeSender implements SenderLike {
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  destroyed = false;
  constructor(readonly id: number) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: args[0] });
  }
}

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    // Electron throws on a second handler for a channel; so does the fake.
    assert.ok(!this.handlers.has(channel), `second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(sender: SenderLike, frame: FrameLike | null, envelope: unknown): Promise<CallResult> {
    const handler = this.handlers.get(CALL_CHANNEL);
    assert.ok(handler, 'no handler for the call channel');
    return (await handler({ sender, senderFrame: frame }, envelope)) as CallResult;
  }
}

const mainFrame = (url = APP_URL): FrameLike => ({ url, parent: null });

function assertFailure(result: CallResult, code: string, messagePart?: RegExp): void {
  assert.equal(result.ok, false, `expected ${code}, got ${JSON.stringify(result)}`);
  if (result.ok) return;
  assert.equal(result.error.code, code, result.error.message);
  if (messagePart) assert.match(result.error.message, messagePart);
}

describe('IPC router, with the real AppCore behind it', () => {
  let dataDir: string;
  let core: AppCore;
  const calls: CommandName[] = [];
  const ipc = new FakeIpcMain();
  const contents = new AppContents(APP_URL);
  const app = new FakeSender(1);
  let router: IpcRouter;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-electron-'));
    core = await AppCore.create({ dataDir, hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined }, log: () => {} });
    // Records what reaches the core, so a test can say the core was never asked.
    const recording: CoreLike = {
      call: (name, input) => (calls.push(name), core.call(name, input)),
      onPush: (listener) => core.onPush(listener),
    };
    contents.add(app);
    router = new IpcRouter({ ipc, core: recording, contents });
  });

  after(async () => {
    router.dispose();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('rejects a call from a webContents the app did not create, without calling the core', async () => {
    const before = calls.length;
    const stranger = new FakeSender(99);
    assertFailure(await ipc.invoke(stranger, mainFrame(), { command: 'getSettings', input: {} }), 'FORBIDDEN');
    // Same id as the app's window but another object: not the webContents the app registered.
    assertFailure(await ipc.invoke(new FakeSender(1), mainFrame(), { command: 'getSettings', input: {} }), 'FORBIDDEN');
    assert.equal(calls.length, before);
  });

  it('rejects a known webContents showing another page, a subframe, a gone frame, or a destroyed sender', async () => {
    const before = calls.length;
    const envelope = { command: 'getSettings', input: {} };
    assertFailure(await ipc.invoke(app, mainFrame('https://evil.example/'), envelope), 'FORBIDDEN');
    assertFailure(await ipc.invoke(app, mainFrame('file:///tmp/other.html'), envelope), 'FORBIDDEN');
    assertFailure(await ipc.invoke(app, { url: APP_URL, parent: mainFrame() }, envelope), 'FORBIDDEN');
    assertFailure(await ipc.invoke(app, null, envelope), 'FORBIDDEN');
    const gone = new FakeSender(2);
    contents.add(gone);
    gone.destroyed = true;
    assertFailure(await ipc.invoke(gone, mainFrame(), envelope), 'FORBIDDEN');
    assert.equal(calls.length, before);
  });

  it('rejects malformed envelopes and unknown commands before the core', async () => {
    const before = calls.length;
    for (const bad of [null, 'getSettings', 42, [], { input: {} }, { command: 7, input: {} }, { command: 'getSettings', input: {}, extra: 1 }]) {
      assertFailure(await ipc.invoke(app, mainFrame(), bad), 'BAD_ENVELOPE', /command/);
    }
    for (const command of ['deleteEverything', '__proto__', 'constructor', 'toString', '']) {
      assertFailure(await ipc.invoke(app, mainFrame(), { command, input: {} }), 'UNKNOWN_COMMAND', /Unknown command/);
    }
    assert.equal(calls.length, before);
  });

  it('returns the core\'s clear error for malformed input', async () => {
    assertFailure(await ipc.invoke(app, mainFrame(), { command: 'getSettings', input: { bogus: 1 } }), 'BAD_INPUT', /getSettings/);
    assertFailure(await ipc.invoke(app, mainFrame(), { command: 'listHistory', input: { limit: 'ten' } }), 'BAD_INPUT', /limit/);
    assertFailure(await ipc.invoke(app, mainFrame(), { command: 'cancelRequest', input: { id: 'not-a-uuid' } }), 'BAD_INPUT', /id/);
  });

  it('answers a valid getSettings with the settings, also from a page with a #fragment', async () => {
    const result = await ipc.invoke(app, mainFrame(`${APP_URL}#/history`), { command: 'getSettings', input: {} });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.ok(result.ok);
    assert.deepEqual(result.output, SettingsSchema.parse({}));
    assert.equal(calls.at(-1), 'getSettings');
  });

  it('stops answering after dispose', () => {
    const other = new FakeIpcMain();
    const r = new IpcRouter({ ipc: other, core: { call: async () => ({}), onPush: () => () => {} }, contents });
    assert.ok(other.handlers.has(CALL_CHANNEL));
    r.dispose();
    assert.equal(other.handlers.size, 0);
  });
});

describe('IPC router pushes', () => {
  // A push source standing in for the core: the real core only pushes while requests
  // run through an engine, which this adapter test has no need to start.
  function setup(): { emit(push: Push): void; contents: AppContents; router: IpcRouter } {
    let listener: ((push: Push) => void) | undefined;
    const core: CoreLike = {
      call: () => Promise.reject(new Error('not used')),
      onPush: (l) => ((listener = l), () => (listener = undefined)),
    };
    const contents = new AppContents(APP_URL);
    const router = new IpcRouter({ ipc: new FakeIpcMain(), core, contents });
    return { emit: (push) => listener?.(push), contents, router };
  }
  const event = (seq: number): EventsPush['events'][number] => ({ id: 'r1', seq, hop: 0, t: seq, type: 'body', bytes: seq * 10 });
  const pushOf = (...seqs: number[]): Push => ({ kind: 'events', events: seqs.map(event) });

  it('passes every push on as it comes (the core batched it already), to every webContents', () => {
    const { emit, contents, router } = setup();
    const a = new FakeSender(1);
    const b = new FakeSender(2);
    contents.add(a);
    contents.add(b);
    const caught: Push = { kind: 'caught', events: [], requests: [] };
    emit(pushOf(0, 1));
    emit(caught);
    emit(pushOf(2));
    for (const s of [a, b]) assert.deepEqual(s.sent, [pushOf(0, 1), caught, pushOf(2)].map((payload) => ({ channel: PUSH_CHANNEL, payload })));
    router.dispose();
  });

  it('skips destroyed and removed webContents, and sends nothing after dispose', () => {
    const { emit, contents, router } = setup();
    const a = new FakeSender(1);
    const b = new FakeSender(2);
    const c = new FakeSender(3);
    [a, b, c].forEach((s) => contents.add(s));
    contents.remove(3);
    a.destroyed = true;
    emit(pushOf(0));
    assert.deepEqual([a.sent.length, b.sent.length, c.sent.length], [0, 1, 0]);
    router.dispose();
    emit(pushOf(1));
    assert.equal(b.sent.length, 1);
  });
});

describe('AppContents.samePage', () => {
  it('matches the app page whatever the fragment, and nothing else', () => {
    assert.ok(samePage(APP_URL, APP_URL));
    assert.ok(samePage(`${APP_URL}#x`, APP_URL));
    assert.ok(!samePage(`${APP_URL}?x=1`, APP_URL));
    assert.ok(!samePage('app://inetscope/other.html', APP_URL));
    assert.ok(!samePage('app://evil/index.html', APP_URL));
    // file: pages are not the app's any more (they would keep file: privileges).
    assert.ok(!samePage('file:///opt/InetScope/resources/app.asar/dist/renderer/index.html', 'file:///opt/InetScope/resources/app.asar/dist/renderer/index.html'));
    assert.ok(!samePage('https://example.org/dist/renderer/index.html', 'https://example.org/dist/renderer/index.html'));
    assert.ok(!samePage('not a url', APP_URL));
  });
});

describe('preload API', () => {
  class FakeIpcRenderer implements IpcRendererLike {
    readonly invoked: unknown[][] = [];
    readonly listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
    answer: unknown = { ok: true, output: { done: 1 } };
    async invoke(...args: unknown[]): Promise<unknown> {
      this.invoked.push(args);
      return this.answer;
    }
    on(channel: string, l: (event: unknown, ...args: unknown[]) => void): void {
      this.listeners.set(channel, (this.listeners.get(channel) ?? new Set()).add(l));
    }
    removeListener(channel: string, l: (event: unknown, ...args: unknown[]) => void): void {
      this.listeners.get(channel)?.delete(l);
    }
    emit(channel: string, payload: unknown): void {
      for (const l of this.listeners.get(channel) ?? []) l({ sender: 'secret' }, payload);
    }
  }

  it('has one method per command and no generic invoke', () => {
    const api = createApi(new FakeIpcRenderer());
    assert.deepEqual(Object.keys(api).sort(), [...COMMAND_NAMES, 'onMenuCommand', 'onPush'].sort());
    for (const name of COMMAND_NAMES) assert.equal(typeof api[name], 'function');
  });

  it('sends {command, input} on the call channel and unwraps results and errors', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createApi(ipc);
    assert.deepEqual(await api.getSettings({}), { done: 1 });
    assert.deepEqual(ipc.invoked, [[CALL_CHANNEL, { command: 'getSettings', input: {} }]]);
    ipc.answer = { ok: false, error: { code: 'BAD_INPUT', message: 'listHistory: limit: bad' } };
    await assert.rejects(api.listHistory({ limit: 1 }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'BAD_INPUT');
      assert.equal(e.message, 'BAD_INPUT: listHistory: limit: bad');
      return true;
    });
    ipc.answer = undefined;
    await assert.rejects(api.getSettings({}), /^Error: BAD_RESPONSE: /);
  });

  it('delivers pushes and valid menu commands without the IPC event, until unsubscribed', () => {
    const ipc = new FakeIpcRenderer();
    const api = createApi(ipc);
    const pushes: unknown[][] = [];
    const menus: unknown[] = [];
    const offPush = api.onPush((...args) => pushes.push(args));
    const offMenu = api.onMenuCommand((c) => menus.push(c));
    ipc.emit(PUSH_CHANNEL, { kind: 'events', events: [] });
    ipc.emit(MENU_CHANNEL, 'send');
    ipc.emit(MENU_CHANNEL, 'formatDisk');
    assert.deepEqual(pushes, [[{ kind: 'events', events: [] }]]);
    assert.deepEqual(menus, ['send']);
    offPush();
    offMenu();
    ipc.emit(PUSH_CHANNEL, { kind: 'events', events: [] });
    ipc.emit(MENU_CHANNEL, 'send');
    assert.equal(pushes.length, 1);
    assert.equal(menus.length, 1);
  });
});

describe('menu', () => {
  const roles = (dev: boolean): string[] =>
    JSON.stringify(menuTemplate({ dev, isMac: false, send: () => {} }))
      .match(/"role":"\w+"/g)!
      .map((r) => r.slice(8, -1));

  it('offers reload and devtools only in development', () => {
    for (const devOnly of ['reload', 'forceReload', 'toggleDevTools']) {
      assert.ok(roles(true).includes(devOnly), devOnly);
      assert.ok(!roles(false).includes(devOnly), devOnly);
    }
    for (const always of ['quit', 'editMenu', 'zoomIn', 'zoomOut', 'resetZoom', 'windowMenu', 'about']) assert.ok(roles(false).includes(always), always);
  });

  it('sends Send, Save Request (As…) and Save Response… to the renderer with their shortcuts', () => {
    const sent: string[] = [];
    const file = menuTemplate({ dev: false, isMac: true, send: (c) => sent.push(c) })[1];
    assert.equal(file?.label, 'File');
    const items = file?.submenu as Array<{ label?: string; accelerator?: string; registerAccelerator?: boolean; role?: string; click?: () => void }>;
    assert.deepEqual(items.filter((i) => i.label && i.accelerator && i.registerAccelerator !== false).map((i) => [i.label, i.accelerator]), [['Send', 'CmdOrCtrl+Enter']]);
    assert.deepEqual(items.filter((i) => i.registerAccelerator === false).map((i) => [i.label, i.accelerator]).slice(0, 2), [
      ['Save Request', 'CmdOrCtrl+S'],
      ['Save Request As…', 'CmdOrCtrl+Shift+S'],
    ]);
    items.forEach((i) => i.click?.());
    assert.deepEqual(sent, ['send', 'saveRequest', 'saveRequestAs', 'saveResponse', 'newTab', 'closeTab', 'importHar', 'exportHar', 'settings']);
    assert.equal(items.at(-1)?.role, 'close');
    assert.equal(items.at(-1)?.accelerator, 'CmdOrCtrl+Shift+W', 'Ctrl/Cmd+W closes the tab');
  });

  it('has an item for every menu command (contract/menu-commands.ts); shortcuts the renderer handles are shown, not registered', () => {
    const sent: string[] = [];
    const items = menuTemplate({ dev: false, isMac: false, send: (c) => sent.push(c) }).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    for (const i of items) i.click?.(undefined as never, undefined, undefined as never);
    assert.deepEqual([...sent].sort(), [...MENU_COMMANDS].sort());
    const shownOnly = items.filter((i) => i.registerAccelerator === false).map((i) => i.accelerator);
    assert.deepEqual(shownOnly, ['CmdOrCtrl+S', 'CmdOrCtrl+Shift+S', 'CmdOrCtrl+T', 'CmdOrCtrl+W', 'CmdOrCtrl+,', 'CmdOrCtrl+Shift+Enter', 'CmdOrCtrl+Shift+I', 'CmdOrCtrl+Alt+E', 'CmdOrCtrl+Shift+K', 'CmdOrCtrl+Shift+H', 'Ctrl+Tab', 'Ctrl+Shift+Tab']);
  });
});
