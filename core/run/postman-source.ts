// `inetscope run FILE` for a Postman collection file (v2.0/v2.1): the app's own importer
// (planCollection, the import's writes) puts it into a workspace in a temp dir, with its own
// data dir for the secrets the collection's secret variables carry; the run reads that
// workspace like any other, and the temp dir is removed after the run. A file that is not a
// Postman collection refuses the run, naming the file and what it is.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_IMPORT_FILE_BYTES, type ImportNote } from '../../contract/import.js';
import { WorkspaceFileSchema } from '../../contract/workspace.js';
import { writeFileAtomic } from '../atomic-file.js';
import { CommandFailure, type Log } from '../command-failure.js';
import { kindOf } from '../import/import-file.js';
import { writeFolder } from '../import/import-service.js';
import { planCollection } from '../import/postman-collection.js';
import { WORKSPACE_FILE } from '../workspace/item-names.js';
import { workspaceIdFor } from '../workspace/registry.js';
import { WorkspaceService } from '../workspace/workspace-service.js';
import { toYaml } from '../workspace/yaml-file.js';
import { RunRefused } from './run-plan.js';

export interface CollectionWorkspace {
  /** The temp workspace's folder and the data dir its secrets are in. */
  root: string;
  dataDir: string;
  /** What the import could not carry over, per item. */
  notes: ImportNote[];
  /** Removes the temp dir. */
  remove(): Promise<void>;
}

/** The JSON of a file given on the command line, within the import's bound. */
export async function readJsonFile(file: string, what: string): Promise<unknown> {
  const st = await fs.stat(file).catch(() => undefined);
  if (!st?.isFile()) throw new RunRefused(`${what} ${file}: ${st ? 'not a file' : 'no such file'}`);
  if (st.size > MAX_IMPORT_FILE_BYTES) throw new RunRefused(`${what} ${file} is ${st.size} bytes; at most ${MAX_IMPORT_FILE_BYTES} are read`);
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RunRefused(`${what} ${file} is not JSON: ${(e as Error).message}`);
  }
}

/** Whether PATH names a file (a collection) rather than a workspace folder. */
export async function isFile(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => undefined))?.isFile() ?? false;
}

export async function importCollectionFile(file: string, log: Log): Promise<CollectionWorkspace> {
  const json = await readJsonFile(file, 'the collection');
  const kind = refusing(file, () => kindOf(json));
  if (kind !== 'postman-collection') throw new RunRefused(`${file} is not a Postman collection (it reads as ${kind.replace('-', ' ')}): give a workspace folder, a folder in one, or a Postman collection file (v2.0/v2.1)`);
  const { root } = refusing(file, () => planCollection(json));
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'inetscope-collection-'));
  const remove = () => fs.rm(tmp, { recursive: true, force: true });
  try {
    const dir = path.join(tmp, 'workspace');
    await fs.mkdir(dir);
    // The run is reported under the collection's own name (the folder's is made portable).
    const given = (json as { info?: { name?: unknown } }).info?.name;
    const name = typeof given === 'string' && given.trim() ? [...given.trim()].slice(0, 200).join('') : root.name;
    await writeFileAtomic(path.join(dir, WORKSPACE_FILE), toYaml(WorkspaceFileSchema.parse({ name })));
    const dataDir = path.join(tmp, 'data');
    const w = await WorkspaceService.create({ dataDir, log, push: () => {}, folders: [dir] });
    const notes: ImportNote[] = [];
    try {
      const realDir = await fs.realpath(dir);
      await writeFolder(w, workspaceIdFor(realDir), '', root, undefined, notes);
      return { root: realDir, dataDir, notes, remove };
    } finally {
      w.dispose();
    }
  } catch (e) {
    await remove();
    if (e instanceof CommandFailure) throw new RunRefused(`${file}: ${e.message}`);
    throw e;
  }
}

function refusing<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new RunRefused(`${file}: ${(e as Error).message}`);
  }
}
