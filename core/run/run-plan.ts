// What `inetscope run` sends, read in full before anything is sent: the workspace around a
// path (the nearest folder upwards holding workspace.yaml), its requests in collection order
// through the app's own reader (a read-only WorkspaceStore), each with the variable scopes
// the app would use (layersFor: workspace, folders, environment), then an environment file
// and the run's --var. A collection that cannot be read fully refuses the run (RunRefused
// lists every problem with its file, line and field): nothing is sent from half a collection.
import fs from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentSchema, type Environment, type SendContext, type VariableLayer } from '../../contract/variables.js';
import type { SavedRequest, TreeItem, WorkspaceProblem } from '../../contract/workspace.js';
import { CommandFailure, type Log } from '../command-failure.js';
import { scriptChain, type ScriptLevel } from '../scripts/script-sources.js';
import { exists, parentOf } from '../workspace/fs-ops.js';
import { WORKSPACE_FILE } from '../workspace/item-names.js';
import { layersFor, runLayer } from '../workspace/layers.js';
import { postmanEnvironmentOf } from './postman-environment.js';
import { workspaceIdFor } from '../workspace/registry.js';
import { SecretsStore } from '../workspace/secrets.js';
import { WorkspaceStore } from '../workspace/workspace-store.js';
import { MAX_FILE_BYTES, parseYamlFile } from '../workspace/yaml-file.js';

/** The run cannot start: a file that cannot be read, a name that does not exist (exit 2). */
export class RunRefused extends Error {
  constructor(
    message: string,
    readonly problems: readonly WorkspaceProblem[] = [],
  ) {
    super(message);
  }
}

export interface PlanOptions {
  /** A workspace folder or a folder inside one. */
  path: string;
  /** Where the app keeps its data (secrets/ holds secret variables' values). */
  dataDir: string;
  /** A workspace environment by name. */
  environment?: string | undefined;
  /** An environment file outside the workspace: a Postman environment, or YAML (name, variables). */
  environmentFile?: string | undefined;
  overrides: SendContext['overrides'];
  /** Only this folder: its path in the workspace, or its name if one folder has it. */
  folder?: string | undefined;
  log: Log;
}

export interface PlannedRequest {
  /** Its file's path in the workspace ('/'-separated). */
  path: string;
  /** The folder it is in ('' for the workspace's root). */
  folder: string;
  saved: SavedRequest;
  /** The scopes it resolves against, outermost first. */
  layers: VariableLayer[];
  /** Its scripts with the workspace's and its folders', in the order they run. */
  scripts: ScriptLevel[];
}

export interface RunPlan {
  root: string;
  workspaceId: string;
  name: string;
  environment?: string | undefined;
  requests: PlannedRequest[];
}

/** The nearest folder at or above `start` that holds workspace.yaml (real path). */
export async function findWorkspaceRoot(start: string): Promise<string> {
  const dir = await fs.realpath(start).catch(() => undefined);
  if (dir === undefined) throw new RunRefused(`${start} does not exist`);
  if (!(await fs.stat(dir)).isDirectory()) throw new RunRefused(`${start} is not a folder: give a workspace folder or a folder inside one`);
  for (let d = dir; ; d = path.dirname(d)) {
    if (await exists(path.join(d, WORKSPACE_FILE))) return d;
    if (path.dirname(d) === d) throw new RunRefused(`${start} is not in a workspace: neither it nor a folder above it holds ${WORKSPACE_FILE}`);
  }
}

export async function loadRunPlan(opts: PlanOptions): Promise<RunPlan> {
  const root = await findWorkspaceRoot(opts.path);
  const within = path.relative(root, await fs.realpath(opts.path)).split(path.sep).join('/');
  const id = workspaceIdFor(root);
  const store = new WorkspaceStore(id, root, true);
  const tree = await store.tree();
  if (tree.problems.length > 0) {
    throw new RunRefused(`the workspace ${root} cannot be read fully, so nothing is run:\n${tree.problems.map((p) => `  ${p.message}`).join('\n')}`, tree.problems);
  }
  const scope = opts.folder === undefined ? within : folderPath(tree.items, within, opts.folder);
  const envFile = opts.environmentFile === undefined ? undefined : await readEnvironmentFile(opts.environmentFile, opts.log);
  const secrets = new SecretsStore(path.join(opts.dataDir, 'secrets'), opts.log);
  const requests: PlannedRequest[] = [];
  for (const item of tree.items) {
    if (item.kind !== 'request' || !inFolder(item.path, scope)) continue;
    try {
      const { saved } = await store.load(item.path);
      const ctx: SendContext = { workspaceId: id, requestPath: item.path, ...(opts.environment !== undefined ? { environment: opts.environment } : {}), overrides: [] };
      const layers = await layersFor(root, id, tree.info.name, secrets, ctx, { unsetSecrets: 'undefined' });
      if (envFile) layers.push({ kind: 'environment', label: envFile.name, variables: envFile.variables });
      if (opts.overrides.length > 0) layers.push(runLayer(opts.overrides));
      requests.push({ path: item.path, folder: parentOf(item.path), saved, layers, scripts: await scriptChain(root, item.path, saved.scripts) });
    } catch (e) {
      if (e instanceof CommandFailure) throw new RunRefused(e.message);
      throw new RunRefused(`${item.path}: ${(e as Error).message}`);
    }
  }
  return { root, workspaceId: id, name: tree.info.name, environment: envFile?.name ?? opts.environment, requests };
}

const inFolder = (itemPath: string, folder: string): boolean => folder === '' || itemPath.startsWith(`${folder}/`);

/** --folder: a folder's path in the workspace, its path inside the run's folder, or its name if only one folder has it. */
function folderPath(items: readonly TreeItem[], within: string, wanted: string): string {
  const folders = items.filter((i) => i.kind === 'folder' && inFolder(i.path, within));
  const byPath = folders.find((f) => f.path === wanted || f.path === (within === '' ? wanted : `${within}/${wanted}`));
  if (byPath) return byPath.path;
  const byName = folders.filter((f) => f.name === wanted || f.path.split('/').at(-1) === wanted);
  if (byName.length === 1) return byName[0]!.path;
  if (byName.length > 1) throw new RunRefused(`--folder ${JSON.stringify(wanted)} names several folders (${byName.map((f) => f.path).join(', ')}): give its path`);
  const known = folders.map((f) => f.path).join(', ') || 'none';
  throw new RunRefused(`--folder ${JSON.stringify(wanted)}: no such folder in the workspace (folders: ${known})`);
}

/** An environment file: a Postman environment, or the workspace's YAML shape of one environment (name, variables). */
async function readEnvironmentFile(file: string, log: Log): Promise<Environment> {
  const st = await fs.stat(file).catch(() => undefined);
  if (!st?.isFile()) throw new RunRefused(`--env-file ${file}: ${st ? 'not a file' : 'no such file'}`);
  if (st.size > MAX_FILE_BYTES) throw new RunRefused(`--env-file ${file} is ${st.size} bytes, over the ${MAX_FILE_BYTES} an environment file may hold`);
  const bytes = await fs.readFile(file);
  const postman = postmanEnvironmentOf(bytes.toString('utf8'), log);
  if (postman) return postman;
  const parsed = parseYamlFile(bytes, file, EnvironmentSchema);
  if (!parsed.ok) throw new RunRefused(`--env-file: ${parsed.problem.message}`, [parsed.problem]);
  return parsed.value;
}
