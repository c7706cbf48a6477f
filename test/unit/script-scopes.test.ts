// The pure parts of scripts: which scopes pm.environment / pm.collectionVariables /
// pm.variables see, what a script's sets change (and where they land in the layers), and
// what a pre-request script's pm.request changes in the draft.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestDraft } from '../../contract/request.js';
import type { VariableLayer } from '../../contract/variables.js';
import { pmRequestOf, withScriptChanges } from '../../core/scripts/pm-request.js';
import { changesIn, emptySets, layersWithSets, pmScopesOf } from '../../core/scripts/pm-scopes.js';

const v = (name: string, value: string, secret = false) => ({ name, value, secret, enabled: true });
const layers: VariableLayer[] = [
  { kind: 'workspace', label: 'ws', variables: [v('host', 'a'), v('token', 'ws-secret', true)] },
  { kind: 'folder', label: 'api', variables: [v('host', 'b')] },
  { kind: 'environment', label: 'dev', variables: [v('env', 'dev')] },
  { kind: 'run', label: 'run', variables: [v('page', '7')] },
];

describe('script scopes', () => {
  it('pm.collectionVariables is the workspace and folders merged (inner wins); the environment and run are their own', () => {
    const s = pmScopesOf(layers);
    assert.deepEqual(s.collectionVariables, [{ key: 'host', value: 'b' }, { key: 'token', value: 'ws-secret' }]);
    assert.deepEqual(s.environment, [{ key: 'env', value: 'dev' }]);
    assert.deepEqual(s._variables, [{ key: 'page', value: '7' }]);
  });

  it('changes: set, changed, unset; non-string values as JSON', () => {
    const c = changesIn([{ key: 'a', value: '1' }, { key: 'b', value: 'x' }, { key: 'gone', value: 'y' }], [{ key: 'a', value: 1 }, { key: 'b', value: 'z' }, { key: 'n', value: { k: true } }]);
    assert.deepEqual([...c], [['b', 'z'], ['n', '{"k":true}'], ['gone', null]]);
    assert.equal(changesIn([{ key: 'a', value: '1' }], undefined).size, 0);
  });

  it('sets land in place (keeping a secret flag), new ones in the innermost folder and the environment, locals innermost', () => {
    const sets = emptySets();
    sets.collection.set('token', 'new-token').set('fresh', 'f').set('host', null);
    sets.environment.set('env', 'prod').set('session', 's');
    const out = layersWithSets(layers, sets, new Map([['local', 'l']]));
    assert.deepEqual(out[0]!.variables, [v('token', 'new-token', true)]);
    assert.deepEqual(out[1]!.variables, [v('fresh', 'f')]);
    assert.deepEqual(out[2]!.variables, [v('env', 'prod'), v('session', 's')]);
    assert.deepEqual(out.at(-1), { kind: 'run', label: 'pm.variables (this send)', variables: [v('local', 'l')] });
    assert.deepEqual(layers[0]!.variables[0], v('host', 'a'), 'the given layers are not changed');
  });

  it('an environment set without a selected environment gets a scope of its own, before the run layer', () => {
    const sets = emptySets();
    sets.environment.set('session', 's');
    const out = layersWithSets([layers[0]!, layers[3]!], sets);
    assert.deepEqual(out.map((l) => `${l.kind}:${l.label}`), ['workspace:ws', 'environment:set by scripts', 'run:run']);
  });
});

describe('pm.request changes', () => {
  const draft: RequestDraft = {
    url: 'http://{{host}}/x',
    method: 'POST',
    headers: [{ name: 'A', value: '1', enabled: true }, { name: 'Off', value: '0', enabled: false }],
    body: { kind: 'form', fields: [{ name: 'f', value: 'v', enabled: true }] },
    engine: 'auto',
    timeouts: {},
    insecure: false,
    followRedirects: true,
  } as RequestDraft;

  it('an unchanged request stays the draft as it was (disabled header and template kept)', () => {
    const before = pmRequestOf(draft);
    assert.deepEqual(withScriptChanges(draft, before, JSON.parse(JSON.stringify(before))), draft);
  });

  it('URL, method, headers and body a script changed are applied; the rest is kept', () => {
    const before = pmRequestOf(draft);
    const after = { ...before, url: 'http://{{host}}/y?q=1', method: 'put', header: [...(before.header as object[]), { key: 'X-New', value: 'n' }], body: { mode: 'raw', raw: 'text' } };
    const out = withScriptChanges(draft, before, after);
    assert.equal(out.url, 'http://{{host}}/y?q=1');
    assert.equal(out.method, 'PUT');
    assert.deepEqual(out.headers, [...draft.headers, { name: 'X-New', value: 'n', enabled: true }]);
    assert.deepEqual(out.body, { kind: 'text', text: 'text' });
    assert.equal(out.followRedirects, true);
  });
});
