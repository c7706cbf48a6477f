import { describe, expect, it } from 'vitest';
import type { WorkspaceTree } from '../../../contract/workspace.js';
import { addEnvironment, addRow, deleteEnvironment, deleteRow, duplicateEnvironment, folderKey, modelFromTree, renameEnvironment, requestChoices, updateRow, WORKSPACE_KEY, type EnvModel } from './env-model.js';
import { isChanged, problemsOf, savePlanOf } from './env-save.js';

const v = (name: string, value: string, secret = false, enabled = true) => ({ name, value, secret, enabled });

const tree: WorkspaceTree = {
  info: { id: 'w1', name: 'Shop', location: '/tmp/shop', readOnly: false },
  variables: [v('base', 'http://ws'), v('wsToken', '', true)],
  environments: [
    { name: 'dev', variables: [v('host', 'dev.local'), v('token', '', true)] },
    { name: 'prod', variables: [v('host', 'prod.example')] },
  ],
  folderVariables: { api: [v('version', '2')], empty: [] },
  items: [],
  problems: [],
};

const scopeOf = (m: EnvModel, key: string) => m.scopes.find((s) => s.key === key)!;
const rowNamed = (m: EnvModel, key: string, name: string) => scopeOf(m, key).rows.find((r) => r.name === name)!;
const devKey = (m: EnvModel) => m.scopes.find((s) => s.name === 'dev')!.key;

describe('the model from a tree', () => {
  it('lists the workspace, each environment, the folders with variables and the one opened on', () => {
    expect(modelFromTree(tree).scopes.map((s) => [s.kind, s.name])).toEqual([
      ['workspace', ''],
      ['environment', 'dev'],
      ['environment', 'prod'],
      ['folder', 'api'],
    ]);
    expect(modelFromTree(tree, 'other').scopes.at(-1)).toMatchObject({ kind: 'folder', name: 'other', rows: [] });
  });

  it('nothing changed: nothing to save, nothing to ask about on close', () => {
    const m = modelFromTree(tree);
    expect(savePlanOf('w1', m, m)).toEqual({ saves: [], secrets: [], renamed: [] });
    expect(isChanged(m, m)).toBe(false);
  });
});

describe('edits → saveVariables and setSecret', () => {
  it('an edited value saves the workspace call with every environment; folders untouched stay out', () => {
    const m0 = modelFromTree(tree);
    const m = updateRow(m0, devKey(m0), rowNamed(m0, devKey(m0), 'host').id, { value: '127.0.0.1:8080' });
    const plan = savePlanOf('w1', m, m0);
    expect(plan.saves).toEqual([
      {
        id: 'w1',
        variables: [v('base', 'http://ws'), v('wsToken', '', true)],
        environments: [
          { name: 'dev', variables: [v('host', '127.0.0.1:8080'), v('token', '', true)] },
          { name: 'prod', variables: [v('host', 'prod.example')] },
        ],
      },
    ]);
    expect(plan.secrets).toEqual([]);
    expect(isChanged(m, m0)).toBe(true);
  });

  it('a folder edit saves that folder only; a blank row is left out', () => {
    const m0 = modelFromTree(tree);
    const added = addRow(m0, folderKey('api'));
    const m = addRow(updateRow(added.model, folderKey('api'), added.rowId, { name: 'page', value: '1' }), folderKey('api')).model;
    expect(savePlanOf('w1', m, m0).saves).toEqual([{ id: 'w1', folder: 'api', variables: [v('version', '2'), v('page', '1')] }]);
  });

  it("a stored secret untouched sends '' and no setSecret; a typed one goes to setSecret in its scope, never in the file", () => {
    const m0 = modelFromTree(tree);
    const dev = devKey(m0);
    const m = updateRow(m0, dev, rowNamed(m0, dev, 'token').id, { value: 's3cr3t' });
    const plan = savePlanOf('w1', m, m0);
    expect(plan.saves).toEqual([]);
    expect(plan.secrets).toEqual([{ id: 'w1', name: 'token', value: 's3cr3t', environment: 'dev' }]);
    const ws = updateRow(m0, WORKSPACE_KEY, rowNamed(m0, WORKSPACE_KEY, 'wsToken').id, { value: 'w' });
    expect(savePlanOf('w1', ws, m0).secrets).toEqual([{ id: 'w1', name: 'wsToken', value: 'w' }]);
    const folder = addRow(m0, folderKey('api'));
    const f = updateRow(folder.model, folderKey('api'), folder.rowId, { name: 'key', value: 'k', secret: true });
    const fp = savePlanOf('w1', f, m0);
    expect(fp.saves[0]?.variables.at(-1)).toEqual(v('key', '', true));
    expect(fp.secrets).toEqual([{ id: 'w1', name: 'key', value: 'k', folder: 'api' }]);
  });

  it('a plain variable made secret takes its value to setSecret; a stored secret made plain starts empty', () => {
    const m0 = modelFromTree(tree);
    const dev = devKey(m0);
    const m = updateRow(m0, dev, rowNamed(m0, dev, 'host').id, { secret: true });
    expect(savePlanOf('w1', m, m0).secrets).toEqual([{ id: 'w1', name: 'host', value: 'dev.local', environment: 'dev' }]);
    expect(savePlanOf('w1', m, m0).saves[0]?.environments?.[0]?.variables?.[0]).toEqual(v('host', '', true));
    const plain = updateRow(m0, dev, rowNamed(m0, dev, 'token').id, { secret: false });
    expect(rowNamed(plain, dev, 'token')).toMatchObject({ value: '', secret: false });
    // …and made secret again untouched, it keeps the stored value: nothing to send.
    const back = updateRow(plain, dev, rowNamed(m0, dev, 'token').id, { secret: true });
    expect(savePlanOf('w1', back, m0)).toEqual({ saves: [], secrets: [], renamed: [] });
  });

});

describe('renames and copies, new and deleted environments', () => {
  it('a rename of an environment carries its stored secrets and is reported for the selector; a copy carries them too', () => {
    const m0 = modelFromTree(tree);
    const dev = devKey(m0);
    const renamed = renameEnvironment(m0, dev, ' staging ');
    const plan = savePlanOf('w1', renamed, m0);
    expect(plan.renamed).toEqual([{ from: 'dev', to: 'staging' }]);
    expect(plan.saves[0]?.environments?.map((e) => e.name)).toEqual(['staging', 'prod']);
    expect(plan.saves[0]?.carry).toEqual([{ from: { name: 'token', environment: 'dev' }, to: { name: 'token', environment: 'staging' } }]);
    const copy = duplicateEnvironment(m0, dev);
    expect(scopeOf(copy.model, copy.key).name).toBe('dev copy');
    expect(savePlanOf('w1', copy.model, m0).saves[0]?.carry).toEqual([{ from: { name: 'token', environment: 'dev' }, to: { name: 'token', environment: 'dev copy' } }]);
  });

  it('a renamed secret variable carries its stored value within its scope', () => {
    const m0 = modelFromTree(tree);
    const m = updateRow(m0, WORKSPACE_KEY, rowNamed(m0, WORKSPACE_KEY, 'wsToken').id, { name: 'apiToken' });
    expect(savePlanOf('w1', m, m0).saves[0]?.carry).toEqual([{ from: { name: 'wsToken' }, to: { name: 'apiToken' } }]);
  });

  it('new and deleted environments, deleted rows', () => {
    const m0 = modelFromTree(tree);
    const a = addEnvironment(m0);
    const b = addEnvironment(a.model);
    expect([scopeOf(b.model, a.key).name, scopeOf(b.model, b.key).name]).toEqual(['New environment', 'New environment 2']);
    // New environments go before the folders.
    expect(b.model.scopes.map((s) => s.kind)).toEqual(['workspace', 'environment', 'environment', 'environment', 'environment', 'folder']);
    const m = deleteRow(deleteEnvironment(b.model, devKey(m0)), WORKSPACE_KEY, rowNamed(m0, WORKSPACE_KEY, 'base').id);
    const plan = savePlanOf('w1', m, m0);
    expect(plan.saves[0]?.variables).toEqual([v('wsToken', '', true)]);
    expect(plan.saves[0]?.environments?.map((e) => e.name)).toEqual(['prod', 'New environment', 'New environment 2']);
    expect(plan.renamed).toEqual([]);
  });
});

describe('validation', () => {
  it("names as VariableNameSchema says, a missing name, a name twice in one scope (the same name in another scope is fine)", () => {
    const m0 = modelFromTree(tree);
    let m = m0;
    const add = (name: string, value = 'x') => {
      const r = addRow(m, WORKSPACE_KEY);
      m = updateRow(r.model, WORKSPACE_KEY, r.rowId, { name, value });
      return r.rowId;
    };
    const bad = add('1abc');
    const none = add('');
    const twice = add('base');
    const fine = add('host');
    const rows = problemsOf(m)[WORKSPACE_KEY]?.rows ?? {};
    expect(rows[bad]).toMatch(/starts with a letter or _/);
    expect(rows[none]).toBe('a variable needs a name');
    expect(rows[twice]).toMatch(/base is defined twice/);
    expect(rows[fine]).toBeUndefined();
    expect(Object.keys(problemsOf(m))).toEqual([WORKSPACE_KEY]);
  });

  it("an environment's name: not empty, not another's", () => {
    const m0 = modelFromTree(tree);
    const dev = devKey(m0);
    expect(problemsOf(renameEnvironment(m0, dev, '  '))[dev]?.name).toBe('an environment needs a name');
    expect(problemsOf(renameEnvironment(m0, dev, 'prod'))[dev]?.name).toBe('another environment is named prod');
    expect(problemsOf(m0)).toEqual({});
  });
});

describe('chained variables', () => {
  const items: WorkspaceTree['items'] = [
    { kind: 'folder', path: 'auth', name: 'auth' },
    { kind: 'request', path: 'auth/Login.yaml', name: 'Login', method: 'POST', url: 'http://h/login', version: 'v1' },
    { kind: 'request', path: 'Me.yaml', name: 'Me', method: 'GET', url: 'http://h/me', version: 'v1' },
  ];
  const from = { request: 'auth/Login.yaml', source: 'body' as const, path: '$.token' };
  const chainedTree: WorkspaceTree = { ...tree, items, variables: [...tree.variables, { ...v('token', ''), from }] };

  it('the requests a chain may name, as the tree shows them', () => {
    expect(requestChoices(items)).toEqual([
      { path: 'auth/Login.yaml', label: 'auth/Login' },
      { path: 'Me.yaml', label: 'Me' },
    ]);
  });

  it('a chained variable from the tree is a row with its source; untouched, nothing to save', () => {
    const m = modelFromTree(chainedTree);
    expect(rowNamed(m, WORKSPACE_KEY, 'token').from).toEqual(from);
    expect(savePlanOf('w1', m, m)).toEqual({ saves: [], secrets: [], renamed: [] });
  });

  it("a row made chained saves `from` with value '' and not secret; a status source has no path; made plain again it has none", () => {
    const m0 = modelFromTree(tree);
    const row = rowNamed(m0, WORKSPACE_KEY, 'wsToken');
    const chained = updateRow(m0, WORKSPACE_KEY, row.id, { from: { request: 'auth/Login.yaml', source: 'status', path: '' } });
    expect(savePlanOf('w1', chained, m0).saves[0]?.variables.at(-1)).toEqual({ ...v('wsToken', ''), from: { request: 'auth/Login.yaml', source: 'status' } });
    expect(savePlanOf('w1', chained, m0).secrets).toEqual([]);
    const plain = updateRow(chained, WORKSPACE_KEY, row.id, { from: undefined });
    expect(rowNamed(plain, WORKSPACE_KEY, 'wsToken').from).toBeUndefined();
  });

  it('a chain without a request, or without a path for a body or header source, is a problem of its row', () => {
    const m0 = modelFromTree(tree);
    const added = addRow(m0, WORKSPACE_KEY);
    const id = added.rowId;
    const withName = updateRow(added.model, WORKSPACE_KEY, id, { name: 'sid', from: { request: '', source: 'header', path: '' } });
    expect(problemsOf(withName)[WORKSPACE_KEY]?.rows[id]).toMatch(/choose the request/);
    const noPath = updateRow(withName, WORKSPACE_KEY, id, { from: { request: 'Me.yaml', source: 'header', path: ' ' } });
    expect(problemsOf(noPath)[WORKSPACE_KEY]?.rows[id]).toMatch(/header name/);
    const ok = updateRow(noPath, WORKSPACE_KEY, id, { from: { request: 'Me.yaml', source: 'header', path: 'X-Sid' } });
    expect(problemsOf(ok)[WORKSPACE_KEY]).toBeUndefined();
  });
});
