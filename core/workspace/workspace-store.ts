// One open workspace folder: reading its tree and requests, and every write the commands
// make. Each write is atomic (core/atomic-file.ts), re-checks the folder as it is now (names
// taken, a file changed since it was loaded), and never rewrites a file it cannot parse.
// A folder that turns out read-only (EACCES, EPERM, EROFS) marks the workspace read-only
// and the write is refused with READ_ONLY naming the folder.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Scripts } from '../../contract/scripts.js';
import type { Environment, Variable } from '../../contract/variables.js';
import { SavedRequestSchema, type SavedRequest, type WorkspaceInfo, type WorkspaceProblem, type WorkspaceTree } from '../../contract/workspace.js';
import { writeFileAtomic } from '../atomic-file.js';
import { CommandFailure } from '../command-failure.js';
import { FolderFileSchema, SavedRequestFileSchema, WorkspaceFileSchema, withoutSessionTokens } from './file-schemas.js';
import { assertFolder, assertNoLinks, assertRequestPath, baseOf, isReadOnlyError, parentOf, readIfExists, readRequestFile } from './fs-ops.js';
import { copyName, FOLDER_FILE, folderDirName, requestFileName, sameFileKey, WORKSPACE_FILE } from './item-names.js';
import { absPath, joinPath, readFolder, readOptional, readTree } from './tree-reader.js';
import { parseYamlFile, toYaml, versionOf } from './yaml-file.js';

const q = JSON.stringify;

export class WorkspaceStore {
  /** The workspace file's name, as of the last read of the tree. */
  private name: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly id: string,
    readonly root: string,
    private readOnly: boolean,
  ) {
    this.name = path.basename(root);
  }

  info(): WorkspaceInfo {
    return { id: this.id, name: this.name, location: this.root, readOnly: this.readOnly };
  }

  async tree(): Promise<WorkspaceTree> {
    const tree = await readTree(this.root, this.info());
    this.name = tree.info.name;
    return tree;
  }

  async load(rel: string): Promise<{ saved: SavedRequest; version: string }> {
    await assertNoLinks(this.root, rel);
    const bytes = await readRequestFile(this.abs(rel), rel);
    return { saved: parseOrRefuse(bytes, rel), version: versionOf(bytes) };
  }

  /** Over the request at `rel`, if its file is still at `baseVersion` (or `overwrite`). */
  saveAt(rel: string, baseVersion: string, overwrite: boolean, saved: SavedRequest): Promise<{ path: string; version: string }> {
    return this.writing([rel], async () => {
      assertRequestPath(rel);
      await assertFolder(this.abs(parentOf(rel)), parentOf(rel));
      const current = await readIfExists(this.abs(rel));
      if (!current && !overwrite) throw new CommandFailure('NOT_FOUND', `${rel} is no longer in the workspace (deleted or moved on disk): save it with overwrite to write it again`);
      if (current && versionOf(current) !== baseVersion && !overwrite) {
        throw new CommandFailure('CONFLICT', `${rel} changed on disk since it was loaded: reload it, or overwrite the file with this version`);
      }
      const before = current ? parseYamlFile(current, rel, SavedRequestFileSchema) : undefined;
      if (!before?.ok || before.value.name !== saved.name) await this.assertFree(parentOf(rel), 'request', saved.name, baseOf(rel), rel);
      const seq = saved.seq ?? (before?.ok ? before.value.seq : undefined);
      // A save that names no assertions (a tab from before the editor) keeps the file's own; [] removes them.
      const assertions = saved.assertions ?? (before?.ok ? before.value.assertions : undefined);
      // Nor for scripts: a save keeps the file's own.
      const scripts = saved.scripts ?? (before?.ok ? before.value.scripts : undefined);
      return { path: rel, version: await this.writeRequest(rel, { ...saved, ...(seq !== undefined ? { seq } : {}), ...(assertions ? { assertions } : {}), ...(scripts ? { scripts } : {}) }) };
    });
  }

  /** A new request in `folder`, stored under its portable name. */
  saveNew(folder: string, saved: SavedRequest): Promise<{ path: string; version: string }> {
    return this.writing([folder], async () => {
      await assertFolder(this.abs(folder), folder);
      const fileName = requestFileName(saved.name);
      await this.assertFree(folder, 'request', saved.name, fileName);
      const rel = joinPath(folder, fileName);
      return { path: rel, version: await this.writeRequest(rel, saved) };
    });
  }

  createFolder(parent: string, name: string): Promise<{ path: string }> {
    return this.writing([parent], async () => {
      await assertFolder(this.abs(parent), parent);
      const dir = folderDirName(name);
      await this.assertFree(parent, 'folder', dir, dir);
      const rel = joinPath(parent, dir);
      await fs.mkdir(this.abs(rel));
      return { path: rel };
    });
  }

  rename(rel: string, name: string): Promise<{ path: string }> {
    notRoot(rel, 'renamed (rename its folder outside the app)');
    return this.writing([rel], async () => {
      const parent = parentOf(rel);
      if (await this.isFolder(rel)) {
        const dir = folderDirName(name);
        await this.assertFree(parent, 'folder', dir, dir, rel);
        await fs.rename(this.abs(rel), this.abs(joinPath(parent, dir)));
        return { path: joinPath(parent, dir) };
      }
      const { saved } = await this.load(rel);
      const fileName = requestFileName(name);
      await this.assertFree(parent, 'request', name, fileName, rel);
      const next = joinPath(parent, fileName);
      // Renamed first: on a case-insensitive disk "a.yaml" and "A.yaml" are one file.
      if (next !== rel) await fs.rename(this.abs(rel), this.abs(next));
      await this.writeRequest(next, { ...saved, name });
      return { path: next };
    });
  }

  /** "<name> copy" beside the original (a folder with all it holds). */
  duplicate(rel: string): Promise<{ path: string }> {
    notRoot(rel, 'duplicated');
    return this.writing([rel], async () => {
      const parent = parentOf(rel);
      const folder = await this.isFolder(rel);
      const taken = await this.takenIn(parent);
      if (folder) {
        const dir = copyName(baseOf(rel), (c) => taken.files.has(sameFileKey(c)));
        const next = joinPath(parent, dir);
        await fs.cp(this.abs(rel), this.abs(next), { recursive: true, errorOnExist: true, force: false });
        return { path: next };
      }
      const { saved } = await this.load(rel);
      const name = copyName(saved.name, (c) => taken.names.has(c.toLowerCase()) || taken.files.has(sameFileKey(requestFileName(c))));
      const next = joinPath(parent, requestFileName(name));
      await this.writeRequest(next, { ...saved, name });
      return { path: next };
    });
  }

  /** Into `toFolder` at `seq` among its items (absent: last); the siblings' seq is renumbered. */
  move(rel: string, toFolder: string, seq: number | undefined): Promise<{ path: string }> {
    notRoot(rel, 'moved');
    return this.writing([rel, toFolder], async () => {
      const folder = await this.isFolder(rel);
      if (!folder) await readRequestFile(this.abs(rel), rel);
      await assertFolder(this.abs(toFolder), toFolder);
      if (folder && (toFolder === rel || toFolder.startsWith(`${rel}/`))) throw new CommandFailure('BAD_INPUT', `cannot move the folder ${rel} into itself`);
      let next = rel;
      if (parentOf(rel) !== toFolder) {
        const name = folder ? baseOf(rel) : (await this.load(rel)).saved.name;
        await this.assertFree(toFolder, folder ? 'folder' : 'request', name, baseOf(rel));
        next = joinPath(toFolder, baseOf(rel));
        await fs.rename(this.abs(rel), this.abs(next));
      }
      await this.renumber(toFolder, next, seq);
      return { path: next };
    });
  }

  /** Moves the item out of the workspace to `into` (the trash). */
  moveOut(rel: string, into: string, move: (src: string, dst: string) => Promise<void>): Promise<void> {
    notRoot(rel, 'deleted from inside it');
    return this.writing([rel], async () => {
      if (!(await this.isFolder(rel))) await readRequestFile(this.abs(rel), rel);
      await move(this.abs(rel), into);
    });
  }

  /** Brings back what moveOut took, unless something took its place meanwhile. */
  moveIn(rel: string, from: string, move: (src: string, dst: string) => Promise<void>): Promise<{ path: string }> {
    return this.writing([rel], async () => {
      const taken = await this.takenIn(parentOf(rel)).catch(() => undefined);
      if (taken?.files.has(sameFileKey(baseOf(rel)))) throw new CommandFailure('NAME_TAKEN', `cannot restore ${rel}: something else is stored there now`);
      await fs.mkdir(this.abs(parentOf(rel)), { recursive: true });
      await move(from, this.abs(rel));
      return { path: rel };
    });
  }

  /** The variables of the workspace (folder undefined) or a folder, secrets' values already
   * blanked; a folder's `seq` (an import places it) else the one its file has. Returns the
   * names of the environments the workspace file had before. */
  writeVariables(folder: string | undefined, variables: Variable[], environments: Environment[] | undefined, seq?: number, scripts?: Scripts): Promise<string[]> {
    return this.writing([folder ?? ''], async () => {
      const problems: WorkspaceProblem[] = [];
      if (folder === undefined || folder === '') {
        const current = await readOptional(this.root, WORKSPACE_FILE, WorkspaceFileSchema, problems);
        refuseMalformed(problems);
        const file = WorkspaceFileSchema.parse({ name: current?.name ?? this.name, variables, environments: environments ?? current?.environments ?? [], ...scriptsOf(scripts ?? current?.scripts) });
        await writeFileAtomic(this.abs(WORKSPACE_FILE), toYaml(file));
        return (current?.environments ?? []).map((e) => e.name);
      }
      await assertFolder(this.abs(folder), folder);
      const rel = joinPath(folder, FOLDER_FILE);
      const current = await readOptional(this.root, rel, FolderFileSchema, problems);
      refuseMalformed(problems);
      await writeFileAtomic(this.abs(rel), toYaml(FolderFileSchema.parse({ variables, seq: seq ?? current?.seq, ...scriptsOf(scripts ?? current?.scripts) })));
      return [];
    });
  }

  abs(rel: string): string {
    return absPath(this.root, rel);
  }

  private async writeRequest(rel: string, saved: SavedRequest): Promise<string> {
    // A request without assertions writes no key.
    const { assertions, ...rest } = saved;
    const text = toYaml(SavedRequestSchema.parse(withoutSessionTokens(assertions?.length ? saved : rest)));
    await writeFileAtomic(this.abs(rel), text);
    return versionOf(text);
  }

  /** The order of `folder` with `rel` placed at `seq` (absent: last), written where it changed. */
  private async renumber(folder: string, rel: string, seq: number | undefined): Promise<void> {
    const { entries } = await readFolder(this.root, folder);
    const moved = entries.find((e) => e.path === rel);
    if (!moved) return;
    const others = entries.filter((e) => e !== moved);
    const at = Math.min(seq ?? others.length, others.length);
    const order = [...others.slice(0, at), moved, ...others.slice(at)];
    for (const [i, e] of order.entries()) {
      if (e.seq === i) continue;
      if (e.kind === 'request') {
        const { saved } = await this.load(e.path);
        await this.writeRequest(e.path, { ...saved, seq: i });
        continue;
      }
      const problems: WorkspaceProblem[] = [];
      const fileRel = joinPath(e.path, FOLDER_FILE);
      const current = await readOptional(this.root, fileRel, FolderFileSchema, problems);
      // A malformed folder.yaml is reported, never rewritten: that folder keeps its place by name.
      if (problems.length === 0) await writeFileAtomic(this.abs(fileRel), toYaml(FolderFileSchema.parse({ variables: current?.variables ?? [], seq: i, ...scriptsOf(current?.scripts) })));
    }
  }

  /** NAME_TAKEN naming both items if `fileName` (or, for a request, `name`) is used in `folder`. */
  private async assertFree(folder: string, kind: 'folder' | 'request', name: string, fileName: string, except?: string): Promise<void> {
    const where = folder === '' ? 'the workspace root' : `the folder ${folder}`;
    const taken = await this.takenIn(folder, except);
    const byFile = taken.files.get(sameFileKey(fileName));
    if (byFile !== undefined) throw new CommandFailure('NAME_TAKEN', `${q(name)} would be stored as ${fileName} in ${where}, which ${byFile} already uses`);
    const byName = kind === 'request' ? taken.names.get(name.toLowerCase()) : undefined;
    if (byName !== undefined) throw new CommandFailure('NAME_TAKEN', `${where} already has a request named ${q(name)} (${byName})`);
  }

  /** Every file name in `folder` (malformed files too) and its requests' names, each with the path that uses it. */
  private async takenIn(folder: string, except?: string): Promise<{ files: Map<string, string>; names: Map<string, string> }> {
    const files = new Map<string, string>();
    for (const f of await fs.readdir(this.abs(folder))) if (joinPath(folder, f) !== except) files.set(sameFileKey(f), joinPath(folder, f));
    const names = new Map<string, string>();
    for (const e of (await readFolder(this.root, folder)).entries) if (e.kind === 'request' && e.path !== except) names.set(e.name.toLowerCase(), e.path);
    return { files, names };
  }

  private async isFolder(rel: string): Promise<boolean> {
    const st = await fs.stat(this.abs(rel)).catch(() => undefined);
    if (!st) throw new CommandFailure('NOT_FOUND', `there is nothing at ${rel} in the workspace`);
    return st.isDirectory();
  }

  /** Runs a write on `paths` (none through a link); a read-only folder refuses it with READ_ONLY (and is remembered as such). */
  private writing<T>(paths: string[], op: () => Promise<T>): Promise<T> {
    // One write at a time: two saves of one name must not both pass the check for it.
    const run = this.queue.then(() => this.write(paths, op));
    this.queue = run.catch(() => {});
    return run;
  }

  private async write<T>(paths: string[], op: () => Promise<T>): Promise<T> {
    if (this.readOnly) throw this.readOnlyFailure();
    for (const rel of paths) await assertNoLinks(this.root, rel);
    try {
      return await op();
    } catch (e) {
      if (!isReadOnlyError(e)) throw e;
      this.readOnly = true;
      throw this.readOnlyFailure();
    }
  }

  private readOnlyFailure(): CommandFailure {
    return new CommandFailure('READ_ONLY', `the workspace folder ${this.root} is read-only: nothing can be saved there (copy it to a writable place to edit it)`);
  }
}

function parseOrRefuse(bytes: Buffer, rel: string): SavedRequest {
  const parsed = parseYamlFile(bytes, rel, SavedRequestFileSchema);
  if (!parsed.ok) throw new CommandFailure('MALFORMED', `${parsed.problem.message} (the file is left as it is; fix it in an editor)`);
  return parsed.value;
}

/** The root is the workspace itself, not an item in it. */
function notRoot(rel: string, what: string): void {
  if (rel === '') throw new CommandFailure('BAD_INPUT', `the workspace itself cannot be ${what}`);
}

function refuseMalformed(problems: WorkspaceProblem[]): void {
  const p = problems[0];
  if (p) throw new CommandFailure('MALFORMED', `${p.message} (the file is left as it is; fix it in an editor first)`);
}

/** A folder's or the workspace's scripts kept across a rewrite of its file (absent when it has none). */
function scriptsOf(scripts: Scripts | undefined): { scripts?: Scripts } {
  return scripts && (scripts.prerequest !== undefined || scripts.test !== undefined) ? { scripts } : {};
}
