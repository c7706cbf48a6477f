// Collection exports through a real AppCore on a temp data dir: every Postman fixture
// imported, exported again as Postman v2.1 and imported once more gives the same saved
// requests (names, folders, methods, URLs, headers, bodies, auth) and variables; secrets
// stay out unless asked for; a workspace folder as HAR is valid HAR 1.2 (the published
// schema) with requests resolved against the chosen environment; an environment goes out
// as a Postman environment file that imports back the same.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import postman from 'postman-collection';
import { AppCore } from '../../core/app-core.js';
import { captureServer } from '../support/capture-server.js';
import { finishedOf, recorder } from '../support/core.js';
import { assertValidHar } from '../support/har-schema.js';
import { failsWith } from './workspace-support.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/postman');
const COLLECTIONS = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('collection.json'));

let tmp: string;
let core: AppCore;
let id: string;
const hook: { pick?: string; save?: string } = {};

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-export-'));
  const hooks = { chooseSavePath: async () => hook.save, chooseUploadFile: async () => hook.pick };
  core = await AppCore.create({ dataDir: path.join(tmp, 'data'), hooks, log: () => {} });
  id = (await core.call('listWorkspaces', {})).open[0]!.id;
});
after(async () => {
  await core?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function tokenFor(file: string): Promise<string> {
  hook.pick = file;
  const picked = await core.call('pickUploadFile', {});
  assert.ok(picked.picked);
  return picked.fileToken;
}
const importFile = async (file: string) => core.call('importCollection', { id, fileToken: await tokenFor(file) });
const secretsFile = () => JSON.parse(fs.readFileSync(path.join(tmp, 'data', 'secrets', `${id}.json`), 'utf8')) as Record<string, Record<string, string>>;

/** A folder's requests (paths inside it → name and request) and folders' variables, secrets' stored values included. */
async function snapshot(folder: string) {
  const tree = await core.call('workspaceTree', { id });
  const requests: Record<string, unknown> = {};
  const variables: Record<string, unknown> = {};
  const secrets = fs.existsSync(path.join(tmp, 'data', 'secrets', `${id}.json`)) ? secretsFile() : {};
  for (const item of tree.items.filter((i) => i.path.startsWith(`${folder}/`) || i.path === folder)) {
    const rel = item.path.slice(folder.length);
    if (item.kind === 'folder') {
      variables[rel] = { vars: tree.folderVariables[item.path] ?? [], secrets: secrets[`folder:${item.path}`] ?? {} };
      continue;
    }
    // What the round trip carries: the name and the request (method, URL, headers, body, auth as headers).
    const { saved } = await core.call('loadSavedRequest', { id, path: item.path });
    requests[rel] = { name: saved.name, request: saved.request };
  }
  return { requests, variables };
}

async function exportTo(name: string, input: Record<string, unknown>) {
  hook.save = path.join(tmp, name);
  const out = await core.call('exportCollection', { id, ...input } as Parameters<typeof core.call<'exportCollection'>>[1]);
  assert.ok(out.saved);
  assert.equal(out.path, hook.save);
  return { out, text: fs.readFileSync(hook.save, 'utf8') };
}

describe('Postman fixtures: import → export v2.1 → import give the same requests', () => {
  for (const file of COLLECTIONS) {
    it(file, async () => {
      const first = await importFile(path.join(FIXTURES, file));
      const { out, text } = await exportTo(`${file}.export.json`, { folder: first.folder, format: 'postman', includeSecrets: true });
      const json = JSON.parse(text);
      assert.equal(json.info.schema, 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
      assert.ok(out.saved && out.requests === first.requests);
      // The SDK reads it back as a collection with as many requests.
      let sdkRequests = 0;
      (new postman.Collection(json) as unknown as { forEachItem(f: () => void): void }).forEachItem(() => void sdkRequests++);
      assert.equal(sdkRequests, first.requests);
      const second = await importFile(hook.save!);
      assert.equal(second.requests, first.requests);
      assert.notEqual(second.folder, first.folder);
      const [a, b] = [await snapshot(first.folder), await snapshot(second.folder)];
      assert.equal(Object.keys(a.requests).length, first.requests);
      assert.deepEqual(b, a);
    });
  }
});

describe('secrets, HAR and environments', () => {
  let folder: string;
  before(async () => {
    const created = await core.call('createFolder', { id, parent: '', name: 'Api' });
    folder = created.path;
    await core.call('saveVariables', { id, folder, variables: [{ name: 'token', value: 'tok-SECRET-1', secret: true, enabled: true }, { name: 'path', value: 'items', secret: false, enabled: true }] });
    await core.call('saveVariables', { id, variables: [], environments: [{ name: 'local', variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:9', secret: false, enabled: true }, { name: 'envKey', value: 'env-SECRET-2', secret: true, enabled: true }] }] });
    const saved = (name: string, url: string, extra: Record<string, unknown> = {}) => core.call('saveRequest', { id, folder, saved: { name, request: { url, method: 'POST', headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }], ...extra } } });
    await saved('List', '{{baseUrl}}/{{path}}?q={{envKey}}', { body: { kind: 'text', text: '{"k":"{{envKey}}","id":"{{$guid}}"}' } });
    await saved('Unresolved', '{{baseUrl}}/{{nope}}');
  });

  it('Postman: secret values are "" unless included, and never in the text', async () => {
    const { text } = await exportTo('api.postman_collection.json', { folder, format: 'postman' });
    assert.doesNotMatch(text, /SECRET/);
    const json = JSON.parse(text);
    assert.deepEqual(json.variable.find((v: { key: string }) => v.key === 'token'), { key: 'token', value: '', type: 'secret' });
    const list = json.item.find((i: { name: string }) => i.name === 'List');
    assert.deepEqual(list.request.auth, { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] });
    assert.equal(list.request.url.raw, '{{baseUrl}}/{{path}}?q={{envKey}}');
    const withSecrets = await exportTo('api-secrets.postman_collection.json', { folder, format: 'postman', includeSecrets: true });
    assert.match(withSecrets.text, /tok-SECRET-1/);
  });

  it('Postman: a subfolder carries its variables on its item group, and the import reads them back', async () => {
    const { path: inner } = await core.call('createFolder', { id, parent: folder, name: 'Inner' });
    await core.call('saveVariables', { id, folder: inner, variables: [{ name: 'depth', value: '2', secret: false, enabled: false }, { name: 'pin', value: 'p-SECRET-3', secret: true, enabled: true }] });
    await core.call('saveRequest', { id, folder: inner, saved: { name: 'Deep', request: { url: '{{baseUrl}}/deep/{{depth}}', method: 'DELETE' } } });
    const { text } = await exportTo('inner.postman_collection.json', { folder, format: 'postman', includeSecrets: true });
    const group = JSON.parse(text).item.find((i: { name: string }) => i.name === 'Inner');
    assert.deepEqual(group.variable, [{ key: 'depth', value: '2', type: 'default', disabled: true }, { key: 'pin', value: 'p-SECRET-3', type: 'secret' }]);
    const back = await importFile(hook.save!);
    const tree = await core.call('workspaceTree', { id });
    assert.deepEqual(tree.folderVariables[`${back.folder}/Inner`], [{ name: 'depth', value: '2', secret: false, enabled: false }, { name: 'pin', value: '', secret: true, enabled: true }]);
    assert.deepEqual(secretsFile()[`folder:${back.folder}/Inner`], { pin: 'p-SECRET-3' });
    await core.call('deleteItem', { id, path: inner });
    await core.call('deleteItem', { id, path: back.folder });
  });

  it('HAR: valid HAR 1.2, resolved against the environment, secrets masked, unsent as status 0', async () => {
    const { out, text } = await exportTo('api.har', { folder, format: 'har', environment: 'local' });
    const har = JSON.parse(text);
    assertValidHar(har);
    assert.doesNotMatch(text, /SECRET/);
    const [list, unresolved] = har.log.entries;
    assert.equal(list.request.url, 'http://127.0.0.1:9/items?q=%7B%7BenvKey%7D%7D');
    assert.deepEqual(list.request.headers.find((h: { name: string }) => h.name === 'Authorization'), { name: 'Authorization', value: 'Bearer {{token}}' });
    assert.equal(list.request.postData.text, '{"k":"{{envKey}}","id":"{{$guid}}"}');
    assert.equal(list.response.status, 0);
    assert.match(list.response._notSent, /the history has none from this saved request/);
    assert.equal(unresolved.request.url, 'http://%7B%7BbaseUrl%7D%7D/%7B%7Bnope%7D%7D');
    assert.match(unresolved.comment, /\{\{nope\}\} is not defined/);
    assert.ok(out.saved && out.notes.some((n) => n.path === `${folder}/Unresolved.yaml` && /not defined/.test(n.note)));
    assert.equal(list._inetscopeSaved.response, undefined);
    const open = await exportTo('api-secrets.har', { folder, format: 'har', environment: 'local', includeSecrets: true });
    assert.equal(JSON.parse(open.text).log.entries[0].request.headers.find((h: { name: string }) => h.name === 'Authorization').value, 'Bearer tok-SECRET-1');
  });

  it('HAR: a sent request carries its latest response from the history, masked unless secrets are included', async () => {
    const srv = await captureServer((a, res) => void res.writeHead(201, { 'content-type': 'text/plain', 'x-seen': 'yes' }).end(`auth=${a.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1]}`));
    try {
      const rel = `${folder}/Unresolved.yaml`;
      const { saved } = await core.call('loadSavedRequest', { id, path: rel });
      const rec = recorder(core);
      for (const n of [1, 2]) {
        const reqId = randomUUID();
        const done = rec.finished(reqId, 60_000);
        const overrides = [{ name: 'baseUrl', value: srv.origin }, { name: 'nope', value: `try-${n}` }];
        await core.call('sendRequest', { id: reqId, request: { ...saved.request, engine: 'curl' }, context: { workspaceId: id, requestPath: rel, overrides } });
        assert.equal(finishedOf(await done).statusCode, 201);
      }
      assert.deepEqual(srv.arrived.map((a) => a.target), ['/try-1', '/try-2']);
      const { text } = await exportTo('sent.har', { folder, format: 'har', environment: 'local' });
      const har = JSON.parse(text);
      assertValidHar(har);
      const [list, unresolved] = har.log.entries;
      assert.equal(list.response.status, 0, 'never sent: still status 0');
      assert.equal(unresolved.response.status, 201);
      assert.equal(unresolved.response.content.text, 'auth=Bearer {{token}}', 'the latest send, its secret masked');
      assert.deepEqual(unresolved.response.headers.find((h: { name: string }) => h.name.toLowerCase() === 'x-seen'), { name: 'x-seen', value: 'yes' });
      assert.ok(unresolved.time > 0);
      assert.equal(typeof unresolved._inetscopeSaved.response, 'string');
      const open = JSON.parse((await exportTo('sent-secrets.har', { folder, format: 'har', includeSecrets: true })).text);
      assert.equal(open.log.entries[1].response.content.text, 'auth=Bearer tok-SECRET-1');
    } finally {
      await srv.close();
    }
  });

  it('an environment as a Postman environment file imports back the same', async () => {
    hook.save = path.join(tmp, 'local.postman_environment.json');
    const out = await core.call('exportEnvironment', { id, environment: 'local', includeSecrets: true });
    assert.ok(out.saved && out.variables === 2);
    const env = JSON.parse(fs.readFileSync(hook.save, 'utf8'));
    assert.equal(env._postman_variable_scope, 'environment');
    assert.deepEqual(env.values, [
      { key: 'baseUrl', value: 'http://127.0.0.1:9', type: 'default', enabled: true },
      { key: 'envKey', value: 'env-SECRET-2', type: 'secret', enabled: true },
    ]);
    const back = await core.call('importEnvironment', { id, fileToken: await tokenFor(hook.save) });
    assert.equal(back.environment, 'local 2');
    assert.deepEqual(secretsFile()['environment:local 2'], { envKey: 'env-SECRET-2' });
    await core.call('exportEnvironment', { id, environment: 'local' });
    assert.doesNotMatch(fs.readFileSync(hook.save, 'utf8'), /SECRET/);
  });

  it('a cancelled save writes nothing; unknown folders and environments are named', async () => {
    hook.save = undefined;
    assert.deepEqual(await core.call('exportCollection', { id, format: 'postman' }), { saved: false });
    await failsWith(core.call('exportCollection', { id, folder: 'Nope', format: 'har' }), 'NOT_FOUND', /no folder "Nope"/);
    await failsWith(core.call('exportCollection', { id, format: 'har', environment: 'prod' }), 'NOT_FOUND', /no environment named "prod"/);
    await failsWith(core.call('exportEnvironment', { id, environment: 'prod' }), 'NOT_FOUND', /no environment named "prod"/);
  });
});
