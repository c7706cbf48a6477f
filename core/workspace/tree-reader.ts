// Reading a workspace folder into the tree the page shows: collection order (a folder
// before its contents, siblings by seq then name), each request's version from its bytes,
// malformed files listed as problems and skipped. Bounded: files over 1 MiB are not parsed,
// at most MAX_ITEMS items are listed. Dot-entries (.git, our temp files) are not items.
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Variable } from '../../contract/variables.js';
import type { TreeItem, WorkspaceFile, WorkspaceInfo, WorkspaceProblem, WorkspaceTree } from '../../contract/workspace.js';
import { FolderFileSchema, maskSecrets, SavedRequestFileSchema, WorkspaceFileSchema } from './file-schemas.js';
import { FOLDER_FILE, REQUEST_EXT, WORKSPACE_FILE } from './item-names.js';
import { MAX_FILE_BYTES, parseYamlFile, versionOf } from './yaml-file.js';

export const MAX_ITEMS = 10_000;

/** One entry of a folder as the store works with it. */
export interface Entry {
  kind: 'folder' | 'request';
  /** Path in the workspace ('/'-separated). */
  path: string;
  /** The file's or directory's own name. */
  fileName: string;
  name: string;
  seq: number | undefined;
  method: string;
  url: string;
  version: string;
  folderVariables: Variable[];
}

export interface FolderRead {
  entries: Entry[];
  problems: WorkspaceProblem[];
}

export function joinPath(parent: string, child: string): string {
  return parent === '' ? child : `${parent}/${child}`;
}

export function absPath(root: string, rel: string): string {
  return rel === '' ? root : path.join(root, ...rel.split('/'));
}

/** Collection order: by seq (absent after the ordered ones), then by name, then by file. */
export function bySeqThenName(a: Entry, b: Entry): number {
  const sa = a.seq ?? Number.POSITIVE_INFINITY;
  const sb = b.seq ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const na = a.name.toLowerCase();
  const nb = b.name.toLowerCase();
  if (na !== nb) return na < nb ? -1 : 1;
  return a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0;
}

/** A folder's direct entries in collection order (at most `limit`), and its unreadable files. */
export async function readFolder(root: string, rel: string, limit = MAX_ITEMS): Promise<FolderRead> {
  const problems: WorkspaceProblem[] = [];
  const dirents = await fs.readdir(absPath(root, rel), { withFileTypes: true });
  const entries: Entry[] = [];
  for (const d of dirents.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entries.length >= limit) break;
    const entry = await readEntry(root, rel, d, problems);
    if (entry) entries.push(entry);
  }
  return { entries: entries.sort(bySeqThenName), problems };
}

async function readEntry(root: string, rel: string, d: Dirent, problems: WorkspaceProblem[]): Promise<Entry | undefined> {
  if (d.name.startsWith('.')) return undefined;
  const itemPath = joinPath(rel, d.name);
  const base = { path: itemPath, fileName: d.name, method: '', url: '', version: '', folderVariables: [] as Variable[] };
  if (d.isSymbolicLink()) {
    problems.push({ path: itemPath, message: `${itemPath} is a symbolic link: links are not followed in a workspace` });
    return undefined;
  }
  if (d.isDirectory()) {
    const folder = await readOptional(root, joinPath(itemPath, FOLDER_FILE), FolderFileSchema, problems);
    return { ...base, kind: 'folder', name: d.name, seq: folder?.seq, folderVariables: folder?.variables ?? [] };
  }
  if (!d.isFile() || !d.name.endsWith(REQUEST_EXT) || d.name === WORKSPACE_FILE || d.name === FOLDER_FILE) return undefined;
  const bytes = await readBounded(absPath(root, itemPath), itemPath, problems);
  if (!bytes) return undefined;
  const parsed = parseYamlFile(bytes, itemPath, SavedRequestFileSchema);
  if (!parsed.ok) return void problems.push(parsed.problem);
  const { name, seq, request } = parsed.value;
  return { ...base, kind: 'request', name, seq, method: request.method, url: request.url, version: versionOf(bytes) };
}

/** The file's bytes, or undefined with a problem if it is too big to read. */
async function readBounded(abs: string, rel: string, problems: WorkspaceProblem[]): Promise<Buffer | undefined> {
  const st = await fs.stat(abs);
  if (st.size > MAX_FILE_BYTES) {
    problems.push({ path: rel, message: `${rel} is ${st.size} bytes, over the ${MAX_FILE_BYTES} a workspace file may hold: not read` });
    return undefined;
  }
  return fs.readFile(abs);
}

/** An optional file (workspace.yaml, folder.yaml): undefined if absent or malformed (then a problem). */
export async function readOptional<S extends z.ZodType>(root: string, rel: string, schema: S, problems: WorkspaceProblem[]): Promise<z.infer<S> | undefined> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readBounded(absPath(root, rel), rel, problems);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (!bytes) return undefined;
  const parsed = parseYamlFile(bytes, rel, schema);
  if (parsed.ok) return parsed.value;
  problems.push(parsed.problem);
  return undefined;
}

/** The workspace file, or the defaults (named after the folder) if it is absent or malformed. */
export async function readWorkspaceFile(root: string, problems: WorkspaceProblem[]): Promise<WorkspaceFile> {
  const file = await readOptional(root, WORKSPACE_FILE, WorkspaceFileSchema, problems);
  return file ?? { name: path.basename(root), variables: [], environments: [] };
}

/** The whole tree as the page sees it (secrets' values blanked). */
export async function readTree(root: string, info: WorkspaceInfo): Promise<WorkspaceTree> {
  const problems: WorkspaceProblem[] = [];
  const file = await readWorkspaceFile(root, problems);
  const items: TreeItem[] = [];
  const folderVariables: Record<string, Variable[]> = {};
  let truncated = false;
  const walk = async (rel: string): Promise<void> => {
    // One more than fits, so a folder that overflows the bound is told apart from one that fills it.
    const read = await readFolder(root, rel, MAX_ITEMS - items.length + 1);
    problems.push(...read.problems);
    for (const e of read.entries) {
      if (items.length >= MAX_ITEMS) return void (truncated = true);
      if (e.kind === 'request') {
        items.push({ kind: 'request', path: e.path, name: e.name, method: e.method, url: e.url, version: e.version });
        continue;
      }
      items.push({ kind: 'folder', path: e.path, name: e.name });
      if (e.folderVariables.length > 0) folderVariables[e.path] = maskSecrets(e.folderVariables);
      await walk(e.path);
    }
  };
  await walk('');
  if (truncated) problems.push({ path: '', message: `the workspace holds more than ${MAX_ITEMS} items: the rest are not listed` });
  return { info: { ...info, name: file.name }, variables: maskSecrets(file.variables), environments: file.environments.map((e) => ({ ...e, variables: maskSecrets(e.variables) })), folderVariables, items, problems };
}
