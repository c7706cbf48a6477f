// exportCollection and exportEnvironment (contract/export.ts): read the workspace
// (collection-source.ts), convert (postman-export.ts, har-collection.ts), and write the file
// the shell's save dialog chose (browser mode: the downloads folder), atomically: complete
// or not there, as every export of the app.
import type { ExportNote } from '../../contract/export.js';
import type { HarEntry } from '../../domain/har/har.js';
import { CommandFailure, type AppHooks } from '../command-failure.js';
import { portableFileName } from '../file-name.js';
import { writeHarFile } from '../har-file.js';
import { writeFileAtomic } from '../atomic-file.js';
import { reason, SaveTargetError } from '../save-target.js';
import type { WorkspaceService } from '../workspace/workspace-service.js';
import { readCollection, requestsOf } from './collection-source.js';
import { harEntryOf } from './har-collection.js';
import { latestResponse, type ResponseDeps } from './har-responses.js';
import { postmanCollection, postmanEnvironment } from './postman-export.js';

export interface ExportDeps extends ResponseDeps {
  hooks: AppHooks;
  workspaces: WorkspaceService;
  /** The HAR's inline body limit (the setting the history's HAR export uses too). */
  inlineLimit(): number;
}

interface CollectionInput {
  id: string;
  folder?: string | undefined;
  format: 'postman' | 'har';
  environment?: string | undefined;
  includeSecrets: boolean;
}

type Saved<T> = ({ saved: true; path: string; bytes: number } & T) | { saved: false };

const nameFor = (name: string, ext: string): string => `${portableFileName(name) || 'collection'}${ext}`;

async function save<T>(hooks: AppHooks, suggested: string, write: (target: string) => Promise<number>, extra: T): Promise<Saved<T>> {
  const target = await hooks.chooseSavePath(suggested);
  if (target === undefined) return { saved: false };
  try {
    return { saved: true, path: target, bytes: await write(target), ...extra };
  } catch (e) {
    throw new CommandFailure('SAVE_FAILED', e instanceof SaveTargetError ? e.message : `cannot write the export to ${target}: ${reason(e)}`);
  }
}

async function writeJson(target: string, json: unknown): Promise<number> {
  const text = `${JSON.stringify(json, null, 2)}\n`;
  await writeFileAtomic(target, text);
  return Buffer.byteLength(text);
}

export async function exportCollection(deps: ExportDeps, input: CollectionInput): Promise<Saved<{ requests: number; notes: ExportNote[] }>> {
  const w = deps.workspaces;
  const source = await readCollection(w, input.id, input.folder ?? '', input.includeSecrets);
  if (input.environment !== undefined && !source.tree.environments.some((e) => e.name === input.environment)) {
    throw new CommandFailure('NOT_FOUND', `the workspace ${source.tree.info.name} has no environment named ${JSON.stringify(input.environment)}`);
  }
  if (input.format === 'postman') {
    const { json, requests, notes } = postmanCollection(source);
    return save(deps.hooks, nameFor(source.root.name, '.postman_collection.json'), (t) => writeJson(t, json), { requests, notes });
  }
  const notes = [...source.notes];
  const now = new Date();
  const entries: HarEntry[] = [];
  for (const item of requestsOf(source.root)) {
    const layers = await w.layersFor({ workspaceId: input.id, requestPath: item.path, ...(input.environment !== undefined ? { environment: input.environment } : {}), overrides: [] });
    const latest = await latestResponse(deps, input.id, item.path, { limit: deps.inlineLimit(), includeSecrets: input.includeSecrets });
    entries.push(harEntryOf(item, layers, latest, { includeSecrets: input.includeSecrets, now }, notes));
  }
  return save(deps.hooks, nameFor(source.root.name, '.har'), async (t) => (await writeHarFile(t, entries)).bytes, { requests: entries.length, notes });
}

export async function exportEnvironment(deps: Pick<ExportDeps, 'hooks' | 'workspaces'>, input: { id: string; environment: string; includeSecrets: boolean }): Promise<Saved<{ variables: number }>> {
  const tree = await deps.workspaces.tree(input.id);
  const env = tree.environments.find((e) => e.name === input.environment);
  if (!env) throw new CommandFailure('NOT_FOUND', `the workspace ${tree.info.name} has no environment named ${JSON.stringify(input.environment)}`);
  const stored = input.includeSecrets ? await deps.workspaces.secretValues(input.id, { environment: env.name }) : {};
  const variables = env.variables.map((v) => (v.secret ? { ...v, value: stored[v.name] ?? '' } : v));
  const json = postmanEnvironment({ ...env, variables });
  return save(deps.hooks, nameFor(env.name, '.postman_environment.json'), (t) => writeJson(t, json), { variables: variables.length });
}
