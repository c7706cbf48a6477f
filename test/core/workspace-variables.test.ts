// Variables and secrets as the workspace keeps them: saveVariables writes the workspace and
// folder files with secrets blanked, their values go to <dataDir>/secrets/<id>.json (0600),
// the tree the page gets never carries them, and layersFor hands the resolver the scopes
// in order (workspace, folders root down, environment, run), enabled only, secrets real.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SendContextSchema } from '../../contract/variables.js';
import { variableSourceOf } from '../../core/app-core.js';
import { draft, failsWith, startWorkspaceCore, type WorkspaceFixture } from './workspace-support.js';

let f: WorkspaceFixture;
before(async () => {
  f = await startWorkspaceCore();
  await f.core.call('createFolder', { id: f.id, parent: '', name: 'api' });
  await f.core.call('createFolder', { id: f.id, parent: 'api', name: 'v2' });
  await f.core.call('saveRequest', { id: f.id, folder: 'api/v2', saved: { name: 'users', request: draft('{{base}}/users') } });
});
after(async () => {
  await f?.close();
  if (f) fs.rmSync(f.tmp, { recursive: true, force: true });
});

const v = (name: string, value: string, more: { secret?: boolean; enabled?: boolean } = {}) => ({ name, value, ...more });
const secretsFile = () => path.join(f.tmp, 'data', 'secrets', `${f.id}.json`);
const layers = (ctx: Record<string, unknown>) => variableSourceOf(f.core).layersFor(SendContextSchema.parse({ workspaceId: f.id, ...ctx }));

describe('saveVariables and secrets', () => {
  before(async () => {
    await f.core.call('saveVariables', {
      id: f.id,
      variables: [v('base', 'http://ws'), v('token', 'ws-secret', { secret: true }), v('off', 'x', { enabled: false })],
      environments: [{ name: 'dev', variables: [v('base', 'http://dev'), v('token', 'dev-secret', { secret: true })] }, { name: 'prod', variables: [v('base', 'http://prod')] }],
    });
    await f.core.call('saveVariables', { id: f.id, folder: 'api', variables: [v('base', 'http://api'), v('apiOnly', '1')] });
    await f.core.call('saveVariables', { id: f.id, folder: 'api/v2', variables: [v('version', '2')] });
  });

  it('the files hold no secret value; the secrets file does, readable by the user only', async () => {
    const ws = fs.readFileSync(path.join(f.root, 'workspace.yaml'), 'utf8');
    assert.doesNotMatch(ws, /secret"?$|ws-secret|dev-secret/m);
    assert.match(ws, /- name: token\n {4}value: ""\n {4}secret: true/);
    assert.match(fs.readFileSync(path.join(f.root, 'api', 'folder.yaml'), 'utf8'), /^variables:\n {2}- name: base\n {4}value: http:\/\/api\n/);
    assert.equal(fs.statSync(secretsFile()).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(secretsFile())).mode & 0o077, 0);
    assert.deepEqual(JSON.parse(fs.readFileSync(secretsFile(), 'utf8')), { workspace: { token: 'ws-secret' }, 'environment:dev': { token: 'dev-secret' }, 'environment:prod': {}, 'folder:api': {}, 'folder:api/v2': {} });
  });

  it("the tree carries secrets' values as '' even if a file holds one", async () => {
    const text = fs.readFileSync(path.join(f.root, 'workspace.yaml'), 'utf8');
    fs.writeFileSync(path.join(f.root, 'workspace.yaml'), text.replace(/- name: token\n {4}value: ""/, '- name: token\n    value: typed-in-an-editor'));
    const tree = await f.core.call('workspaceTree', { id: f.id });
    assert.equal(tree.variables.find((x) => x.name === 'token')?.value, '');
    assert.equal(tree.environments.find((e) => e.name === 'dev')?.variables.find((x) => x.name === 'token')?.value, '');
    assert.deepEqual(tree.folderVariables['api']?.map((x) => x.name), ['base', 'apiOnly']);
    fs.writeFileSync(path.join(f.root, 'workspace.yaml'), text);
  });

  it("saveVariables with a secret's value '' keeps the stored one; setSecret sets it per scope", async () => {
    const tree = await f.core.call('workspaceTree', { id: f.id });
    await f.core.call('saveVariables', { id: f.id, variables: tree.variables, environments: tree.environments });
    assert.equal(JSON.parse(fs.readFileSync(secretsFile(), 'utf8')).workspace.token, 'ws-secret');
    await f.core.call('setSecret', { id: f.id, name: 'token', value: 'dev-2', environment: 'dev' });
    assert.equal(JSON.parse(fs.readFileSync(secretsFile(), 'utf8'))['environment:dev'].token, 'dev-2');
    await f.core.call('setSecret', { id: f.id, name: 'token', value: 'dev-secret', environment: 'dev' });
  });
});

describe('layersFor', () => {
  it('workspace, folders from the root down, environment, run; disabled left out; secrets with their values', async () => {
    const got = await layers({ requestPath: 'api/v2/users.yaml', environment: 'dev', overrides: [{ name: 'base', value: 'http://run' }] });
    assert.deepEqual(
      got.map((l) => [l.kind, l.label, l.variables.map((x) => `${x.name}=${x.value}`)]),
      [
        ['workspace', 'My workspace', ['base=http://ws', 'token=ws-secret']],
        ['folder', 'api', ['base=http://api', 'apiOnly=1']],
        ['folder', 'api/v2', ['version=2']],
        ['environment', 'dev', ['base=http://dev', 'token=dev-secret']],
        ['run', 'run', ['base=http://run']],
      ],
    );
  });

  it('no request path: the workspace only; an unknown environment or workspace is NOT_FOUND naming it', async () => {
    assert.deepEqual((await layers({})).map((l) => l.kind), ['workspace']);
    await failsWith(layers({ environment: 'staging' }), 'NOT_FOUND', /no environment named "staging"/);
    await failsWith(variableSourceOf(f.core).layersFor(SendContextSchema.parse({ workspaceId: 'nope' })), 'NOT_FOUND', /nope is not open/);
  });

  it('reads the files as they are now, and refuses a malformed one naming it', async () => {
    const file = path.join(f.root, 'api', 'v2', 'folder.yaml');
    fs.writeFileSync(file, 'variables:\n  - name: version\n    value: "3"\n');
    assert.deepEqual((await layers({ requestPath: 'api/v2/users.yaml' }))[2]?.variables.map((x) => x.value), ['3']);
    fs.writeFileSync(file, 'variables: [\n');
    await failsWith(layers({ requestPath: 'api/v2/users.yaml' }), 'MALFORMED', /api\/v2\/folder\.yaml/);
  });
});

describe('saveVariables carries stored secrets along a rename or a copy', () => {
  const secrets = () => JSON.parse(fs.readFileSync(secretsFile(), 'utf8')) as Record<string, Record<string, string>>;
  before(async () => {
    await f.core.call('saveVariables', { id: f.id, variables: [v('wsToken', 'w1', { secret: true })], environments: [{ name: 'stage', variables: [v('token', 's1', { secret: true })] }] });
  });

  it('an environment renamed and copied keeps its secret; the old name is dropped', async () => {
    const token = v('token', '', { secret: true });
    await f.core.call('saveVariables', {
      id: f.id,
      variables: [v('wsToken', '', { secret: true })],
      environments: [{ name: 'staging', variables: [token] }, { name: 'staging copy', variables: [token] }],
      carry: [
        { from: { environment: 'stage', name: 'token' }, to: { environment: 'staging', name: 'token' } },
        { from: { environment: 'stage', name: 'token' }, to: { environment: 'staging copy', name: 'token' } },
      ],
    });
    const s = secrets();
    assert.deepEqual([s['environment:staging'], s['environment:staging copy'], s['environment:stage']], [{ token: 's1' }, { token: 's1' }, {}]);
    assert.equal(s.workspace?.wsToken, 'w1');
    const env = await layers({ environment: 'staging copy' });
    assert.equal(env.at(-1)?.variables[0]?.value, 's1');
  });

  it('a renamed variable keeps its secret; a typed value wins over a carried one', async () => {
    await f.core.call('saveVariables', {
      id: f.id,
      variables: [v('apiToken', '', { secret: true })],
      environments: [{ name: 'staging', variables: [v('token', 's2', { secret: true })] }],
      carry: [
        { from: { name: 'wsToken' }, to: { name: 'apiToken' } },
        { from: { environment: 'staging', name: 'token' }, to: { environment: 'staging', name: 'token' } },
      ],
    });
    const s = secrets();
    assert.deepEqual(s.workspace, { apiToken: 'w1' });
    assert.deepEqual([s['environment:staging'], s['environment:staging copy']], [{ token: 's2' }, {}]);
  });
});
