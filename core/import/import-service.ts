// importCollection and importEnvironment (contract/import.ts): the file is read and
// recognised (import-file.ts), converted to a plan (postman-collection.ts, insomnia.ts, openapi.ts), and written
// through the workspace service like any save: atomic files, portable names, the watcher
// pushes the new tree. Each note is given with the path of the item it concerns.
import type { ImportNote } from '../../contract/import.js';
import type { Variable } from '../../contract/variables.js';
import { CommandFailure } from '../command-failure.js';
import type { Uploads } from '../uploads.js';
import type { WorkspaceService } from '../workspace/workspace-service.js';
import { readImportFile } from './import-file.js';
import type { PlannedFolder } from './plan.js';
import { planCollection } from './postman-collection.js';
import { planInsomnia } from './insomnia.js';
import { planOpenApi } from './openapi.js';
import { variablesOf, type PostmanVariableLike } from './postman-variables.js';

export interface ImportDeps {
  uploads: Uploads;
  workspaces: WorkspaceService;
}

/** How many " 2", " 3"… a top-level name tries before giving up. */
const MAX_RENAMES = 100;

export async function importCollection(deps: ImportDeps, input: { id: string; fileToken: string; folder?: string | undefined }): Promise<{ folder: string; requests: number; notes: ImportNote[] }> {
  const { kind, json } = await readImportFile(deps.uploads, input.fileToken, ['postman-collection', 'insomnia-export', 'openapi']);
  const plan =
    kind === 'insomnia-export'
      ? planInsomnia(json as Parameters<typeof planInsomnia>[0])
      : { ...(kind === 'openapi' ? await planOpenApi(json as Record<string, unknown>) : planCollection(json)), environments: [] };
  const { root, requests } = plan;
  const notes: ImportNote[] = [];
  const w = deps.workspaces;
  const folder = await createUnique(root.name, (name) => w.createFolder(input.id, input.folder ?? '', name).then((r) => r.path));
  if (folder.renamed) notes.push({ path: folder.path, note: `stored as ${JSON.stringify(folder.name)}: the folder already has an item named ${JSON.stringify(root.name)}` });
  await writeFolder(w, input.id, folder.path, root, undefined, notes);
  for (const env of plan.environments) notes.push(...(await addEnvironment(w, input.id, env.name, env.variables, env.notes)).notes);
  return { folder: folder.path, requests, notes };
}

export async function importEnvironment(deps: ImportDeps, input: { id: string; fileToken: string }): Promise<{ environment: string; variables: number; notes: ImportNote[] }> {
  const { json } = await readImportFile(deps.uploads, input.fileToken, ['postman-environment']);
  const env = json as { name?: unknown; values: PostmanVariableLike[] };
  const given = typeof env.name === 'string' && env.name.trim() ? env.name : 'Imported environment';
  const { variables, notes } = variablesOf(env.values);
  const added = await addEnvironment(deps.workspaces, input.id, given, variables, notes);
  return { environment: added.name, variables: variables.length, notes: added.notes };
}

/** A new environment of the workspace ("Name 2"… if the name is taken); its secrets go to the secrets store. */
async function addEnvironment(w: WorkspaceService, id: string, wanted: string, variables: Variable[], notes: string[]): Promise<{ name: string; notes: ImportNote[] }> {
  const tree = await w.tree(id);
  const given = [...wanted.trim()].slice(0, 200).join('');
  const names = new Set(tree.environments.map((e) => e.name.toLowerCase()));
  const name = (await createUnique(given, async (n) => (names.has(n.toLowerCase()) ? Promise.reject(new CommandFailure('NAME_TAKEN', n)) : n))).name;
  const all = name === given ? notes : [`stored as ${JSON.stringify(name)}: the workspace already has an environment named ${JSON.stringify(given)}`, ...notes];
  // The tree's secrets carry '' (kept as stored); the new environment's secrets go to the secrets store.
  await w.saveVariables({ id, variables: tree.variables, environments: [...tree.environments, { name, variables }] });
  return { name, notes: all.map((note) => ({ path: '', note: `environment ${name}: ${note}` })) };
}

export async function writeFolder(w: WorkspaceService, id: string, at: string, folder: PlannedFolder, seq: number | undefined, notes: ImportNote[]): Promise<void> {
  if (folder.variables.length > 0 || seq !== undefined || folder.scripts) await w.saveVariables({ id, folder: at, variables: folder.variables, seq, scripts: folder.scripts });
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
