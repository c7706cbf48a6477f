// Postman imports through a real AppCore on a temp data dir: real Postman files (newman's and
// postman-collection's fixtures, and one written by hand in the documented v2.1 format for the
// features those lack) become folders and YAML files in the default workspace, with a note per
// item for what was not carried over; environments keep secrets out of workspace.yaml; and an
// imported request sent through the core arrives at a loopback server as the collection says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import YAML from 'yaml';
import { importCore } from '../support/import-core.js';
import { captureServer, type CaptureServer } from '../support/capture-server.js';
import { failsWith } from './workspace-support.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/postman');
const fixture = (name: string) => path.join(FIXTURES, name);

const ctx = importCore('inetscope-import-');

const importCollection = async (file: string, folder?: string) => ctx.core.call('importCollection', { id: ctx.id, fileToken: await ctx.tokenFor(file), ...(folder !== undefined ? { folder } : {}) });
const importEnvironment = async (file: string) => ctx.core.call('importEnvironment', { id: ctx.id, fileToken: await ctx.tokenFor(file) });
const { yamlOf } = ctx;
const notesOf = (notes: Array<{ path: string; note: string }>, p: string) => notes.filter((n) => n.path === p).map((n) => n.note);
const secrets = () => JSON.parse(fs.readFileSync(path.join(ctx.tmp, 'data', 'secrets', `${ctx.id}.json`), 'utf8'));

describe('a v2.1 collection with every body mode and auth type', () => {
  let result: Awaited<ReturnType<typeof importCollection>>;
  before(async () => {
    result = await importCollection(fixture('handwritten-v2.1-features.postman_collection.json'));
  });

  it('becomes a folder named after it, folders as folders, requests in Postman order', async () => {
    assert.equal(result.folder, 'Features v2.1');
    assert.equal(result.requests, 12);
    const tree = await ctx.core.call('workspaceTree', { id: ctx.id });
    const mine = tree.items.filter((i) => i.path.startsWith('Features v2.1/')).map((i) => `${i.kind[0]} ${i.path.slice('Features v2.1/'.length)}`);
    assert.deepEqual(mine, [
      'f Bodies',
      'r Bodies/Raw JSON.yaml',
      'r Bodies/Urlencoded.yaml',
      'r Bodies/Form data.yaml',
      'r Bodies/File body.yaml',
      'r Bodies/GraphQL.yaml',
      'f Auth',
      'r Auth/Basic.yaml',
      'r Auth/API key in a header.yaml',
      'r Auth/API key in the query.yaml',
      'r Auth/Digest.yaml',
      'r Auth/No auth here.yaml',
      "r Inherits the collection's bearer.yaml",
      "r Inherits the collection's bearer 2.yaml",
    ]);
    assert.deepEqual(tree.problems, []);
  });

  it('a raw JSON body: headers (a disabled one kept disabled), its Content-Type, the inherited bearer, the URL as typed', () => {
    const saved = yamlOf('Features v2.1/Bodies/Raw JSON.yaml');
    assert.equal(saved.name, 'Raw JSON');
    assert.equal(saved.request.method, 'POST');
    assert.equal(saved.request.url, '{{baseUrl}}/users?page=2&draft');
    assert.deepEqual(saved.request.headers, [
      { name: 'X-Trace', value: '{{trace}}', enabled: true },
      { name: 'X-Off', value: 'no', enabled: false },
      { name: 'Content-Type', value: 'application/json', enabled: true },
      { name: 'Authorization', value: 'Bearer {{token}}', enabled: true },
    ]);
    assert.deepEqual(saved.request.body, { kind: 'text', text: '{"user": "{{user}}"}' });
    assert.equal(saved.seq, 0);
  });

  it('urlencoded → form, form-data → multipart text parts, GraphQL → JSON {query, variables}', () => {
    assert.deepEqual(yamlOf('Features v2.1/Bodies/Urlencoded.yaml').request.body, {
      kind: 'form',
      fields: [
        { name: 'a', value: '1', enabled: true },
        { name: 'b', value: 'two words', enabled: true },
        { name: 'c', value: '3', enabled: false },
      ],
    });
    assert.deepEqual(yamlOf('Features v2.1/Bodies/Form data.yaml').request.body, { kind: 'multipart', parts: [{ kind: 'text', name: 'field', value: 'text value' }] });
    const gql = yamlOf('Features v2.1/Bodies/GraphQL.yaml').request;
    assert.deepEqual(JSON.parse(gql.body.text), { query: 'query ($id: ID!) { user(id: $id) { name } }', variables: { id: '42' } });
    assert.ok(gql.headers.some((h: { name: string; value: string }) => h.name === 'Content-Type' && h.value === 'application/json'));
  });

  it('basic → Authorization: Basic, API key → a header or a query parameter, noauth on a folder stops the bearer', () => {
    assert.deepEqual(yamlOf('Features v2.1/Auth/Basic.yaml').request.headers, [{ name: 'Authorization', value: `Basic ${Buffer.from('postman:password').toString('base64')}`, enabled: true }]);
    assert.deepEqual(yamlOf('Features v2.1/Auth/API key in a header.yaml').request.headers, [{ name: 'X-Api-Key', value: '{{apiKey}}', enabled: true }]);
    assert.equal(yamlOf('Features v2.1/Auth/API key in the query.yaml').request.url, '{{baseUrl}}/key?x=1&api_key=k1');
    assert.deepEqual(yamlOf('Features v2.1/Auth/No auth here.yaml').request.headers, []);
  });

  it('what was not carried over is listed per item', () => {
    const n = result.notes;
    assert.deepEqual(notesOf(n, 'Features v2.1/Bodies/Form data.yaml'), [
      'form-data file part "upload" not carried over: choose its file in the composer',
      'form-data part "gone" was disabled: not carried over (a multipart part here has no off switch)',
    ]);
    assert.deepEqual(notesOf(n, 'Features v2.1/Bodies/File body.yaml'), ['file body not carried over: choose the file to send in the composer']);
    // Digest is the engine's to negotiate: it comes in as the request's auth, with no note.
    assert.deepEqual(notesOf(n, 'Features v2.1/Auth/Digest.yaml'), []);
    assert.equal(yamlOf('Features v2.1/Auth/Digest.yaml').request.auth?.kind, 'digest');
    assert.deepEqual(notesOf(n, 'Features v2.1/Auth/No auth here.yaml'), ['path variable :id has no value: kept as typed in the URL', 'test script kept: it runs once the workspace is trusted']);
    assert.deepEqual(notesOf(n, "Features v2.1/Inherits the collection's bearer 2.yaml"), [`renamed from "Inherits the collection's bearer": another item in its folder has that name`]);
    const top = notesOf(n, 'Features v2.1');
    assert.ok(top.includes('pre-request script kept: it runs once the workspace is trusted'), top.join('\n'));
    assert.ok(top.some((t) => t.startsWith('variable "has space" not carried over')), top.join('\n'));
    assert.equal(notesOf(n, 'Features v2.1/Bodies/Raw JSON.yaml').length, 0);
  });

  it("keeps the scripts: the collection's in its folder.yaml, a request's in its file", () => {
    assert.deepEqual(yamlOf('Features v2.1/folder.yaml').scripts, { prerequest: "pm.collectionVariables.set('t', Date.now());" });
    assert.deepEqual(yamlOf('Features v2.1/Auth/No auth here.yaml').scripts, { test: "pm.test('ok', () => pm.response.to.have.status(200));" });
    assert.equal(yamlOf('Features v2.1/Bodies/Raw JSON.yaml').scripts, undefined);
  });

  it("the collection's variables go to the folder's folder.yaml, a secret's value to the secrets store", () => {
    const file = fs.readFileSync(path.join(ctx.root, 'Features v2.1', 'folder.yaml'), 'utf8');
    assert.doesNotMatch(file, /collection-token/);
    assert.deepEqual(YAML.parse(file).variables, [
      { name: 'baseUrl', value: 'http://127.0.0.1:1', secret: false, enabled: true },
      { name: 'token', value: '', secret: true, enabled: true },
      { name: 'off', value: 'x', secret: false, enabled: false },
    ]);
    assert.deepEqual(secrets()['folder:Features v2.1'], { token: 'collection-token' });
  });

  it('imported again, it goes beside the first under a new name, and into a given folder', async () => {
    const again = await importCollection(fixture('handwritten-v2.1-features.postman_collection.json'));
    assert.equal(again.folder, 'Features v2.1 2');
    assert.ok(notesOf(again.notes, 'Features v2.1 2').some((t) => t.startsWith('stored as "Features v2.1 2"')));
    const inside = await importCollection(fixture('newman-request-body-with-get.postman_collection.json'), 'Features v2.1 2/Auth');
    assert.equal(inside.folder, 'Features v2.1 2/Auth/request-body-with-get');
    assert.equal(yamlOf('Features v2.1 2/Auth/request-body-with-get/raw.yaml').request.url, 'localhost:4041');
  });
});

describe('Postman environments', () => {
  it('become an environment of the workspace; a secret value goes to the secrets store only', async () => {
    const r = await importEnvironment(fixture('handwritten-secrets.postman_environment.json'));
    assert.deepEqual(r, {
      environment: 'Staging',
      variables: 3,
      notes: [{ path: '', note: 'environment Staging: variable "bad name/with slash" not carried over: a name here starts with a letter or _ and holds letters, digits, _ . - (at most 128)' }],
    });
    const ws = fs.readFileSync(path.join(ctx.root, 'workspace.yaml'), 'utf8');
    assert.doesNotMatch(ws, /staging-key-123/);
    assert.deepEqual(YAML.parse(ws).environments, [
      {
        name: 'Staging',
        variables: [
          { name: 'baseUrl', value: 'http://127.0.0.1:1', secret: false, enabled: true },
          { name: 'apiKey', value: '', secret: true, enabled: true },
          { name: 'unused', value: 'u', secret: false, enabled: false },
        ],
      },
    ]);
    assert.deepEqual(secrets()['environment:Staging'], { apiKey: 'staging-key-123' });
  });

  it("newman's disabled and duplicate variables: the last enabled one wins, as in Postman; a second import is renamed", async () => {
    const r = await importEnvironment(fixture('newman-disabled-and-duplicates.postman_environment.json'));
    assert.equal(r.environment, 'disabled-and-duplicates');
    const env = (await ctx.core.call('workspaceTree', { id: ctx.id })).environments.find((e) => e.name === 'disabled-and-duplicates')!;
    assert.deepEqual(env.variables.map((v) => `${v.name}=${v.value}${v.enabled ? '' : ' (off)'}`), ['justDisabled=1 (off)', 'oneDisabled=1', 'duplicate=2']);
    assert.equal((await importEnvironment(fixture('newman-disabled-and-duplicates.postman_environment.json'))).environment, 'disabled-and-duplicates 2');
    const envs = (await ctx.core.call('workspaceTree', { id: ctx.id })).environments.map((e) => e.name);
    assert.deepEqual(envs, ['Staging', 'disabled-and-duplicates', 'disabled-and-duplicates 2']);
    assert.deepEqual(secrets()['environment:Staging'], { apiKey: 'staging-key-123' }, 'the earlier secret is kept');
  });
});

describe('real v2.0 collections', () => {
  it("newman's echo-v2: folders with names no file system takes are stored portably, v2.0 basic auth, other auth types listed", async () => {
    const r = await importCollection(fixture('newman-echo-v2.postman_collection.json'));
    assert.equal(r.folder, 'Postman Echo (V2)');
    const tree = await ctx.core.call('workspaceTree', { id: ctx.id });
    const folders = tree.items.filter((i) => i.kind === 'folder' && i.path.startsWith('Postman Echo (V2)/')).map((i) => i.path);
    assert.ok(folders.includes('Postman Echo (V2)/Auth_ Digest'), folders.join(', '));
    assert.ok(notesOf(r.notes, 'Postman Echo (V2)/Auth_ Digest').includes('folder "Auth: Digest" is stored as "Auth_ Digest" (a name every file system accepts)'));
    const basic = yamlOf('Postman Echo (V2)/Auth_ Others/Basic Auth.yaml').request;
    assert.deepEqual(basic.headers, [{ name: 'Authorization', value: 'Basic cG9zdG1hbjpwYXNzd29yZA==', enabled: true }]);
    assert.ok(notesOf(r.notes, 'Postman Echo (V2)/Auth_ Others/OAuth1.0 Verify Signature.yaml').includes('oauth1 auth not carried over (basic, bearer, digest, NTLM, API key and OAuth 2.0 are)'));
    assert.equal(r.requests, tree.items.filter((i) => i.kind === 'request' && i.path.startsWith('Postman Echo (V2)/')).length);
    assert.ok(r.notes.filter((n) => n.note.startsWith('test script')).length >= r.requests - 2, 'every request with a test script says so');
  });

  it("newman's multi-level folders and postman-collection's nested example keep their nesting", async () => {
    const r = await importCollection(fixture('newman-multi-level-folders-v2.postman_collection.json'));
    const tree = await ctx.core.call('workspaceTree', { id: ctx.id });
    const under = tree.items.filter((i) => i.path.startsWith(`${r.folder}/`)).map((i) => i.path.slice(r.folder.length + 1));
    assert.ok(under.includes('F2/F2.F3/F2.F3.R1.yaml'), under.join(', '));
    const n = await importCollection(fixture('pmc-nested-v2-collection.json'));
    assert.ok(n.requests > 0);
  });
});

describe('refusals', () => {
  const write = (name: string, text: string) => {
    const file = path.join(ctx.tmp, name);
    fs.writeFileSync(file, text);
    return file;
  };
  it('not JSON, not a Postman file, the other kind, a v1 collection, too large: each named, nothing written', async () => {
    const before = (await ctx.core.call('workspaceTree', { id: ctx.id })).items.length;
    await failsWith(importCollection(write('a.txt', 'hello')), 'IMPORT_NOT_JSON', /^the file is not JSON \(nor an OpenAPI document in YAML\): /);
    await failsWith(importCollection(write('har.json', '{"log":{"entries":[]}}')), 'IMPORT_UNKNOWN', /neither a Postman collection \(no info.schema naming collection v2.0 or v2.1\), a Postman environment .*, an Insomnia v4 export .* nor an OpenAPI 3 or Swagger 2 document/);
    await failsWith(importCollection(fixture('handwritten-secrets.postman_environment.json')), 'IMPORT_WRONG_KIND', /the file is a Postman environment, not a Postman collection, an Insomnia export or an OpenAPI document/);
    await failsWith(importEnvironment(fixture('pmc-nested-v2-collection.json')), 'IMPORT_WRONG_KIND', /the file is a Postman collection, not a Postman environment/);
    await failsWith(importCollection(write('v1.json', '{"id":"x","name":"v1","order":[],"requests":[]}')), 'IMPORT_UNSUPPORTED', /Postman v1 collection/);
    const big = path.join(ctx.tmp, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 64 * 1024 * 1024 + 1);
    await failsWith(importCollection(big), 'IMPORT_TOO_LARGE', /at most 67108864/);
    await failsWith(ctx.core.call('importCollection', { id: ctx.id, fileToken: 'x', extra: 1 }), 'BAD_INPUT', /importCollection: /);
    assert.equal((await ctx.core.call('workspaceTree', { id: ctx.id })).items.length, before);
  });

  it('more than 10 000 requests is refused', async () => {
    const item = Array.from({ length: 10_001 }, (_, i) => ({ name: `r${i}`, request: { method: 'GET', url: 'http://x/' } }));
    const file = write('many.json', JSON.stringify({ info: { name: 'many', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item }));
    await failsWith(importCollection(file), 'IMPORT_TOO_MANY', /more than 10000 requests/);
  });
});

describe('an imported request, sent through the core (curl engine)', () => {
  let srv: CaptureServer;
  before(async () => {
    srv = await captureServer();
  });
  after(() => srv?.close());

  async function send(rel: string, overrides: Array<{ name: string; value: string }>) {
    const before = srv.arrived.length;
    await ctx.sendSaved(rel, overrides, 'Staging');
    assert.equal(srv.arrived.length, before + 1);
    return srv.arrived[before]!;
  }
  const header = (got: { headers: Array<[string, string]> }, name: string) => got.headers.filter(([k]) => k.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

  it('Raw JSON arrives as the collection says: method, target, headers (not the disabled one), bearer from the secret, body', async () => {
    const got = await send('Features v2.1/Bodies/Raw JSON.yaml', [
      { name: 'baseUrl', value: srv.origin },
      { name: 'trace', value: 't-1' },
      { name: 'user', value: 'ada' },
    ]);
    assert.equal(got.method, 'POST');
    assert.equal(got.target, '/users?page=2&draft');
    assert.deepEqual(header(got, 'X-Trace'), ['t-1']);
    assert.deepEqual(header(got, 'X-Off'), []);
    assert.deepEqual(header(got, 'Content-Type'), ['application/json']);
    assert.deepEqual(header(got, 'Authorization'), ['Bearer collection-token']);
    assert.equal(got.body.toString(), '{"user": "ada"}');
  });

  it("the API key comes from the environment's secret; the urlencoded body is a form", async () => {
    const key = await send('Features v2.1/Auth/API key in a header.yaml', [{ name: 'baseUrl', value: srv.origin }]);
    assert.deepEqual(header(key, 'X-Api-Key'), ['staging-key-123']);
    const form = await send('Features v2.1/Bodies/Urlencoded.yaml', [{ name: 'baseUrl', value: srv.origin }]);
    assert.deepEqual(header(form, 'Content-Type'), ['application/x-www-form-urlencoded']);
    assert.equal(form.body.toString(), 'a=1&b=two+words');
  });
});
