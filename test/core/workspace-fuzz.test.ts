// Property: whatever names and paths the page sends to the workspace commands of a real
// AppCore, each answers or refuses with a CommandFailure (never a raw fs error), every
// file the app wrote reads back without a problem, and nothing lands outside the folder.
// FUZZ_SEED=<seed> replays a run, FUZZ_RUNS changes the count.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { CommandFailure } from '../../core/app-core.js';
import { draft, startWorkspaceCore, type WorkspaceFixture } from './workspace-support.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const params = { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) };

let f: WorkspaceFixture;
before(async () => (f = await startWorkspaceCore()));
after(async () => {
  await f?.close();
  if (f) fs.rmSync(f.tmp, { recursive: true, force: true });
});

/** Names biased to what file systems care about: separators, dots, device names, case, non-ASCII, long. */
const name = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom('CON', 'con.txt', 'LPT¹', 'a/b', 'a\\b', 'x.', 'x ', ' .hidden', '..', 'workspace', 'FOLDER', 'Ä', 'A\u0308', 'é', 'É', 'a:b', 'x'.repeat(200)),
  fc.string({ unit: fc.constantFrom('a', 'A', '.', ' ', '/', '\\', ':', '*', '?', '"', '<', '>', '|', '\u0001', 'é', '𝄞'), minLength: 1, maxLength: 12 }),
);

/** Paths of what exists now, plus made-up ones. */
function knownPaths(): string[] {
  const out: string[] = [''];
  const walk = (rel: string): void => {
    for (const d of fs.readdirSync(path.join(f.root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${d.name}` : d.name;
      out.push(p);
      if (d.isDirectory()) walk(p);
    }
  };
  walk('');
  return out;
}

type Op = { op: 'save' | 'overwrite' | 'folder' | 'rename' | 'duplicate' | 'move' | 'delete'; pick: number; pick2: number; name: string; seq: number | undefined };
const op: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom('save', 'overwrite', 'folder', 'rename', 'duplicate', 'move', 'delete'),
  pick: fc.nat(),
  pick2: fc.nat(),
  name,
  seq: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
});

async function run(o: Op): Promise<void> {
  const paths = [...knownPaths(), 'nope', 'nope/x.yaml', 'workspace.yaml', 'new.yaml'];
  const a = paths[o.pick % paths.length]!;
  const b = paths[o.pick2 % paths.length]!;
  const id = f.id;
  const calls = {
    save: () => f.core.call('saveRequest', { id, folder: a, saved: { name: o.name, request: draft('http://h/{{x}}') } }),
    overwrite: () => f.core.call('saveRequest', { id, path: a, baseVersion: 'any', overwrite: true, saved: { name: o.name, request: draft('http://h/') } }),
    folder: () => f.core.call('createFolder', { id, parent: a, name: o.name }),
    rename: () => f.core.call('renameItem', { id, path: a, name: o.name }),
    duplicate: () => f.core.call('duplicateItem', { id, path: a }),
    move: () => f.core.call('moveItem', { id, path: a, toFolder: b, ...(o.seq !== undefined ? { seq: o.seq } : {}) }),
    delete: async () => {
      const { undoToken } = await f.core.call('deleteItem', { id, path: a });
      if (o.pick2 % 2 === 0) await f.core.call('undoDelete', { undoToken });
    },
  };
  try {
    await calls[o.op]();
  } catch (e) {
    if (!(e instanceof CommandFailure)) throw new Error(`${o.op} ${JSON.stringify([a, b, o.name])}: ${String(e)}`, { cause: e });
    assert.ok(e.message.length > 0);
  }
}

it('every workspace command answers or refuses by name; what it wrote reads back; nothing escapes the folder', { timeout: 300_000 }, async () => {
  const outside = new Set(fs.readdirSync(f.tmp));
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
      for (const o of ops) await run(o);
      const tree = await f.core.call('workspaceTree', { id: f.id });
      assert.deepEqual(tree.problems, [], JSON.stringify(ops));
    }),
    params,
  );
  assert.deepEqual(new Set(fs.readdirSync(f.tmp)), outside);
});
