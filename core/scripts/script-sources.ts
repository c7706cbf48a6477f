// Which scripts a saved request runs, in Postman's order: the workspace's, each folder's from
// the root down, then the request's own (pre-request scripts in that order before the send,
// test scripts in that order after it). Read from the files as they are now.
import type { Scripts } from '../../contract/scripts.js';
import type { WorkspaceProblem } from '../../contract/workspace.js';
import { CommandFailure } from '../command-failure.js';
import { FolderFileSchema, SavedRequestFileSchema, WorkspaceFileSchema } from '../workspace/file-schemas.js';
import { assertNoLinks, parentOf } from '../workspace/fs-ops.js';
import { FOLDER_FILE, WORKSPACE_FILE } from '../workspace/item-names.js';
import { joinPath, readOptional } from '../workspace/tree-reader.js';

/** One level's scripts, named as a report names it: "workspace", "folder a/b", "request". */
export interface ScriptLevel {
  level: string;
  scripts: Scripts;
}

const has = (s: Scripts | undefined): s is Scripts => !!s && (!!s.prerequest?.trim() || !!s.test?.trim());

export const chainHas = (chain: readonly ScriptLevel[], phase: keyof Scripts): boolean => chain.some((l) => !!l.scripts[phase]?.trim());

async function read<S extends Parameters<typeof readOptional>[2]>(root: string, rel: string, schema: S): Promise<ReturnType<S['parse']> | undefined> {
  const problems: WorkspaceProblem[] = [];
  const value = await readOptional(root, rel, schema, problems);
  if (problems[0]) throw new CommandFailure('MALFORMED', `the scripts cannot be read: ${problems[0].message}`);
  return value as ReturnType<S['parse']> | undefined;
}

/** The workspace's and the folders' scripts around `requestPath`, then `own` (the request's). */
export async function scriptChain(root: string, requestPath: string | undefined, own: Scripts | undefined): Promise<ScriptLevel[]> {
  const chain: ScriptLevel[] = [];
  const ws = await read(root, WORKSPACE_FILE, WorkspaceFileSchema);
  if (has(ws?.scripts)) chain.push({ level: 'workspace', scripts: ws.scripts });
  let folder = '';
  for (const segment of requestPath ? parentOf(requestPath).split('/').filter(Boolean) : []) {
    folder = joinPath(folder, segment);
    const f = await read(root, joinPath(folder, FOLDER_FILE), FolderFileSchema);
    if (has(f?.scripts)) chain.push({ level: `folder ${folder}`, scripts: f.scripts });
  }
  if (has(own)) chain.push({ level: 'request', scripts: own });
  return chain;
}

/** The chain of a saved request in the app: its own scripts from its file (none if it has no file). */
export async function savedRequestChain(root: string, requestPath: string | undefined): Promise<ScriptLevel[]> {
  if (requestPath) await assertNoLinks(root, requestPath);
  const saved = requestPath ? await read(root, requestPath, SavedRequestFileSchema) : undefined;
  return scriptChain(root, requestPath, saved?.scripts);
}
