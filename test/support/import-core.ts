// The AppCore an import suite drives: a real one on a temp data dir, made before the suite's
// tests and closed (its folder removed) after them; files are "picked" as the Electron
// picker gives them (set `pick.file`, then pickUploadFile).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import YAML from 'yaml';
import { randomUUID } from 'node:crypto';
import { AppCore } from '../../core/app-core.js';
import { finishedOf, recorder } from './core.js';

export interface ImportCore {
  tmp: string;
  core: AppCore;
  /** The default workspace: its id and its folder. */
  id: string;
  root: string;
  pick: { file?: string };
  /** A file token for `file`, as the picker gives one. */
  tokenFor(file: string): Promise<string>;
  /** The workspace's request `rel` sent through the core (curl engine) with `overrides`
   * (and an environment); asserts it finished with a 200. */
  sendSaved(rel: string, overrides: Array<{ name: string; value: string }>, environment?: string): Promise<void>;
  /** A file of the workspace, parsed as YAML. */
  yamlOf(rel: string): ReturnType<typeof YAML.parse>;
}

/** Registers the suite's before/after; the fields are set once `before` ran. */
export function importCore(prefix: string): ImportCore {
  const ctx = { pick: {} } as ImportCore;
  ctx.tokenFor = async (file) => {
    ctx.pick.file = file;
    const picked = await ctx.core.call('pickUploadFile', {});
    assert.ok(picked.picked);
    return picked.fileToken;
  };
  ctx.sendSaved = async (rel, overrides, environment) => {
    const { saved } = await ctx.core.call('loadSavedRequest', { id: ctx.id, path: rel });
    const reqId = randomUUID();
    const done = recorder(ctx.core).finished(reqId, 60_000);
    const context = { workspaceId: ctx.id, requestPath: rel, overrides, ...(environment ? { environment } : {}) };
    // About what the import carried over: a collection's scripts stay out of it.
    await ctx.core.call('sendRequest', { id: reqId, request: { ...saved.request, engine: 'curl' }, context, withoutScripts: true });
    assert.equal(finishedOf(await done).statusCode, 200);
  };
  ctx.yamlOf = (rel) => YAML.parse(fs.readFileSync(path.join(ctx.root, rel), 'utf8'));
  before(async () => {
    ctx.tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const hooks = { chooseSavePath: async () => undefined, chooseUploadFile: async () => ctx.pick.file };
    ctx.core = await AppCore.create({ dataDir: path.join(ctx.tmp, 'data'), hooks, log: () => {} });
    const info = (await ctx.core.call('listWorkspaces', {})).open[0]!;
    [ctx.id, ctx.root] = [info.id, info.location];
  });
  after(async () => {
    await ctx.core?.close();
    fs.rmSync(ctx.tmp, { recursive: true, force: true });
  });
  return ctx;
}
