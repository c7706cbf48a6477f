// Postman scripts in the app's send path: a real AppCore (curl engine) on a temp data dir, its
// default workspace's files written by the test (workspace, folder and request scripts), a
// loopback server that records what arrives. An untrusted workspace refuses the send with
// SCRIPTS_NOT_TRUSTED (nothing arrives) unless sent without scripts; trust is remembered in
// the data dir (not in the workspace folder) and survives a restart; a trusted send runs the
// chain in order, its sets reach the server and later sends of the session, and its test
// report is ready when `finished` is pushed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { AppCore } from '../../core/app-core.js';
import { captureServer, type Arrived, type CaptureServer } from '../support/capture-server.js';
import { recorder } from '../support/core.js';
import { failsWith } from './workspace-support.js';

const header = (a: Arrived | undefined, name: string): string | undefined => a?.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe('scripts in sendRequest (AppCore, curl engine)', () => {
  let srv: CaptureServer;
  let tmp: string;
  let dataDir: string;
  let core: AppCore;
  let id: string;
  let root: string;

  const start = async (): Promise<void> => {
    core = await AppCore.create({ dataDir, hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined }, log: () => {} });
    const info = (await core.call('listWorkspaces', {})).open[0]!;
    [id, root] = [info.id, info.location];
  };
  const write = (rel: string, value: unknown): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), stringify(value));
  };
  const send = async (requestPath: string, extra: { withoutScripts?: boolean } = {}) => {
    const { saved } = await core.call('loadSavedRequest', { id, path: requestPath });
    const rec = recorder(core);
    const reqId = randomUUID();
    const from = srv.arrived.length;
    await core.call('sendRequest', { id: reqId, request: { ...saved.request, engine: 'curl' }, context: { workspaceId: id, requestPath, overrides: [] }, ...extra });
    await rec.finished(reqId, 30_000);
    // Read at once when `finished` arrives: the report must already be complete.
    const { report } = await core.call('scriptReport', { id: reqId });
    return { arrived: srv.arrived.slice(from), report, reqId };
  };

  before(async () => {
    srv = await captureServer((a, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'from-server', target: a.target })));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-scripts-'));
    dataDir = path.join(tmp, 'data');
    await start();
    const host = srv.origin.replace('http://', '');
    write('workspace.yaml', { name: 'My workspace', variables: [{ name: 'host', value: host }], scripts: { prerequest: 'pm.collectionVariables.set("order", "ws");' } });
    write('api/folder.yaml', { scripts: { prerequest: 'pm.collectionVariables.set("order", pm.collectionVariables.get("order") + "-folder");' } });
    write('api/login.yaml', {
      name: 'Login',
      request: { url: 'http://{{host}}/login/{{order}}', method: 'GET', headers: [{ name: 'X-Sig', value: '{{sig}}' }] },
      scripts: {
        prerequest: 'pm.variables.set("sig", "sig-" + pm.collectionVariables.get("order"));\npm.request.headers.add({ key: "X-From-Script", value: "yes" });',
        test: 'pm.test("is 200", () => pm.response.to.have.status(200));\npm.test("wrong on purpose", () => pm.expect(pm.response.json().target).to.eql("/nope"));\npm.environment.set("session", pm.response.json().token);\nconsole.log("got", pm.response.json().token);',
      },
    });
    write('plain.yaml', { name: 'Plain', request: { url: 'http://{{host}}/plain', headers: [{ name: 'X-Session', value: '{{session}}' }] } });
  });
  after(async () => {
    await core?.close();
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('an untrusted workspace refuses a send with scripts (nothing arrives), says it has scripts, and sends without them when asked', async () => {
    assert.deepEqual(await core.call('workspaceTrust', { id, requestPath: 'api/login.yaml' }), { trusted: false, hasScripts: true });
    const from = srv.arrived.length;
    const { saved } = await core.call('loadSavedRequest', { id, path: 'api/login.yaml' });
    await failsWith(core.call('sendRequest', { id: randomUUID(), request: { ...saved.request, engine: 'curl' }, context: { workspaceId: id, requestPath: 'api/login.yaml', overrides: [] } }), 'SCRIPTS_NOT_TRUSTED', /This workspace has scripts/);
    assert.equal(srv.arrived.length, from);
    // Without scripts {{order}} and {{sig}} are undefined: the send is refused by the resolver, naming them.
    await failsWith(core.call('sendRequest', { id: randomUUID(), request: { ...saved.request, engine: 'curl' }, context: { workspaceId: id, requestPath: 'api/login.yaml', overrides: [] }, withoutScripts: true }), 'UNDEFINED_VARIABLE', /\{\{order\}\}/);
  });

  it('trusted: the chain runs workspace, folder, request in that order, what it sets arrives, the test report is ready at finished', async () => {
    assert.deepEqual(await core.call('setWorkspaceTrust', { id, trusted: true }), { trusted: true });
    const { arrived, report } = await send('api/login.yaml');
    assert.equal(arrived[0]?.target, '/login/ws-folder');
    assert.equal(header(arrived[0], 'X-Sig'), 'sig-ws-folder');
    assert.equal(header(arrived[0], 'X-From-Script'), 'yes');
    assert.deepEqual(report?.tests, [
      { name: 'is 200', status: 'passed' },
      { name: 'wrong on purpose', status: 'failed', error: "expected '/login/ws-folder' to deeply equal '/nope'" },
    ]);
    assert.deepEqual(report?.console, [{ phase: 'test', level: 'log', text: 'got from-server' }]);
    assert.deepEqual(report?.problems, []);
  });

  it("a test script's environment set applies to later sends of the session, and is written to no file", async () => {
    const { arrived, report } = await send('plain.yaml');
    assert.equal(header(arrived[0], 'X-Session'), 'from-server');
    // Only the workspace's pre-request script applies to it: no test, no problem.
    assert.deepEqual(report, { tests: [], problems: [], console: [] });
    const files = fs.readdirSync(root, { recursive: true }).map(String);
    for (const f of files.filter((f) => f.endsWith('.yaml'))) assert.doesNotMatch(fs.readFileSync(path.join(root, f), 'utf8'), /from-server/, f);
  });

  it('a save from the app (which has no script editor) keeps the file\'s scripts', async () => {
    const { saved, version } = await core.call('loadSavedRequest', { id, path: 'api/login.yaml' });
    const { scripts: _kept, ...page } = saved;
    await core.call('saveRequest', { id, path: 'api/login.yaml', baseVersion: version, saved: { ...page, request: { ...page.request, url: `${page.request.url}?v=2` } } });
    const again = await core.call('loadSavedRequest', { id, path: 'api/login.yaml' });
    assert.equal(again.saved.request.url, 'http://{{host}}/login/{{order}}?v=2');
    assert.deepEqual(again.saved.scripts, saved.scripts);
  });

  it('trust is kept in the data dir, not the workspace folder, and survives a restart; a script that throws is reported', async () => {
    assert.ok(fs.readFileSync(path.join(dataDir, 'trusted-workspaces.json'), 'utf8').includes(id));
    assert.ok(!fs.readdirSync(root, { recursive: true }).map(String).some((f) => f.includes('trust')));
    await core.close();
    await start();
    assert.deepEqual(await core.call('workspaceTrust', { id, requestPath: 'plain.yaml' }), { trusted: true, hasScripts: true });
    write('thrower.yaml', { name: 'Thrower', request: { url: 'http://{{host}}/thrower' }, scripts: { test: 'throw new TypeError("bad test")' } });
    const { report } = await send('thrower.yaml');
    assert.deepEqual(report?.problems, [{ phase: 'test', level: 'request', message: 'bad test' }]);
    write('pre-thrower.yaml', { name: 'Pre', request: { url: 'http://{{host}}/pre' }, scripts: { prerequest: 'throw new Error("no")' } });
    const from = srv.arrived.length;
    const { saved } = await core.call('loadSavedRequest', { id, path: 'pre-thrower.yaml' });
    const reqId = randomUUID();
    await failsWith(core.call('sendRequest', { id: reqId, request: saved.request, context: { workspaceId: id, requestPath: 'pre-thrower.yaml', overrides: [] } }), 'SCRIPT_FAILED', /the pre-request script of the request failed: no/);
    assert.equal(srv.arrived.filter((a, i) => i >= from && a.target === '/pre').length, 0);
    assert.deepEqual((await core.call('scriptReport', { id: reqId })).report?.problems, [{ phase: 'prerequest', level: 'request', message: 'no' }]);
  });
});
