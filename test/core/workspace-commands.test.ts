// The workspace commands on a real AppCore and real folders: a change on disk pushed, the
// app's own save pushed once, a conflict detected and overwritten on request, delete and
// undo, moves across folders with seq renumbered, duplicates, the recent list across a
// restart, and a read-only workspace refusing writes with READ_ONLY.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AppCore } from '../../core/app-core.js';
import { draft, failsWith, makeReadOnly, pushedTree, startWorkspaceCore, type WorkspaceFixture } from './workspace-support.js';

let f: WorkspaceFixture;
before(async () => (f = await startWorkspaceCore()));
after(async () => {
  await f?.close();
  if (f) fs.rmSync(f.tmp, { recursive: true, force: true });
});

const save = (name: string, folder = '', url = 'http://h/') => f.core.call('saveRequest', { id: f.id, folder, saved: { name, request: draft(url) } });
const paths = async () => (await f.core.call('workspaceTree', { id: f.id })).items.map((i) => i.path);

describe('watching', () => {
  it('a file written on disk is pushed (within 5 s), and so is an edit to it', async () => {
    const from = f.trees.length;
    fs.writeFileSync(path.join(f.root, 'From disk.yaml'), 'name: From disk\nrequest:\n  url: http://h/disk\n');
    await pushedTree(f, from, (t) => t.items.some((i) => i.kind === 'request' && i.url === 'http://h/disk'));
    const next = f.trees.length;
    fs.writeFileSync(path.join(f.root, 'From disk.yaml'), 'name: From disk\nrequest:\n  url: http://h/edited\n');
    await pushedTree(f, next, (t) => t.items.some((i) => i.kind === 'request' && i.url === 'http://h/edited'));
  });

  it('a new folder with a file in it (a git pull) is pushed, and so is a file written later inside it', async () => {
    const from = f.trees.length;
    fs.mkdirSync(path.join(f.root, 'Pulled', 'Deep'), { recursive: true });
    fs.writeFileSync(path.join(f.root, 'Pulled', 'Deep', 'one.yaml'), 'name: one\nrequest:\n  url: http://h/one\n');
    await pushedTree(f, from, (t) => t.items.some((i) => i.path === 'Pulled/Deep/one.yaml'));
    const next = f.trees.length;
    fs.writeFileSync(path.join(f.root, 'Pulled', 'Deep', 'two.yaml'), 'name: two\nrequest:\n  url: http://h/two\n');
    await pushedTree(f, next, (t) => t.items.some((i) => i.path === 'Pulled/Deep/two.yaml'));
  });

  it('a file the app saved (an atomic rename over it) and then edited on disk is pushed', async () => {
    const { path: rel } = await save('Saved then edited');
    // Saved over: the file is replaced by a rename (a new inode under the same name).
    const { saved, version } = await f.core.call('loadSavedRequest', { id: f.id, path: rel });
    await f.core.call('saveRequest', { id: f.id, path: rel, baseVersion: version, saved: { ...saved, request: { ...saved.request, url: 'http://h/saved-again' } } });
    await pushedTree(f, 0, (t) => t.items.some((i) => i.kind === 'request' && i.url === 'http://h/saved-again'));
    const from = f.trees.length;
    fs.writeFileSync(path.join(f.root, rel), 'name: Saved then edited\nrequest:\n  url: http://h/by-editor\n');
    await pushedTree(f, from, (t) => t.items.some((i) => i.kind === 'request' && i.url === 'http://h/by-editor'));
  });

  it("the app's own save is pushed once", async () => {
    const from = f.trees.length;
    const { version } = await save('Own save');
    await pushedTree(f, from, (t) => t.items.some((i) => i.kind === 'request' && i.version === version));
    // A later change on disk: its push comes after any the save could still cause.
    fs.mkdirSync(path.join(f.root, 'Marker'));
    await pushedTree(f, from, (t) => t.items.some((i) => i.path === 'Marker'));
    const withSave = f.trees.slice(from).filter((t) => t.items.some((i) => i.kind === 'request' && i.version === version) && !t.items.some((i) => i.path === 'Marker'));
    assert.equal(withSave.length, 1);
  });
});

describe('conflicts', () => {
  it('a save over a file changed on disk is CONFLICT naming it; overwrite then works', async () => {
    const { path: rel } = await save('Conflicted');
    const { saved, version } = await f.core.call('loadSavedRequest', { id: f.id, path: rel });
    fs.writeFileSync(path.join(f.root, rel), 'name: Conflicted\nrequest:\n  url: http://h/theirs\n');
    const mine = { ...saved, request: { ...saved.request, url: 'http://h/mine' } };
    await failsWith(f.core.call('saveRequest', { id: f.id, path: rel, baseVersion: version, saved: mine }), 'CONFLICT', /Conflicted\.yaml changed on disk/);
    assert.match(fs.readFileSync(path.join(f.root, rel), 'utf8'), /theirs/);
    await f.core.call('saveRequest', { id: f.id, path: rel, baseVersion: version, overwrite: true, saved: mine });
    assert.equal((await f.core.call('loadSavedRequest', { id: f.id, path: rel })).saved.request.url, 'http://h/mine');
  });

  it('two saves of one new name at once: one is written, the other is NAME_TAKEN', async () => {
    const results = await Promise.allSettled([save('Twice', '', 'http://h/1'), save('Twice', '', 'http://h/2')]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.match((refused.reason as Error).message, /Twice\.yaml/);
  });

  it('a save over a file deleted on disk is NOT_FOUND unless overwrite', async () => {
    const { path: rel, version } = await save('Gone');
    fs.rmSync(path.join(f.root, rel));
    const saved = { name: 'Gone', request: draft('http://h/') };
    await failsWith(f.core.call('saveRequest', { id: f.id, path: rel, baseVersion: version, saved }), 'NOT_FOUND', /Gone\.yaml is no longer/);
    await f.core.call('saveRequest', { id: f.id, path: rel, baseVersion: version, overwrite: true, saved });
    assert.ok(fs.existsSync(path.join(f.root, rel)));
  });
});

describe('organising', () => {
  before(async () => {
    await f.core.call('createFolder', { id: f.id, parent: '', name: 'One' });
    await f.core.call('createFolder', { id: f.id, parent: '', name: 'Two' });
    for (const n of ['a', 'b', 'c']) await save(n, 'Two');
    await save('moving', 'One');
  });

  it('delete moves into the trash; undo brings back the same bytes', async () => {
    const bytes = fs.readFileSync(path.join(f.root, 'One', 'moving.yaml'));
    const { undoToken } = await f.core.call('deleteItem', { id: f.id, path: 'One/moving.yaml' });
    assert.ok(!fs.existsSync(path.join(f.root, 'One', 'moving.yaml')));
    assert.ok(fs.existsSync(path.join(f.tmp, 'data', 'trash', undoToken, 'moving.yaml')));
    assert.deepEqual(await f.core.call('undoDelete', { undoToken }), { path: 'One/moving.yaml' });
    assert.deepEqual(fs.readFileSync(path.join(f.root, 'One', 'moving.yaml')), bytes);
    await failsWith(f.core.call('undoDelete', { undoToken }), 'NOT_FOUND', /nothing to undo/);
  });

  it('a folder is deleted and restored with all it holds', async () => {
    await save('inside', 'One');
    const { undoToken } = await f.core.call('deleteItem', { id: f.id, path: 'One' });
    assert.ok(!(await paths()).includes('One/inside.yaml'));
    await f.core.call('undoDelete', { undoToken });
    assert.ok((await paths()).includes('One/inside.yaml'));
  });

  it('move across folders at a seq renumbers the new siblings', async () => {
    assert.deepEqual(await f.core.call('moveItem', { id: f.id, path: 'One/moving.yaml', toFolder: 'Two', seq: 1 }), { path: 'Two/moving.yaml' });
    const inTwo = (await paths()).filter((p) => p.startsWith('Two/'));
    assert.deepEqual(inTwo, ['Two/a.yaml', 'Two/moving.yaml', 'Two/b.yaml', 'Two/c.yaml']);
    const seqs = await Promise.all(inTwo.map(async (p) => (await f.core.call('loadSavedRequest', { id: f.id, path: p })).saved.seq));
    assert.deepEqual(seqs, [0, 1, 2, 3]);
    await f.core.call('moveItem', { id: f.id, path: 'Two/c.yaml', toFolder: 'Two', seq: 0 });
    assert.deepEqual((await paths()).filter((p) => p.startsWith('Two/')), ['Two/c.yaml', 'Two/a.yaml', 'Two/moving.yaml', 'Two/b.yaml']);
  });

  it('a folder moves (not into itself); a name taken in the target is refused', async () => {
    await f.core.call('createFolder', { id: f.id, parent: 'One', name: 'Sub' });
    await failsWith(f.core.call('moveItem', { id: f.id, path: 'One', toFolder: 'One/Sub' }), 'BAD_INPUT', /into itself/);
    assert.deepEqual(await f.core.call('moveItem', { id: f.id, path: 'One/Sub', toFolder: 'Two' }), { path: 'Two/Sub' });
    await save('a', 'One');
    await failsWith(f.core.call('moveItem', { id: f.id, path: 'One/a.yaml', toFolder: 'Two' }), 'NAME_TAKEN', /Two\/a\.yaml/);
  });

  it('duplicate: "<name> copy", then "<name> copy 2"; a folder with its contents', async () => {
    assert.deepEqual(await f.core.call('duplicateItem', { id: f.id, path: 'Two/a.yaml' }), { path: 'Two/a copy.yaml' });
    assert.deepEqual(await f.core.call('duplicateItem', { id: f.id, path: 'Two/a.yaml' }), { path: 'Two/a copy 2.yaml' });
    assert.equal((await f.core.call('loadSavedRequest', { id: f.id, path: 'Two/a copy 2.yaml' })).saved.name, 'a copy 2');
    assert.deepEqual(await f.core.call('duplicateItem', { id: f.id, path: 'One' }), { path: 'One copy' });
    assert.ok((await paths()).includes('One copy/a.yaml'));
  });

  it('rename a request (its file follows) and a folder', async () => {
    assert.deepEqual(await f.core.call('renameItem', { id: f.id, path: 'Two/b.yaml', name: 'B' }), { path: 'Two/B.yaml' });
    assert.equal((await f.core.call('loadSavedRequest', { id: f.id, path: 'Two/B.yaml' })).saved.name, 'B');
    assert.deepEqual(await f.core.call('renameItem', { id: f.id, path: 'One copy', name: 'Three' }), { path: 'Three' });
    await failsWith(f.core.call('renameItem', { id: f.id, path: 'Nope.yaml', name: 'x' }), 'NOT_FOUND', /Nope\.yaml/);
  });
});

describe('where workspaces come from', () => {
  it('a folder from the dialog opens, closes into the recent list, reopens by id and after a restart', async () => {
    const folder = path.join(f.tmp, 'picked');
    fs.mkdirSync(folder);
    f.pick.folder = folder;
    const opened = await f.core.call('openWorkspace', { choose: 'dialog' });
    assert.ok(opened.opened);
    const { id } = opened.info;
    assert.equal(opened.info.name, 'picked');
    assert.deepEqual((await f.core.call('listWorkspaces', {})).open.map((w) => w.id), [f.id, id]);
    assert.deepEqual(await f.core.call('closeWorkspace', { id }), { closed: true });
    assert.deepEqual((await f.core.call('listWorkspaces', {})).recent.map((w) => w.id), [id]);
    await f.core.call('openWorkspace', { id });
    // A second core on the same data dir (after this one closes) opens it again: same id.
    await f.core.close();
    const core = await AppCore.create({ dataDir: path.join(f.tmp, 'data'), hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined }, log: () => {} });
    try {
      assert.deepEqual((await core.call('listWorkspaces', {})).open.map((w) => w.id), [f.id, id]);
      await failsWith(core.call('openWorkspace', { choose: 'dialog' }), 'NO_FOLDER_DIALOG', /--workspace DIR/);
      await failsWith(core.call('closeWorkspace', { id: f.id }), 'BAD_INPUT', /default workspace/);
    } finally {
      await core.close();
    }
    f = await startWorkspaceCore(f.tmp);
  });

  it('a folder that does not exist, or a file, is a clear error; the dialog cancelled is opened:false', async () => {
    f.pick.folder = path.join(f.tmp, 'missing');
    await failsWith(f.core.call('openWorkspace', { choose: 'dialog' }), 'NOT_FOUND', /missing does not exist/);
    fs.writeFileSync(path.join(f.tmp, 'file'), '');
    f.pick.folder = path.join(f.tmp, 'file');
    await failsWith(f.core.call('openWorkspace', { choose: 'dialog' }), 'BAD_INPUT', /file is not a folder/);
    delete f.pick.folder;
    assert.deepEqual(await f.core.call('openWorkspace', { choose: 'dialog' }), { opened: false });
    await failsWith(f.core.call('openWorkspace', { id: 'unknown' }), 'NOT_FOUND', /no workspace with id unknown/);
  });

  it('a read-only folder opens read-only and refuses writes with READ_ONLY naming it', async () => {
    const folder = path.join(f.tmp, 'readonly');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'kept.yaml'), 'name: Kept\nrequest:\n  url: http://h/\n');
    const undo = makeReadOnly(folder);
    try {
      f.pick.folder = folder;
      const opened = await f.core.call('openWorkspace', { choose: 'dialog' });
      assert.ok(opened.opened && opened.info.readOnly);
      const { id } = opened.info;
      const saved = { name: 'New', request: draft('http://h/') };
      await failsWith(f.core.call('saveRequest', { id, folder: '', saved }), 'READ_ONLY', new RegExp(`${folder} is read-only`));
      await failsWith(f.core.call('deleteItem', { id, path: 'kept.yaml' }), 'READ_ONLY', /read-only/);
      await failsWith(f.core.call('saveVariables', { id, variables: [] }), 'READ_ONLY', /read-only/);
      assert.equal((await f.core.call('loadSavedRequest', { id, path: 'kept.yaml' })).saved.name, 'Kept');
      assert.deepEqual(fs.readdirSync(folder), ['kept.yaml']);
      await f.core.call('closeWorkspace', { id });
    } finally {
      undo();
    }
  });

  it('a folder that turns read-only after it opened: the write is READ_ONLY and the workspace is marked so', async () => {
    const folder = path.join(f.tmp, 'later-readonly');
    fs.mkdirSync(folder);
    f.pick.folder = folder;
    const opened = await f.core.call('openWorkspace', { choose: 'dialog' });
    assert.ok(opened.opened && !opened.info.readOnly);
    const undo = makeReadOnly(folder);
    try {
      const { id } = opened.info;
      await failsWith(f.core.call('createFolder', { id, parent: '', name: 'x' }), 'READ_ONLY', /later-readonly is read-only/);
      assert.equal((await f.core.call('listWorkspaces', {})).open.find((w) => w.id === id)?.readOnly, true);
      await f.core.call('closeWorkspace', { id });
    } finally {
      undo();
    }
  });
});
