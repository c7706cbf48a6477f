// The workspace's files as a user and git see them: the exact YAML a save writes, a
// one-field change as a one-line diff, no temp file left, a load/save round trip that
// changes no byte, malformed files reported with path, line and field and left untouched,
// and the names that cannot be files everywhere. Real files in a temp dir, a real AppCore.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { draft, failsWith, startWorkspaceCore, type WorkspaceFixture } from './workspace-support.js';

const GOLDEN = `name: Create user
request:
  url: "{{base}}/users"
  method: POST
  headers:
    - name: Content-Type
      value: application/json
      enabled: true
    - name: X-Off
      value: "true"
      enabled: false
  body:
    kind: text
    text: |
      {
        "name": "Ada"
      }
  engine: curl
  followRedirects: true
  timeouts:
    totalMs: 30000
  insecure: false
  caFileName: ca.pem
seq: 2
`;

let f: WorkspaceFixture;
before(async () => (f = await startWorkspaceCore()));
after(async () => {
  await f?.close();
  if (f) fs.rmSync(f.tmp, { recursive: true, force: true });
});

const golden = () => ({
  name: 'Create user',
  seq: 2,
  request: draft('{{base}}/users', {
    method: 'POST',
    headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'X-Off', value: 'true', enabled: false }],
    body: { kind: 'text', text: '{\n  "name": "Ada"\n}\n' },
    engine: 'curl',
    followRedirects: true,
    timeouts: { totalMs: 30000 },
    caFileToken: 'session-only-token',
    caFileName: 'ca.pem',
  }),
});

describe('the file a save writes', () => {
  it('is the golden YAML: schema key order, 2-space indent, block text, no session token, no temp file', async () => {
    const out = await f.core.call('saveRequest', { id: f.id, folder: '', saved: golden() });
    assert.equal(out.path, 'Create user.yaml');
    assert.equal(fs.readFileSync(path.join(f.root, out.path), 'utf8'), GOLDEN);
    assert.deepEqual(fs.readdirSync(f.root).filter((n) => n.startsWith('.')), [], 'no temp file is left beside it');
  });

  it('a one-field change is a one-line diff (git diff --no-index)', async () => {
    const file = path.join(f.root, 'Create user.yaml');
    const before = path.join(f.tmp, 'before.yaml');
    fs.copyFileSync(file, before);
    const { saved, version } = await f.core.call('loadSavedRequest', { id: f.id, path: 'Create user.yaml' });
    await f.core.call('saveRequest', { id: f.id, path: 'Create user.yaml', baseVersion: version, saved: { ...saved, request: { ...saved.request, url: '{{base}}/people' } } });
    let numstat = '';
    try {
      execFileSync('git', ['diff', '--no-index', '--numstat', before, file]);
    } catch (e) {
      numstat = String((e as { stdout: Buffer }).stdout);
    }
    assert.match(numstat, /^1\t1\t/, `one line added, one removed: ${numstat}`);
    const a = fs.readFileSync(before, 'utf8').split('\n');
    const b = fs.readFileSync(file, 'utf8').split('\n');
    assert.deepEqual(b.map((l, i) => (l === a[i] ? null : [a[i], l])).filter(Boolean), [['  url: "{{base}}/users"', '  url: "{{base}}/people"']]);
  });

  it('load then save unchanged writes the same bytes (stable formatting), the version with them', async () => {
    const file = path.join(f.root, 'Create user.yaml');
    const bytes = fs.readFileSync(file);
    const { saved, version } = await f.core.call('loadSavedRequest', { id: f.id, path: 'Create user.yaml' });
    const out = await f.core.call('saveRequest', { id: f.id, path: 'Create user.yaml', baseVersion: version, saved });
    assert.deepEqual(fs.readFileSync(file), bytes);
    assert.equal(out.version, version);
  });

  it('assertions are written after seq; a save that names none keeps the file\'s, an empty list removes them', async () => {
    const assertions = [{ kind: 'status' as const, equals: 200 }, { kind: 'jsonPath' as const, path: '$.id', equals: { a: [1, null] } }];
    const out = await f.core.call('saveRequest', { id: f.id, folder: '', saved: { name: 'Checked', seq: 0, request: draft('http://h/'), assertions } });
    const file = path.join(f.root, out.path);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.endsWith('seq: 0\nassertions:\n  - kind: status\n    equals: 200\n  - kind: jsonPath\n    path: $.id\n    equals:\n      a:\n        - 1\n        - null\n'), text);
    const { saved, version } = await f.core.call('loadSavedRequest', { id: f.id, path: out.path });
    const { assertions: _dropped, ...withoutThem } = saved;
    await f.core.call('saveRequest', { id: f.id, path: out.path, baseVersion: version, saved: withoutThem });
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    const again = await f.core.call('loadSavedRequest', { id: f.id, path: out.path });
    await f.core.call('saveRequest', { id: f.id, path: out.path, baseVersion: again.version, saved: { ...withoutThem, assertions: [] } });
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /assertions/, 'the editor emptied: no key');
    await f.core.call('saveRequest', { id: f.id, folder: '', saved: { name: 'Unchecked', request: draft('http://h/'), assertions: [] } });
    assert.doesNotMatch(fs.readFileSync(path.join(f.root, 'Unchecked.yaml'), 'utf8'), /assertions/, 'a new request with an empty list writes no key');
    assert.doesNotMatch(fs.readFileSync(path.join(f.root, 'Create user.yaml'), 'utf8'), /assertions/, 'a request without assertions writes no key');
  });

  it('a long string stays on one line (never folded)', async () => {
    const url = `http://h/${'segment-'.repeat(40)}?q=${'x y '.repeat(30)}z`;
    const out = await f.core.call('saveRequest', { id: f.id, folder: '', saved: { name: 'Long', request: draft(url) } });
    assert.ok(fs.readFileSync(path.join(f.root, out.path), 'utf8').split('\n').includes(`  url: ${url}`));
  });

  it('a file body keeps nothing, a multipart keeps its text parts', async () => {
    const fileBody = { name: 'Upload', request: draft('http://h/', { body: { kind: 'file', fileToken: 'tok' } }) };
    const multi = { name: 'Form', request: draft('http://h/', { body: { kind: 'multipart', parts: [{ kind: 'text', name: 'a', value: '1' }, { kind: 'file', name: 'f', fileToken: 'tok', filename: 'x.bin' }] } }) };
    await f.core.call('saveRequest', { id: f.id, folder: '', saved: fileBody });
    await f.core.call('saveRequest', { id: f.id, folder: '', saved: multi });
    assert.deepEqual((await f.core.call('loadSavedRequest', { id: f.id, path: 'Upload.yaml' })).saved.request.body, { kind: 'none' });
    assert.deepEqual((await f.core.call('loadSavedRequest', { id: f.id, path: 'Form.yaml' })).saved.request.body, { kind: 'multipart', parts: [{ kind: 'text', name: 'a', value: '1' }] });
    assert.doesNotMatch(fs.readFileSync(path.join(f.root, 'Form.yaml'), 'utf8'), /tok/);
  });
});

describe('malformed files', () => {
  const bad = {
    'broken.yaml': 'name: Broken\nrequest:\n  url: [unclosed\n  method: GET\n',
    'typed.yaml': 'name: Typed\nrequest:\n  url: http://h/\n  method: GET\n  timeouts:\n    totalMs: -5\n',
    'misspelt.yaml': 'name: Misspelt\nrequest:\n  url: http://h/\n  hedaers: []\n',
    'big.yaml': `name: Big\nrequest:\n  url: http://h/\n  body:\n    kind: text\n    text: ${'x'.repeat(1024 * 1024)}\n`,
  };
  before(() => {
    fs.mkdirSync(path.join(f.root, 'Bad'));
    for (const [name, text] of Object.entries(bad)) fs.writeFileSync(path.join(f.root, 'Bad', name), text);
    fs.writeFileSync(path.join(f.root, 'Bad', 'folder.yaml'), 'variables:\n  - name: 1bad\n    value: x\n');
    fs.writeFileSync(path.join(f.root, 'Bad', 'good.yaml'), 'name: Good\nrequest:\n  url: http://h/good\n');
  });

  it('are listed with path, line and field; the rest of the tree loads; their bytes stay as they were', async () => {
    const tree = await f.core.call('workspaceTree', { id: f.id });
    const byPath = new Map(tree.problems.map((p) => [p.path, p]));
    assert.equal(byPath.get('Bad/broken.yaml')?.line, 4, JSON.stringify(byPath.get('Bad/broken.yaml')));
    assert.match(byPath.get('Bad/broken.yaml')!.message, /not valid YAML/);
    assert.deepEqual([byPath.get('Bad/typed.yaml')?.line, byPath.get('Bad/typed.yaml')?.field], [6, 'request.timeouts.totalMs']);
    assert.deepEqual([byPath.get('Bad/misspelt.yaml')?.line, byPath.get('Bad/misspelt.yaml')?.field], [4, 'request.hedaers']);
    assert.match(byPath.get('Bad/misspelt.yaml')!.message, /hedaers/);
    assert.match(byPath.get('Bad/big.yaml')!.message, /over the 1048576/);
    assert.deepEqual([byPath.get('Bad/folder.yaml')?.line, byPath.get('Bad/folder.yaml')?.field], [2, 'variables.0.name']);
    assert.ok(tree.items.some((i) => i.kind === 'request' && i.path === 'Bad/good.yaml' && i.url === 'http://h/good'));
    assert.ok(!tree.items.some((i) => i.path === 'Bad/broken.yaml'));
    for (const [name, text] of Object.entries(bad)) assert.equal(fs.readFileSync(path.join(f.root, 'Bad', name), 'utf8'), text);
  });

  it('cannot be loaded (MALFORMED naming the file and line) nor rewritten by a move or variables save', async () => {
    await failsWith(f.core.call('loadSavedRequest', { id: f.id, path: 'Bad/typed.yaml' }), 'MALFORMED', /Bad\/typed\.yaml:6: request\.timeouts\.totalMs/);
    await failsWith(f.core.call('saveVariables', { id: f.id, folder: 'Bad', variables: [] }), 'MALFORMED', /Bad\/folder\.yaml/);
    await f.core.call('moveItem', { id: f.id, path: 'Bad/good.yaml', toFolder: 'Bad', seq: 0 });
    for (const [name, text] of Object.entries(bad)) assert.equal(fs.readFileSync(path.join(f.root, 'Bad', name), 'utf8'), text);
  });
});

describe('names', () => {
  const save = (name: string, folder = '') => f.core.call('saveRequest', { id: f.id, folder, saved: { name, request: draft('http://h/') } });
  before(() => f.core.call('createFolder', { id: f.id, parent: '', name: 'Names' }));

  it('map to portable file names: CON, a/b, a trailing dot, the workspace file', async () => {
    assert.equal((await save('CON', 'Names')).path, 'Names/_CON.yaml');
    assert.equal((await save('a/b', 'Names')).path, 'Names/a_b.yaml');
    assert.equal((await save('end.', 'Names')).path, 'Names/end.yaml');
    assert.equal((await save('workspace')).path, '_workspace.yaml');
    assert.equal((await save('LPT¹.txt', 'Names')).path, 'Names/_LPT¹.txt.yaml');
    assert.equal((await save('CONOUT$', 'Names')).path, 'Names/_CONOUT$.yaml');
    assert.equal((await f.core.call('loadSavedRequest', { id: f.id, path: 'Names/a_b.yaml' })).saved.name, 'a/b');
  });

  it('two items that would be one file, or one name twice, are refused naming both', async () => {
    await failsWith(save('a_b', 'Names'), 'NAME_TAKEN', /"a_b" would be stored as a_b\.yaml in the folder Names, which Names\/a_b\.yaml already uses/);
    await failsWith(save('A/B', 'Names'), 'NAME_TAKEN', /"A\/B" would be stored as A_B\.yaml.*Names\/a_b\.yaml/);
    await failsWith(save('...', 'Names'), 'BAD_NAME', /no usable file name/);
    await failsWith(f.core.call('renameItem', { id: f.id, path: 'Names/end.yaml', name: 'CON' }), 'NAME_TAKEN', /Names\/_CON\.yaml/);
  });

  it('a folder name must be portable as it is: the portable form is offered', async () => {
    await failsWith(f.core.call('createFolder', { id: f.id, parent: '', name: 'a/b' }), 'BAD_NAME', /try "a_b"/);
    await failsWith(f.core.call('createFolder', { id: f.id, parent: '', name: 'CON' }), 'BAD_NAME', /try "_CON"/);
    await failsWith(f.core.call('createFolder', { id: f.id, parent: '', name: 'dots.' }), 'BAD_NAME', /try "dots"/);
    await failsWith(f.core.call('createFolder', { id: f.id, parent: '', name: 'names' }), 'NAME_TAKEN', /Names/);
  });

  it('paths that leave the workspace are refused at the boundary', async () => {
    await failsWith(f.core.call('loadSavedRequest', { id: f.id, path: '../data/settings.json' }), 'BAD_INPUT', /path/);
    await failsWith(f.core.call('loadSavedRequest', { id: f.id, path: 'workspace.yaml' }), 'NOT_FOUND', /not a saved request/);
  });
});

describe('symbolic links', () => {
  it('are not followed: listed as a problem, refused by every command (PROBE: nothing is read or written outside)', async () => {
    const outside = path.join(f.tmp, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.yaml'), 'name: Outside\nrequest:\n  url: http://h/outside\n');
    fs.symlinkSync(outside, path.join(f.root, 'link'));
    const tree = await f.core.call('workspaceTree', { id: f.id });
    assert.match(tree.problems.find((p) => p.path === 'link')?.message ?? '', /symbolic link/);
    assert.ok(!tree.items.some((i) => i.path.startsWith('link')));
    await failsWith(f.core.call('loadSavedRequest', { id: f.id, path: 'link/secret.yaml' }), 'BAD_INPUT', /link is a symbolic link/);
    await failsWith(f.core.call('saveRequest', { id: f.id, folder: 'link', saved: { name: 'planted', request: draft('http://h/') } }), 'BAD_INPUT', /symbolic link/);
    await failsWith(f.core.call('createFolder', { id: f.id, parent: 'link', name: 'x' }), 'BAD_INPUT', /symbolic link/);
    await failsWith(f.core.call('moveItem', { id: f.id, path: 'Create user.yaml', toFolder: 'link' }), 'BAD_INPUT', /symbolic link/);
    await failsWith(f.core.call('deleteItem', { id: f.id, path: 'link/secret.yaml' }), 'BAD_INPUT', /symbolic link/);
    assert.deepEqual(fs.readdirSync(outside), ['secret.yaml']);
  });
});

describe('bounds', () => {
  it('at most 10 000 items are listed, and the tree says the rest are not', { timeout: 60_000 }, async () => {
    const big = path.join(f.tmp, 'big');
    fs.mkdirSync(big);
    for (let i = 0; i <= 10_000; i++) fs.writeFileSync(path.join(big, `r${i}.yaml`), `name: r${i}\nrequest:\n  url: http://h/${i}\n`);
    f.pick.folder = big;
    const opened = await f.core.call('openWorkspace', { choose: 'dialog' });
    assert.ok(opened.opened);
    const tree = await f.core.call('workspaceTree', { id: opened.info.id });
    assert.equal(tree.items.length, 10_000);
    assert.ok(tree.problems.some((p) => /more than 10000 items/.test(p.message)), JSON.stringify(tree.problems));
    await f.core.call('closeWorkspace', { id: opened.info.id });
  });
});
