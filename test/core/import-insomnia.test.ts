// Insomnia v4 exports through a real AppCore on a temp data dir: Insomnia's own fixture (inso's
// insomnia_v4.json: a request group, requests of one name, a base environment with a
// sub-environment, unit tests) and a small export written here in the same format for auth
// and form bodies become a folder of the default workspace, with the notes of what was not
// carried over; an imported request sent through the core arrives as the export says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { importCore } from '../support/import-core.js';
import { captureServer } from '../support/capture-server.js';
import { failsWith } from './workspace-support.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/insomnia/inso-insomnia_v4.json');

const ctx = importCore('inetscope-insomnia-');

async function importFile(file: string) {
  return ctx.core.call('importCollection', { id: ctx.id, fileToken: await ctx.tokenFor(file) });
}
const { yamlOf } = ctx;

const resource = (r: Record<string, unknown>) => ({ parentId: 'wrk_1', metaSortKey: 0, headers: [], parameters: [], body: {}, authentication: {}, ...r });
const handwritten = {
  _type: 'export',
  __export_format: 4,
  resources: [
    { _id: 'wrk_1', _type: 'workspace', parentId: null, name: 'Shop' },
    { _id: 'env_base', _type: 'environment', parentId: 'wrk_1', name: 'Base Environment', data: { base: 'http://127.0.0.1:1', token: 'tok' } },
    resource({ _id: 'req_1', _type: 'request', name: 'Bearer', method: 'GET', url: '{{ _.base }}/me', metaSortKey: 1, authentication: { type: 'bearer', token: '{{ _.token }}' } }),
    resource({ _id: 'req_2', _type: 'request', name: 'Basic', method: 'GET', url: '{{ _.base }}/b', metaSortKey: 2, authentication: { type: 'basic', username: 'u', password: 'p' } }),
    resource({ _id: 'req_3', _type: 'request', name: 'Form', method: 'POST', url: '{{ _.base }}/form', metaSortKey: 3, body: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'a', value: '1' }, { name: 'b', value: 'x y', disabled: true }] } }),
    resource({ _id: 'req_4', _type: 'request', name: 'Key', method: 'GET', url: '{{ _.base }}/k', metaSortKey: 4, authentication: { type: 'apikey', key: 'k', value: 'v', addTo: 'queryParams' } }),
    resource({ _id: 'req_5', _type: 'request', name: 'OAuth', method: 'GET', url: "{{ _.base }}/o?t={% now 'iso-8601' %}", metaSortKey: 5, authentication: { type: 'oauth2' } }),
  ],
};

describe('Insomnia v4 exports', () => {
  it("inso's fixture: the workspace as a folder, a request group as a folder, Insomnia's order, names made unique, environments", async () => {
    const r = await importFile(FIXTURE);
    assert.equal(r.folder, 'Swagger Petstore 1.0.0');
    assert.equal(r.requests, 13);
    const tree = await ctx.core.call('workspaceTree', { id: ctx.id });
    const names = tree.items.filter((i) => i.path.startsWith(`${r.folder}/`)).map((i) => i.name);
    assert.deepEqual(names.slice(0, 5), ['Example Folder', 'Example 2', 'Example 1', 'Add a new pet to the store', 'Update an existing pet']);
    assert.ok(names.includes('Creates list of users with given input array 2'), names.join(', '));
    const pet = yamlOf(`${r.folder}/Add a new pet to the store.yaml`).request;
    assert.equal(pet.url, '{{ base_url }}/pet');
    assert.deepEqual(pet.headers, [{ name: 'Content-Type', value: 'application/json', enabled: true }]);
    assert.equal(pet.body.kind, 'text');
    assert.equal(yamlOf(`${r.folder}/Logs user into the system.yaml`).request.url, '{{ base_url }}/user/login?username=string&password=string');
    assert.deepEqual(yamlOf(`${r.folder}/folder.yaml`).variables, [{ name: 'base_url', value: '{{ scheme }}://{{ host }}{{ base_path }}', secret: false, enabled: true }]);
    const env = tree.environments.find((e) => e.name === 'OpenAPI env')!;
    assert.deepEqual(env.variables.map((v) => `${v.name}=${v.value}`), ['scheme=http', 'base_path=/v2', 'host=petstore.swagger.io', 'apiKey=apiKey']);
    const top = r.notes.filter((n) => n.path === r.folder).map((n) => n.note);
    assert.ok(top.includes('2 unit_test resources not carried over'), top.join('\n'));
    assert.ok(top.includes('1 api_spec resource not carried over'), top.join('\n'));
  });

  it("a handwritten export: {{ _.x }} → {{x}}, bearer, basic, API key in the query, a form with a disabled field; what is not carried over is noted", async () => {
    const file = path.join(ctx.tmp, 'shop.json');
    fs.writeFileSync(file, JSON.stringify(handwritten));
    const r = await importFile(file);
    assert.equal(r.folder, 'Shop');
    assert.deepEqual(yamlOf('Shop/Bearer.yaml').request.headers, [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }]);
    assert.deepEqual(yamlOf('Shop/Basic.yaml').request.headers, [{ name: 'Authorization', value: `Basic ${Buffer.from('u:p').toString('base64')}`, enabled: true }]);
    assert.equal(yamlOf('Shop/Key.yaml').request.url, '{{base}}/k?k=v');
    assert.deepEqual(yamlOf('Shop/Form.yaml').request.body, { kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }, { name: 'b', value: 'x y', enabled: false }] });
    assert.deepEqual(r.notes.filter((n) => n.path === 'Shop/OAuth.yaml').map((n) => n.note), ['template tag {% … %} kept as typed: it does not run here', 'oauth2 auth not carried over (basic, bearer and API key are)']);
  });

  it('an imported request sent through the core (curl engine) arrives with its bearer', async () => {
    const srv = await captureServer();
    try {
      const rel = 'Shop/Bearer.yaml';
      await ctx.sendSaved(rel, [{ name: 'base', value: srv.origin }]);
      const got = srv.arrived.at(-1)!;
      assert.equal(got.target, '/me');
      assert.deepEqual(got.headers.filter(([k]) => k.toLowerCase() === 'authorization').map(([, v]) => v), ['Bearer tok']);
    } finally {
      await srv.close();
    }
  });

  it('another export format is refused by name', async () => {
    const file = path.join(ctx.tmp, 'v3.json');
    fs.writeFileSync(file, JSON.stringify({ _type: 'export', __export_format: 3, resources: [] }));
    await failsWith(importFile(file), 'IMPORT_UNSUPPORTED', /Insomnia export of format 3; only format 4 is read/);
  });
});
