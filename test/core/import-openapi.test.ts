// OpenAPI 3 and Swagger 2 through importCollection on a real AppCore: the OpenAPI
// specification's own Petstore (YAML) and swagger-parser's fixtures become one request per
// operation with {{baseUrl}} and parameters as variables, example bodies from the schemas;
// a $ref to another file is never followed; a request sent through the core arrives as the
// document says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { importCore } from '../support/import-core.js';
import { captureServer } from '../support/capture-server.js';
import { failsWith } from './workspace-support.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/openapi');

const ctx = importCore('inetscope-openapi-');

async function importFile(name: string) {
  return ctx.core.call('importCollection', { id: ctx.id, fileToken: await ctx.tokenFor(path.join(FIXTURES, name)) });
}
const { yamlOf } = ctx;

describe('OpenAPI and Swagger documents', () => {
  it('the Petstore (OpenAPI 3, YAML): one request per operation, {{baseUrl}} and parameters as variables, an example body', async () => {
    const r = await importFile('oai-petstore-expanded.yaml');
    assert.equal(r.folder, 'Swagger Petstore');
    assert.equal(r.requests, 4);
    const tree = await ctx.core.call('workspaceTree', { id: ctx.id });
    assert.deepEqual(tree.items.filter((i) => i.path.startsWith('Swagger Petstore/')).map((i) => i.name), ['findPets', 'addPet', 'find pet by id', 'deletePet']);
    const find = yamlOf('Swagger Petstore/find pet by id.yaml').request;
    assert.equal(find.url, '{{baseUrl}}/pets/{{id}}');
    const add = yamlOf('Swagger Petstore/addPet.yaml').request;
    assert.equal(add.method, 'POST');
    assert.deepEqual(add.headers, [{ name: 'Content-Type', value: 'application/json', enabled: true }]);
    assert.deepEqual(JSON.parse(add.body.text), { name: 'string', tag: 'string' });
    const vars = yamlOf('Swagger Petstore/folder.yaml').variables.map((v: { name: string; value: string }) => `${v.name}=${v.value}`);
    assert.deepEqual(vars, ['baseUrl=https://petstore.swagger.io/v2', 'tags=["string"]', 'limit=0', 'id=0']);
    assert.deepEqual(r.notes.filter((n) => n.path === 'Swagger Petstore/findPets.yaml').map((n) => n.note), ['optional query parameters not added to the URL: tags, limit (variables are defined for them)']);
  });

  it('a Swagger 2 document: host, basePath and scheme as baseUrl, a body parameter with allOf as the example', async () => {
    const r = await importFile('swagger-parser-inherited-required-properties.yaml');
    assert.equal(r.folder, 'iQualify');
    const req = yamlOf('iQualify/Create offering.yaml').request;
    assert.equal(req.url, '{{baseUrl}}/offerings');
    assert.deepEqual(JSON.parse(req.body.text), { contentId: 'string', end: '2024-01-01T00:00:00Z', isReadonly: true, name: 'string', start: '2024-01-01T00:00:00Z' });
    assert.equal(yamlOf('iQualify/folder.yaml').variables[0].value, 'https://api.iqualify.com/v1');
  });

  it('a $ref to another file is not followed (its content never appears) and is noted', async () => {
    const dir = fs.mkdtempSync(path.join(ctx.tmp, 'refs-'));
    fs.writeFileSync(path.join(dir, 'secret.yaml'), 'type: object\nproperties:\n  leaked:\n    type: string\n    example: FILE-CONTENT\n');
    const doc = { openapi: '3.0.3', info: { title: 'Refs', version: '1' }, paths: { '/x': { post: { summary: 'X', requestBody: { content: { 'application/json': { schema: { $ref: './secret.yaml' } } } }, responses: { 200: { description: 'ok' } } } } } };
    ctx.pick.file = path.join(dir, 'refs.json');
    fs.writeFileSync(ctx.pick.file, JSON.stringify(doc));
    const picked = await ctx.core.call('pickUploadFile', {});
    assert.ok(picked.picked);
    const r = await ctx.core.call('importCollection', { id: ctx.id, fileToken: picked.fileToken });
    assert.doesNotMatch(fs.readFileSync(path.join(ctx.root, 'Refs', 'X.yaml'), 'utf8'), /FILE-CONTENT/);
    assert.ok(r.notes.some((n) => n.path === 'Refs' && n.note === '$ref to another document not followed (an import reads only the file given): ./secret.yaml'), JSON.stringify(r.notes));
    const circular = await importFile('swagger-parser-circular.yaml');
    assert.ok(circular.notes.some((n) => n.note.startsWith('$ref to another document not followed')));
  });

  it('a document that is not valid OpenAPI is refused by name', async () => {
    ctx.pick.file = path.join(ctx.tmp, 'bad.json');
    fs.writeFileSync(ctx.pick.file, JSON.stringify({ openapi: '3.0.0', paths: 'nope' }));
    const picked = await ctx.core.call('pickUploadFile', {});
    assert.ok(picked.picked);
    await failsWith(ctx.core.call('importCollection', { id: ctx.id, fileToken: picked.fileToken }), 'IMPORT_INVALID', /the OpenAPI document cannot be read: /);
  });

  it('an imported operation sent through the core (curl engine) arrives with its path and body', async () => {
    const srv = await captureServer();
    try {
      const rel = 'Swagger Petstore/addPet.yaml';
      await ctx.sendSaved(rel, [{ name: 'baseUrl', value: `${srv.origin}/v2` }]);
      const got = srv.arrived.at(-1)!;
      assert.equal(`${got.method} ${got.target}`, 'POST /v2/pets');
      assert.deepEqual(JSON.parse(got.body.toString()), { name: 'string', tag: 'string' });
    } finally {
      await srv.close();
    }
  });
});
