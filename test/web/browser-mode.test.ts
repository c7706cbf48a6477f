// Browser mode end to end: the real core (curl engine, temp data dir) behind the real
// loopback server, driven by a WebSocket client; then every refusal the server promises.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppCore } from '../../core/app-core.js';
import { projectRoot } from '../../engine/paths.js';
import { createBrowserHooks } from '../../web/hooks.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { HEADER_ONLY_DIRECTIVES, parsePolicy } from '../../domain/page-policy.js';
import { startTestServer, type TestServer } from '../support/servers.js';
import { closeCode, ContractClient, openSocket, rawRequest } from '../support/web-client.js';

const T = { timeout: 30_000 };

let tmp: string;
let core: AppCore;
let web: WebServer;
let target: TestServer;
let origin: string;
let wsUrl: string;
const opened: ContractClient[] = [];

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-web-'));
  const staticDir = path.join(tmp, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>InetScope</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {};');
  // Beside the static root: what a traversal would reach.
  fs.writeFileSync(path.join(tmp, 'package.json'), '{"secret":true}');
  target = await startTestServer();
  const hooks = createBrowserHooks({ settings: async () => (core ? core.call('getSettings', {}) : {}), home: tmp });
  // The downloads folder is fixed at start, as web/main.ts fixes it from --downloads-dir.
  const fixedSettings = () => ({ downloadsDir: path.join(tmp, 'saved') });
  core = await AppCore.create({ dataDir: path.join(tmp, 'data'), hooks, log: () => {}, fixedSettings });
  web = await startWebServer({ core, staticDir });
  origin = `http://127.0.0.1:${web.port}`;
  wsUrl = `ws://127.0.0.1:${web.port}/ws?token=${web.token}`;
});

after(async () => {
  for (const c of opened) c.ws.terminate();
  await web?.close();
  await core?.close();
  await target?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function connect(): Promise<ContractClient> {
  const client = new ContractClient(await openSocket(wsUrl, { origin }));
  opened.push(client);
  return client;
}

async function refusedStatus(url: string, opts: { origin?: string; host?: string }): Promise<number> {
  const err = await openSocket(url, opts).then(
    (ws) => {
      ws.terminate();
      assert.fail('the upgrade was accepted');
    },
    (e: { status?: number }) => e,
  );
  return err.status ?? 0;
}

test('the page URL is loopback and carries a 64-hex token', T, () => {
  assert.match(web.token, /^[0-9a-f]{64}$/);
  assert.equal(web.url, `http://127.0.0.1:${web.port}/?token=${web.token}`);
});

test('getSettings and sendRequest over the socket; events are pushed up to finished', T, async () => {
  const client = await connect();
  const settings = await client.call('getSettings', {});
  assert.equal(settings.ok, true, JSON.stringify(settings));
  assert.equal((settings.output as { theme: string }).theme, 'system');

  const id = randomUUID();
  const sent = await client.call('sendRequest', { id, request: { url: `${target.url}/bytes/1000`, engine: 'curl' } });
  // The first request of an engine is also told its host is starting.
  assert.deepEqual(sent, { kind: 'result', callId: 2, ok: true, output: { accepted: true, engineStarting: 'curl' } });
  const finished = await client.waitForEvent((e) => e.id === id && e.type === 'finished');
  assert.equal(finished.ok, true, JSON.stringify(finished));
  assert.equal(finished.bodyBytes, 1000);
  const mine = client.events.filter((e) => e.id === id);
  assert.equal(mine[0]?.type, 'started');
  assert.ok(mine.some((e) => e.type === 'headers'));
});

test('saveBody writes into the downloads folder fixed at start, under a new name each time', T, async () => {
  const client = await connect();
  const dir = path.join(tmp, 'saved');
  const got = await client.call('getSettings', {});
  assert.equal((got.output as { downloadsDir?: string }).downloadsDir, dir, 'the page sees the folder');
  const id = randomUUID();
  await client.call('sendRequest', { id, request: { url: `${target.url}/bytes/1000`, engine: 'curl' } });
  assert.equal((await client.waitForEvent((e) => e.id === id && e.type === 'finished')).ok, true);
  const paths: string[] = [];
  for (let i = 0; i < 2; i++) {
    const saved = await client.call('saveBody', { id });
    assert.equal(saved.ok, true, JSON.stringify(saved));
    const out = saved.output as { saved: boolean; path: string; bytes: number };
    assert.equal(out.saved, true);
    assert.equal(path.dirname(out.path), dir);
    assert.equal(fs.statSync(out.path).size, 1000);
    paths.push(out.path);
  }
  assert.notEqual(paths[0], paths[1]);
});

test('PROBE a page script cannot aim saves at an autostart folder: setSettings refuses downloadsDir', T, async () => {
  const client = await connect();
  // What an XSS (or a holder of a leaked token URL) would do: point the downloads folder at
  // ~/.config/autostart, then save a response whose name the server chose.
  const autostart = path.join(tmp, '.config', 'autostart');
  const set = await client.call('setSettings', { downloadsDir: autostart, theme: 'dark' });
  assert.equal(set.ok, false, `setSettings accepted downloadsDir: ${JSON.stringify(set)}`);
  assert.equal(set.error?.code, 'BAD_INPUT');
  assert.match(set.error?.message ?? '', /downloadsDir/);
  const id = randomUUID();
  await client.call('sendRequest', { id, request: { url: `${target.url}/bytes/10?name=evil.desktop`, engine: 'curl' } });
  assert.equal((await client.waitForEvent((e) => e.id === id && e.type === 'finished')).ok, true);
  const saved = await client.call('saveBody', { id });
  const out = saved.output as { path: string };
  assert.equal(path.dirname(out.path), path.join(tmp, 'saved'));
  assert.equal(fs.existsSync(autostart), false, 'a file was dropped into the autostart folder');
  const after = await client.call('getSettings', {});
  const s = after.output as { downloadsDir?: string; theme: string };
  assert.equal(s.downloadsDir, path.join(tmp, 'saved'));
  assert.equal(s.theme, 'system', 'a refused call changes nothing');
  // Nor does the settings file carry the folder the start fixed.
  const settingsFile = path.join(tmp, 'data', 'settings.json');
  if (fs.existsSync(settingsFile)) assert.equal((JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as { downloadsDir?: string }).downloadsDir, undefined);
});

test('a bad input and an unknown command answer ok:false, the socket stays open', T, async () => {
  const client = await connect();
  const bad = await client.call('sendRequest', { id: 'not-a-uuid', request: { url: 'x' } });
  assert.equal(bad.ok, false);
  assert.equal(bad.error?.code, 'BAD_INPUT');
  const unknown = await client.call('formatDisk', {});
  assert.equal(unknown.ok, false);
  assert.equal(unknown.error?.code, 'UNKNOWN_COMMAND');
  const again = await client.call('getSettings', {});
  assert.equal(again.ok, true);
});

test('an invalid envelope or invalid JSON closes the socket with 1008', T, async () => {
  for (const text of ['{not json', JSON.stringify({ kind: 'call', callId: 'x', command: 'getSettings' })]) {
    const client = await connect();
    const closed = closeCode(client.ws);
    client.ws.send(text);
    assert.equal(await closed, 1008);
  }
});

test('the upgrade is refused without the right token, Origin and Host', T, async () => {
  const base = `ws://127.0.0.1:${web.port}/ws`;
  assert.equal(await refusedStatus(`${base}?token=${'0'.repeat(64)}`, { origin }), 403);
  assert.equal(await refusedStatus(`${base}?token=${web.token.slice(1)}`, { origin }), 403);
  assert.equal(await refusedStatus(base, { origin }), 403);
  assert.equal(await refusedStatus(wsUrl, { origin: 'http://evil.example' }), 403);
  assert.equal(await refusedStatus(wsUrl, {}), 403);
  assert.equal(await refusedStatus(wsUrl, { origin: `http://localhost:${web.port}` }), 403);
  assert.equal(await refusedStatus(wsUrl, { origin, host: `evil.example:${web.port}` }), 403);
  // localhost is accepted when Host and Origin agree (connecting by address: localhost
  // may resolve to ::1 first, where nothing listens).
  const local = `localhost:${web.port}`;
  (await openSocket(wsUrl, { origin: `http://${local}`, host: local })).terminate();
});

test('static files: index for /, assets, security headers, no CORS', T, async () => {
  const index = await rawRequest(web.port, 'GET', '/', { Origin: 'http://evil.example' });
  assert.equal(index.status, 200);
  assert.match(index.body, /<title>InetScope/);
  assert.match(String(index.headers['content-type']), /^text\/html/);
  const csp = String(index.headers['content-security-policy']);
  for (const part of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    assert.ok(csp.includes(part), `CSP lacks ${part}: ${csp}`);
  }
  assert.ok(!csp.includes('unsafe-inline'));
  assert.equal(index.headers['x-content-type-options'], 'nosniff');
  assert.equal(index.headers['referrer-policy'], 'no-referrer');
  assert.equal(index.headers['cache-control'], 'no-store');
  const js = await rawRequest(web.port, 'GET', '/assets/app.js');
  assert.equal(js.status, 200);
  assert.match(String(js.headers['content-type']), /^text\/javascript/);
  const head = await rawRequest(web.port, 'HEAD', '/assets/app.js');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  for (const r of [index, js, head]) assert.equal(r.headers['access-control-allow-origin'], undefined);
});

test('refusals over plain HTTP: foreign Host 421, POST 405, traversal 404', T, async () => {
  const misdirected = await rawRequest(web.port, 'GET', '/', { Host: `evil.example:${web.port}` });
  assert.equal(misdirected.status, 421);
  assert.ok(!misdirected.body.includes('evil'));
  assert.ok(misdirected.headers['content-security-policy']);
  const wrongPort = await rawRequest(web.port, 'GET', '/', { Host: '127.0.0.1:1' });
  assert.equal(wrongPort.status, 421);
  const post = await rawRequest(web.port, 'POST', '/');
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, 'GET, HEAD');
  assert.ok(post.headers['content-security-policy']);
  assert.equal(post.headers['access-control-allow-origin'], undefined);
  for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json', '/assets/', '/nope']) {
    const r = await rawRequest(web.port, 'GET', p);
    assert.equal(r.status, 404, p);
    assert.ok(!r.body.includes('secret'), p);
  }
});

test('close() ends open sockets', T, async () => {
  const client = await connect();
  const other = await startWebServer({ core, staticDir: path.join(tmp, 'static') });
  const second = new ContractClient(await openSocket(`ws://127.0.0.1:${other.port}/ws?token=${other.token}`, { origin: `http://127.0.0.1:${other.port}` }));
  assert.notEqual(other.token, web.token);
  const closed = closeCode(second.ws);
  await other.close();
  assert.ok((await closed) > 0);
  // The first server is unaffected.
  assert.equal((await client.call('getSettings', {})).ok, true);
});

test('PROBE the built page: its CSP header and its meta tag say the same, and close what a script could abuse', T, async () => {
  const built = path.join(projectRoot, 'dist', 'renderer');
  assert.ok(fs.existsSync(path.join(built, 'index.html')), 'dist/renderer is missing: run npm run build first');
  const real = await startWebServer({ core, staticDir: built });
  try {
    const page = await rawRequest(real.port, 'GET', '/');
    assert.equal(page.status, 200);
    const header = parsePolicy(String(page.headers['content-security-policy']));
    const metaText = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(page.body)?.[1];
    assert.ok(metaText !== undefined, 'the page has no CSP meta tag');
    const meta = parsePolicy(metaText);
    const carried = new Map([...header].filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name)));
    assert.deepEqual(meta, carried, `meta: ${metaText}\nheader: ${String(page.headers['content-security-policy'])}`);
    for (const [name, sources] of [['object-src', "'none'"], ['base-uri', "'none'"], ['form-action', "'none'"], ['frame-ancestors', "'none'"]]) {
      assert.equal(header.get(name as string), sources, `header ${name}`);
    }
    assert.ok(!(header.get('frame-src') ?? '').includes('blob:'), `frame-src allows blob: ${header.get('frame-src')}`);
    for (const [name, sources] of header) assert.ok(!sources.includes('unsafe-'), `${name} ${sources}`);
  } finally {
    await real.close();
  }
});

test('a fixed token (INETSCOPE_TOKEN) is used as given; a short or odd one is refused by name', T, async () => {
  const staticDir = path.join(tmp, 'static');
  await assert.rejects(startWebServer({ core, staticDir, token: 'short' }), /at least 32 characters/);
  await assert.rejects(startWebServer({ core, staticDir, token: `${'a'.repeat(32)} x` }), /at least 32 characters/);
  const token = 'T'.repeat(40);
  const fixed = await startWebServer({ core, staticDir, token });
  try {
    assert.equal(fixed.token, token);
    assert.match(fixed.url, new RegExp(`\\?token=${token}$`));
  } finally {
    await fixed.close();
  }
});
