// What an export reads from a workspace: the folder asked for (or the whole workspace) as a
// tree in collection order, each saved request as its file holds it, the variables of the
// workspace and of each folder, secrets' stored values only when the export includes them.
// A file the workspace cannot read is skipped with a note, never guessed at.
import type { Variable } from '../../contract/variables.js';
import type { SavedRequest, WorkspaceTree } from '../../contract/workspace.js';
import type { ExportNote } from '../../contract/export.js';
import { CommandFailure } from '../command-failure.js';
import { parentOf } from '../workspace/fs-ops.js';
import type { WorkspaceService } from '../workspace/workspace-service.js';

export interface SourceRequest {
  kind: 'request';
  path: string;
  saved: SavedRequest;
}
export interface SourceFolder {
  kind: 'folder';
  /** '' for the workspace itself. */
  path: string;
  name: string;
  variables: Variable[];
  items: Array<SourceFolder | SourceRequest>;
}

export interface CollectionSource {
  tree: WorkspaceTree;
  root: SourceFolder;
  /** The workspace's variables (they apply to a folder exported alone too). */
  workspaceVariables: Variable[];
  notes: ExportNote[];
}

const within = (path: string, folder: string): boolean => folder === '' || path.startsWith(`${folder}/`);

export async function readCollection(w: WorkspaceService, id: string, folder: string, includeSecrets: boolean): Promise<CollectionSource> {
  const tree = await w.tree(id);
  const own = folder === '' ? undefined : tree.items.find((i) => i.kind === 'folder' && i.path === folder);
  if (folder !== '' && !own) throw new CommandFailure('NOT_FOUND', `the workspace ${tree.info.name} has no folder ${JSON.stringify(folder)}`);
  const withSecrets = async (vars: Variable[], scope: { folder?: string }): Promise<Variable[]> => {
    if (!includeSecrets || !vars.some((v) => v.secret)) return vars;
    const stored = await w.secretValues(id, scope);
    return vars.map((v) => (v.secret ? { ...v, value: stored[v.name] ?? '' } : v));
  };
  const root: SourceFolder = { kind: 'folder', path: folder, name: own?.name ?? tree.info.name, variables: [], items: [] };
  const folders = new Map<string, SourceFolder>([[folder, root]]);
  const notes: ExportNote[] = tree.problems.filter((p) => within(p.path, folder)).map((p) => ({ path: '', note: `not exported: ${p.message}` }));
  for (const item of tree.items) {
    if (!within(item.path, folder)) continue;
    const parent = folders.get(parentOf(item.path));
    if (!parent) continue;
    if (item.kind === 'folder') {
      const sub: SourceFolder = { kind: 'folder', path: item.path, name: item.name, variables: await withSecrets(tree.folderVariables[item.path] ?? [], { folder: item.path }), items: [] };
      folders.set(item.path, sub);
      parent.items.push(sub);
      continue;
    }
    const { saved } = await w.load(id, item.path);
    parent.items.push({ kind: 'request', path: item.path, saved });
  }
  if (folder !== '') root.variables = await withSecrets(tree.folderVariables[folder] ?? [], { folder });
  return { tree, root, workspaceVariables: await withSecrets(tree.variables, {}), notes };
}

/** Every saved request of the tree, in collection order. */
export function* requestsOf(folder: SourceFolder): Generator<SourceRequest> {
  for (const item of folder.items) {
    if (item.kind === 'request') yield item;
    else yield* requestsOf(item);
  }
}
