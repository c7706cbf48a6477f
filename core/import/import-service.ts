// importCollection and importEnvironment (contract/import.ts): the file is read and
// recognised (import-file.ts), converted to a plan (postman-collection.ts), and written
// through the workspace service like any save: atomic files, portable names, the watcher
// pushes the new tree. Each note is given with the path of the item it concerns.
import type { ImportNote } from '../../contract/import.js';
import { CommandFailure } from '../command-failure.js';
import type { Uploads } from '../uploads.js';
import type { WorkspaceService } from '../workspace/workspace-service.js';
import { readImportFile } from './import-file.js';
import type { PlannedFolder } from './plan.js';
import { planCollection } from './postman-collection.js';
import { variablesOf, type PostmanVariableLike } from './postman-variables.js';

export interface ImportDeps {
  uploads: Uploads;
  workspaces: WorkspaceService;
}

/** How many " 2", " 3"… a top-level name tries before giving up. */
const MAX_RENAMES = 100;

export async function importCollection(deps: ImportDeps, input: { id: string; fileToken: string; folder?: string | undefined }): Promise<{ folder: string; requests: number; notes: ImportNote[] }> {
  const json = await readImportFile(deps.uploads, input.fileToken, 'postman-collection');
  const { root, requests } = planCollection(json);
  const notes: ImportNote[] = [];
  const w = deps.workspaces;
  const folder = await createUnique(root.name, (name) => w.createFolder(input.id, input.folder ?? '', name).then((r) => r.path));
  if (folder.renamed) notes.push({ path: folder.path, note: `stored as ${JSON.stringify(folder.name)}: the folder already has an item named ${JSON.stringify(root.name)}` });
  await writeFolder(w, input.id, folder.path, root, undefined, notes);
  return { folder: folder.path, requests, notes };
}

export async function importEnvironment(deps: ImportDeps, input: { id: string; fileToken: string }): Promise<{ environment: string; variables: number; notes: ImportNote[] }> {
  const json = (await readImportFile(deps.uploads, input.fileToken, 'postman-environment')) as { name?: unknown; values: PostmanVariableLike[] };
  const tree = await deps.workspaces.tree(input.id);
  const given = typeof json.name === 'string' && json.name.trim() ? [...json.name.trim()].slice(0, 200).join('') : 'Imported environment';
  const names = new Set(tree.environments.map((e) => e.name.toLowerCase()));
  const name = (await createUnique(given, async (n) => (names.has(n.toLowerCase()) ? Promise.reject(new CommandFailure('NAME_TAKEN', n)) : n))).name;
  const { variables, notes } = variablesOf(json.values);
  if (name !== given) notes.unshift(`stored as ${JSON.stringify(name)}: the workspace already has an environment named ${JSON.stringify(given)}`);
  // The tree's secrets carry '' (kept as stored); the new environment's secrets go to the secrets store.
  await deps.workspaces.saveVariables({ id: input.id, variables: tree.variables, environments: [...tree.environments, { name, variables }] });
  return { environment: name, variables: variables.length, notes: notes.map((note) => ({ path: '', note: `environment ${name}: ${note}` })) };
}

async function writeFolder(w: WorkspaceService, id: string, at: string, folder: PlannedFolder, seq: number | undefined, notes: ImportNote[]): Promise<void> {
  if (folder.variables.length > 0 || seq !== undefined) await w.saveVariables({ id, folder: at, variables: folder.variables, seq });
  for (const note of folder.notes) notes.push({ path: at, note });
  for (const [i, item] of folder.items.entries()) {
    if (item.kind === 'folder') {
      const { path } = await w.createFolder(id, at, item.name);
      await writeFolder(w, id, path, item, i, notes);
      continue;
    }
    const { path } = await w.save({ id, folder: at, saved: item.saved });
    for (const note of item.notes) notes.push({ path, note });
  }
}

/** make(name), else make("name 2")… while the name is taken (NAME_TAKEN). */
async function createUnique(name: string, make: (name: string) => Promise<string>): Promise<{ name: string; path: string; renamed: boolean }> {
  for (let i = 1; i <= MAX_RENAMES; i++) {
    const candidate = i === 1 ? name : `${name} ${i}`;
    try {
      return { name: candidate, path: await make(candidate), renamed: i > 1 };
    } catch (e) {
      if (!(e instanceof CommandFailure) || e.code !== 'NAME_TAKEN') throw e;
    }
  }
  throw new CommandFailure('NAME_TAKEN', `no free name for ${JSON.stringify(name)} (tried ${MAX_RENAMES})`);
}
