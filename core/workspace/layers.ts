// The variable scopes a send resolves against, outermost first: the workspace, each folder
// from the root down to the request's, the selected environment, then the run's overrides.
// Read from the files as they are now (not the last pushed tree), with secrets' real
// values: this is for the core's resolver only, never for the page.
import type { SendContext, Variable, VariableLayer } from '../../contract/variables.js';
import type { WorkspaceProblem } from '../../contract/workspace.js';
import { CommandFailure } from '../command-failure.js';
import { FolderFileSchema, WorkspaceFileSchema } from './file-schemas.js';
import { assertNoLinks, parentOf } from './fs-ops.js';
import { FOLDER_FILE, WORKSPACE_FILE } from './item-names.js';
import type { SecretsStore } from './secrets.js';
import { joinPath, readOptional } from './tree-reader.js';

export interface LayerOptions {
  /** A secret with no stored value: '' as its file holds it (the app), or left undefined
   * (the runner: the request is then not sent, naming it). */
  unsetSecrets?: 'empty' | 'undefined';
}

export async function layersFor(root: string, workspaceId: string, fallbackName: string, secrets: SecretsStore, ctx: SendContext, opts: LayerOptions = {}): Promise<VariableLayer[]> {
  const withSecrets = (variables: Variable[], stored: Record<string, string>): Variable[] => withStored(variables, stored, opts.unsetSecrets === 'undefined');
  if (ctx.requestPath) await assertNoLinks(root, ctx.requestPath);
  const file = await readOrRefuse(root, WORKSPACE_FILE, WorkspaceFileSchema);
  const layers: VariableLayer[] = [{ kind: 'workspace', label: file?.name ?? fallbackName, variables: withSecrets(file?.variables ?? [], await secrets.get(workspaceId, {})) }];
  let folder = '';
  for (const segment of ctx.requestPath ? parentOf(ctx.requestPath).split('/').filter(Boolean) : []) {
    folder = joinPath(folder, segment);
    const folderFile = await readOrRefuse(root, joinPath(folder, FOLDER_FILE), FolderFileSchema);
    layers.push({ kind: 'folder', label: folder, variables: withSecrets(folderFile?.variables ?? [], await secrets.get(workspaceId, { folder })) });
  }
  if (ctx.environment !== undefined) {
    const env = file?.environments.find((e) => e.name === ctx.environment);
    if (!env) throw new CommandFailure('NOT_FOUND', `the workspace ${file?.name ?? fallbackName} has no environment named ${JSON.stringify(ctx.environment)}`);
    layers.push({ kind: 'environment', label: env.name, variables: withSecrets(env.variables, await secrets.get(workspaceId, { environment: env.name })) });
  }
  if (ctx.overrides.length > 0) layers.push(runLayer(ctx.overrides));
  return layers;
}

/** The run's overrides (--var, a send's overrides): the innermost scope. */
export function runLayer(overrides: SendContext['overrides']): VariableLayer {
  return { kind: 'run', label: 'run', variables: overrides.map((o) => ({ name: o.name, value: o.value, secret: false, enabled: true })) };
}

/** Enabled variables only, each secret with its stored value (one with none dropped if `dropUnset`);
 * a chained one's value comes from a response, not the store. */
function withStored(variables: Variable[], stored: Record<string, string>, dropUnset: boolean): Variable[] {
  return variables
    .filter((v) => v.enabled && !(dropUnset && v.secret && !v.from && !Object.hasOwn(stored, v.name)))
    .map((v) => (v.secret && !v.from ? { ...v, value: stored[v.name] ?? v.value } : v));
}

async function readOrRefuse<S extends Parameters<typeof readOptional>[2]>(root: string, rel: string, schema: S): Promise<ReturnType<S['parse']> | undefined> {
  const problems: WorkspaceProblem[] = [];
  const value = await readOptional(root, rel, schema, problems);
  const p = problems[0];
  if (p) throw new CommandFailure('MALFORMED', `the variables cannot be read: ${p.message}`);
  return value as ReturnType<S['parse']> | undefined;
}
