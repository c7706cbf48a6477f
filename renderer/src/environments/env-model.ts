// The Manage environments dialog's model (pure): the scopes of one workspace as the dialog
// edits them (the workspace's own variables, each environment, folders with variables),
// each a list of rows. A stored secret's value never reaches the page (the tree carries ''),
// so a row remembers where its stored value is (`stored`) and whether a value was typed here:
// the save moves the one (carry) and sends the other (setSecret), never anything else. A
// chained row takes its value from a saved request's latest response (`from`).
import type { ChainFrom, ChainSourceKind, Variable } from '../../../contract/variables.js';
import type { SecretRef, TreeItem, WorkspaceTree } from '../../../contract/workspace.js';

export type ScopeKind = 'workspace' | 'environment' | 'folder';

export interface RowDraft {
  id: number;
  name: string;
  value: string;
  secret: boolean;
  enabled: boolean;
  /** Where this row's secret value is stored now, in its save call's terms (absent: none the page cannot see). */
  stored?: SecretRef;
  /** The value was typed in this dialog (for a secret: sent with setSecret). */
  typed: boolean;
  /** Chained: where the value comes from (the path kept while the source is the status). */
  from?: ChainDraft;
}

export interface ChainDraft {
  request: string;
  source: ChainSourceKind;
  path: string;
}

const chainDraftOf = (f: ChainFrom): ChainDraft => ({ request: f.request, source: f.source, path: 'path' in f ? f.path : '' });

/** The saved requests a chain may name: their path and how the tree shows them (folder/name). */
export function requestChoices(items: readonly TreeItem[]): Array<{ path: string; label: string }> {
  return items.flatMap((i) => {
    if (i.kind !== 'request') return [];
    const folder = i.path.includes('/') ? i.path.slice(0, i.path.lastIndexOf('/')) : '';
    return [{ path: i.path, label: folder ? `${folder}/${i.name}` : i.name }];
  });
}

export interface ScopeDraft {
  /** Stable while the dialog is open (an environment keeps its key through a rename). */
  key: string;
  kind: ScopeKind;
  /** An environment's name as edited, a folder's path, '' for the workspace. */
  name: string;
  /** An environment's name in the file (absent: made in this dialog). */
  original?: string;
  rows: RowDraft[];
}

export interface EnvModel {
  scopes: ScopeDraft[];
  nextId: number;
}

export const WORKSPACE_KEY = 'workspace';
export const folderKey = (path: string): string => `folder:${path}`;

function rowsOf(vars: readonly Variable[], env: string | undefined, next: () => number): RowDraft[] {
  return vars.map((v) => ({
    id: next(),
    name: v.name,
    value: v.value,
    secret: v.secret,
    enabled: v.enabled,
    ...(v.secret ? { stored: env === undefined ? { name: v.name } : { name: v.name, environment: env } } : {}),
    ...(v.from ? { from: chainDraftOf(v.from) } : {}),
    typed: false,
  }));
}

/** The scopes of `tree`: the workspace, its environments, the folders that have variables
 * (and `folder`, the one the dialog was opened on, even without any). */
export function modelFromTree(tree: WorkspaceTree, folder?: string): EnvModel {
  let id = 0;
  const next = (): number => ++id;
  const scopes: ScopeDraft[] = [{ key: WORKSPACE_KEY, kind: 'workspace', name: '', rows: rowsOf(tree.variables, undefined, next) }];
  tree.environments.forEach((e, i) => scopes.push({ key: `env:${i}`, kind: 'environment', name: e.name, original: e.name, rows: rowsOf(e.variables, e.name, next) }));
  const folders = Object.keys(tree.folderVariables).filter((p) => (tree.folderVariables[p]?.length ?? 0) > 0 || p === folder);
  if (folder !== undefined && folder !== '' && !folders.includes(folder)) folders.push(folder);
  for (const path of folders.sort()) scopes.push({ key: folderKey(path), kind: 'folder', name: path, rows: rowsOf(tree.folderVariables[path] ?? [], undefined, next) });
  return { scopes, nextId: id + 1 };
}

const mapScope = (m: EnvModel, key: string, f: (s: ScopeDraft) => ScopeDraft): EnvModel => ({ ...m, scopes: m.scopes.map((s) => (s.key === key ? f(s) : s)) });

export type RowPatch = Partial<Pick<RowDraft, 'name' | 'value' | 'secret' | 'enabled' | 'from'>>;

/** A typed value is the row's own; a plain row made secret takes its value along (it is
 * known), a stored secret made plain has no value the page knows: it starts empty (and made
 * secret again untouched, it keeps the stored value). */
function patched(row: RowDraft, patch: RowPatch): RowDraft {
  const next = { ...row, ...patch };
  if (patch.value !== undefined) next.typed = true;
  if (patch.secret === true && !row.secret) next.typed = row.typed || !row.stored;
  if (patch.secret === false && row.secret && !row.typed) next.value = '';
  // A chained row's value is a response's: it has none of its own, nor a secret one.
  if (patch.from) Object.assign(next, { value: '', secret: false, typed: false });
  if ('from' in patch && patch.from === undefined) delete next.from;
  return next;
}

export function updateRow(m: EnvModel, scope: string, rowId: number, patch: RowPatch): EnvModel {
  return mapScope(m, scope, (s) => ({ ...s, rows: s.rows.map((r) => (r.id === rowId ? patched(r, patch) : r)) }));
}

export function addRow(m: EnvModel, scope: string): { model: EnvModel; rowId: number } {
  const rowId = m.nextId;
  const row: RowDraft = { id: rowId, name: '', value: '', secret: false, enabled: true, typed: false };
  return { model: { ...mapScope(m, scope, (s) => ({ ...s, rows: [...s.rows, row] })), nextId: rowId + 1 }, rowId };
}

export function deleteRow(m: EnvModel, scope: string, rowId: number): EnvModel {
  return mapScope(m, scope, (s) => ({ ...s, rows: s.rows.filter((r) => r.id !== rowId) }));
}

/** `base`, else `base 2`, `base 3`… : the first no environment has. */
function freeName(m: EnvModel, base: string): string {
  const taken = new Set(m.scopes.filter((s) => s.kind === 'environment').map((s) => s.name.trim()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base} ${i}`;
    if (!taken.has(name)) return name;
  }
}

export function addEnvironment(m: EnvModel): { model: EnvModel; key: string } {
  const key = `env:new${m.nextId}`;
  const scope: ScopeDraft = { key, kind: 'environment', name: freeName(m, 'New environment'), rows: [] };
  return { model: { scopes: insertAfterEnvironments(m.scopes, scope), nextId: m.nextId + 1 }, key };
}

/** A copy named "<name> copy": its secrets come from the same stored values as the original's. */
export function duplicateEnvironment(m: EnvModel, key: string): { model: EnvModel; key: string } {
  const src = m.scopes.find((s) => s.key === key);
  if (src?.kind !== 'environment') return { model: m, key };
  let id = m.nextId;
  const copy: ScopeDraft = { key: `env:new${id}`, kind: 'environment', name: freeName(m, `${src.name.trim()} copy`), rows: src.rows.map((r) => ({ ...r, id: ++id })) };
  return { model: { scopes: insertAfterEnvironments(m.scopes, copy), nextId: id + 1 }, key: copy.key };
}

export function renameEnvironment(m: EnvModel, key: string, name: string): EnvModel {
  return mapScope(m, key, (s) => (s.kind === 'environment' ? { ...s, name } : s));
}

export function deleteEnvironment(m: EnvModel, key: string): EnvModel {
  return { ...m, scopes: m.scopes.filter((s) => s.key !== key || s.kind !== 'environment') };
}

function insertAfterEnvironments(scopes: ScopeDraft[], scope: ScopeDraft): ScopeDraft[] {
  const at = scopes.findIndex((s) => s.kind === 'folder');
  return at < 0 ? [...scopes, scope] : [...scopes.slice(0, at), scope, ...scopes.slice(at)];
}
