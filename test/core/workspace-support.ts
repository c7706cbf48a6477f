// Helpers for the workspace suites: a real AppCore on a temp data dir, its default
// workspace, the workspace pushes it made, and a read-only folder that really refuses
// writes (chmod for a user; a read-only bind mount, or the immutable flag, for root).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WorkspaceTree } from '../../contract/workspace.js';
import { AppCore, CommandFailure } from '../../core/app-core.js';
import { until } from '../support/until.js';

export interface WorkspaceFixture {
  tmp: string;
  core: AppCore;
  /** The default workspace's id and folder. */
  id: string;
  root: string;
  trees: WorkspaceTree[];
  /** The folder the next openWorkspace {choose:'dialog'} answers with. */
  pick: { folder?: string };
  close(): Promise<void>;
}

export async function startWorkspaceCore(tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-ws-'))): Promise<WorkspaceFixture> {
  const pick: { folder?: string } = {};
  const hooks = { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined, chooseWorkspaceFolder: async () => pick.folder };
  const core = await AppCore.create({ dataDir: path.join(tmp, 'data'), hooks, log: () => {} });
  const trees: WorkspaceTree[] = [];
  core.onPush((p) => p.kind === 'workspace' && trees.push(p.tree));
  const info = (await core.call('listWorkspaces', {})).open[0]!;
  return { tmp, core, id: info.id, root: info.location, trees, pick, close: () => core.close() };
}

/** The first push (after `from`) whose tree passes `test`, waited for at most 5 s. */
export async function pushedTree(f: WorkspaceFixture, from: number, test: (t: WorkspaceTree) => boolean): Promise<WorkspaceTree> {
  const found = () => f.trees.slice(from).find(test);
  assert.ok(await until(() => found() !== undefined, 5000), 'no workspace push of the expected tree within 5 s');
  return found()!;
}

/** Rejects with a CommandFailure of `code` whose message matches `message`. */
export async function failsWith(p: Promise<unknown>, code: string, message: RegExp): Promise<CommandFailure> {
  const e = await p.then(
    () => assert.fail(`expected ${code}`),
    (err: unknown) => err,
  );
  assert.ok(e instanceof CommandFailure, String(e));
  assert.equal(e.code, code, e.message);
  assert.match(e.message, message);
  return e;
}

/** Makes `dir` refuse writes for this process; returns how to undo it. Never a silent skip: it throws if nothing works. */
export function makeReadOnly(dir: string): () => void {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555);
    return () => fs.chmodSync(dir, 0o755);
  }
  // root ignores permission bits: a read-only bind mount (EROFS), else the immutable flag (EPERM).
  let bound = false;
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
    bound = true;
    execFileSync('mount', ['-o', 'remount,ro,bind', dir], { stdio: 'ignore' });
    return () => execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    if (bound) execFileSync('umount', [dir], { stdio: 'ignore' });
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
    return () => execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  }
}

export const draft = (url: string, extra: Record<string, unknown> = {}) => ({ url, method: 'GET', ...extra });
