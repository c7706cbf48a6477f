// A workspace (or a folder of it) as a Postman v2.1 collection: folders as item groups in
// collection order, each saved request an item (postman-request.ts), the workspace's
// variables as the collection's (a folder exported alone also carries its own on the
// collection), folders' variables on their item groups, secrets' values '' unless included.
// Scripts and assertions stay behind (Postman's tests are scripts): a note says so.
import type { Environment, Variable } from '../../contract/variables.js';
import type { ExportNote } from '../../contract/export.js';
import type { CollectionSource, SourceFolder } from './collection-source.js';
import { postmanRequest } from './postman-request.js';

export const POSTMAN_COLLECTION_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

function variablesOf(vars: readonly Variable[]): Array<Record<string, unknown>> {
  return vars.map((v) => ({ key: v.name, value: v.value, type: v.secret ? 'secret' : 'default', ...(v.enabled ? {} : { disabled: true }) }));
}

function itemsOf(folder: SourceFolder, notes: ExportNote[]): Array<Record<string, unknown>> {
  return folder.items.map((item) => {
    if (item.kind === 'folder') {
      const vars = variablesOf(item.variables);
      return { name: item.name, item: itemsOf(item, notes), ...(vars.length ? { variable: vars } : {}) };
    }
    const own: string[] = [];
    const request = postmanRequest(item.saved.request, own);
    if (item.saved.assertions?.length) own.push('assertions not exported (Postman checks responses with test scripts)');
    notes.push(...own.map((note) => ({ path: item.path, note })));
    return { name: item.saved.name, request, response: [] };
  });
}

export function postmanCollection(source: CollectionSource): { json: Record<string, unknown>; requests: number; notes: ExportNote[] } {
  const notes = [...source.notes];
  const { root } = source;
  // A folder alone: the workspace's variables, then its own (which override them), on the collection.
  const variables = root.path === '' ? source.workspaceVariables : [...source.workspaceVariables.filter((v) => !root.variables.some((o) => o.name === v.name)), ...root.variables];
  const item = itemsOf(root, notes);
  const json = {
    info: { name: root.name, schema: POSTMAN_COLLECTION_SCHEMA },
    item,
    variable: variablesOf(variables),
  };
  return { json, requests: countRequests(root), notes };
}

function countRequests(f: SourceFolder): number {
  return f.items.reduce((n, i) => n + (i.kind === 'folder' ? countRequests(i) : 1), 0);
}

/** A Postman environment file of one workspace environment (secret values as given: '' unless included). */
export function postmanEnvironment(env: Environment, now = new Date()): Record<string, unknown> {
  return {
    name: env.name,
    values: env.variables.map((v) => ({ key: v.name, value: v.value, type: v.secret ? 'secret' : 'default', enabled: v.enabled })),
    _postman_variable_scope: 'environment',
    _postman_exported_at: now.toISOString(),
    _postman_exported_using: 'InetScope',
  };
}
