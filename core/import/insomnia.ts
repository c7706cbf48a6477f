// An Insomnia v4 export (JSON: `_type: export`, `__export_format: 4`, `resources`) as a plan
// (plan.ts): the workspace as one folder, request groups as folders, requests in Insomnia's
// order (metaSortKey), the base environment's data as the folder's variables and its
// sub-environments as environments. Insomnia's `{{ _.name }}` becomes our `{{name}}`; a
// template tag (`{% … %}`) and what has no counterpart here are notes.
import type { MultipartPart, RequestDraft } from '../../contract/request.js';
import type { Variable } from '../../contract/variables.js';
import { basicValue, setAuthorization, text, withQuery, withType, type Header } from './draft-parts.js';
import { newFolder, RequestCount, Siblings, type PlannedFolder } from './plan.js';
import { variablesOf } from './postman-variables.js';

interface Row {
  name?: string;
  value?: unknown;
  disabled?: boolean;
  type?: string;
}
interface Resource {
  _id: string;
  _type: string;
  parentId?: string | null;
  name?: string;
  metaSortKey?: number;
  url?: string;
  method?: string;
  headers?: Row[];
  parameters?: Row[];
  body?: { mimeType?: string; text?: string; params?: Row[]; fileName?: string };
  authentication?: Record<string, unknown>;
  data?: Record<string, unknown>;
  environment?: Record<string, unknown>;
}
export interface PlannedEnvironment {
  name: string;
  variables: Variable[];
  notes: string[];
}

const CARRIED = new Set(['workspace', 'request_group', 'request', 'environment']);

export function isInsomniaExport(o: Record<string, unknown>): boolean {
  return o['_type'] === 'export' && o['__export_format'] === 4 && Array.isArray(o['resources']);
}

export function planInsomnia(json: { resources: Resource[] }): { root: PlannedFolder; requests: number; environments: PlannedEnvironment[] } {
  const all = json.resources.filter((r) => typeof r === 'object' && r !== null && typeof r._id === 'string');
  const children = new Map<string, Resource[]>();
  for (const r of all) children.set(r.parentId ?? '', [...(children.get(r.parentId ?? '') ?? []), r]);
  const workspaces = all.filter((r) => r._type === 'workspace');
  const count = new RequestCount();
  const environments: PlannedEnvironment[] = [];
  const grow = (r: Resource, depth: number) => folderOf(r, children, depth, count, environments);
  const root = workspaces.length === 1 ? grow(workspaces[0]!, 0) : newFolder('Insomnia export', 0);
  if (workspaces.length !== 1) {
    const siblings = new Siblings(root);
    for (const w of workspaces) siblings.addFolder(grow(w, 1));
  }
  const skipped = new Map<string, number>();
  for (const r of all) if (!CARRIED.has(r._type)) skipped.set(r._type, (skipped.get(r._type) ?? 0) + 1);
  for (const [type, n] of skipped) root.notes.push(`${n} ${type} resource${n === 1 ? '' : 's'} not carried over`);
  return { root, requests: count.n, environments };
}

function folderOf(group: Resource, children: Map<string, Resource[]>, depth: number, count: RequestCount, environments: PlannedEnvironment[]): PlannedFolder {
  const folder = newFolder(group.name || 'Folder', depth);
  const kids = [...(children.get(group._id) ?? [])].sort((a, b) => (a.metaSortKey ?? 0) - (b.metaSortKey ?? 0));
  const base = group._type === 'workspace' ? kids.find((k) => k._type === 'environment') : undefined;
  const own = variablesFrom(base ? base.data : group.environment, folder.notes);
  folder.variables = own;
  for (const sub of base ? (children.get(base._id) ?? []).filter((e) => e._type === 'environment') : []) {
    const notes: string[] = [];
    environments.push({ name: sub.name || 'Insomnia environment', variables: variablesFrom(sub.data, notes), notes });
  }
  const siblings = new Siblings(folder);
  for (const k of kids) {
    if (k._type === 'request_group') siblings.addFolder(folderOf(k, children, depth + 1, count, environments));
    if (k._type !== 'request') continue;
    count.add();
    const notes: string[] = [];
    siblings.addRequest(k.name ?? '', draftOf(k, notes), notes);
  }
  return folder;
}

function variablesFrom(data: Record<string, unknown> | undefined, notes: string[]): Variable[] {
  const entries = Object.entries(data && typeof data === 'object' ? data : {});
  const out = variablesOf(entries.map(([key, value]) => ({ key, value: typeof value === 'string' ? template(value, notes) : value })));
  notes.push(...out.notes);
  return out.variables;
}

/** `{{ _.name }}` → `{{name}}` (our scopes are flat); a template tag stays as typed, with a note. */
function template(s: string, notes: string[]): string {
  if (s.includes('{%') && !notes.some((n) => n.startsWith('template tag'))) notes.push('template tag {% … %} kept as typed: it does not run here');
  return s.replace(/\{\{\s*_\.([A-Za-z_][\w.-]*)\s*\}\}/g, '{{$1}}');
}

function draftOf(r: Resource, notes: string[]): RequestDraft {
  const t = (s: unknown) => template(text(s), notes);
  const headers: Header[] = (r.headers ?? []).map((h) => ({ name: t(h.name), value: t(h.value), enabled: h.disabled !== true }));
  let url = t(r.url);
  for (const p of r.parameters ?? []) {
    if (p.disabled) notes.push(`query parameter ${JSON.stringify(p.name ?? '')} was disabled: not carried over`);
    else url = withQuery(url, t(p.name), t(p.value));
  }
  const body = bodyOf(r.body ?? {}, headers, notes, t);
  url = authOf(r.authentication ?? {}, headers, url, notes, t);
  return { url, method: (r.method || 'GET').toUpperCase(), headers, body, engine: 'auto', timeouts: {}, insecure: false };
}

function bodyOf(b: NonNullable<Resource['body']>, headers: Header[], notes: string[], t: (s: unknown) => string): RequestDraft['body'] {
  const type = b.mimeType ?? '';
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', fields: (b.params ?? []).map((p) => ({ name: t(p.name), value: t(p.value), enabled: p.disabled !== true })) };
  if (type === 'multipart/form-data') {
    const parts: MultipartPart[] = [];
    for (const p of b.params ?? []) {
      if (p.type === 'file') notes.push(`multipart file part ${JSON.stringify(p.name ?? '')} not carried over: choose its file in the composer`);
      else if (p.disabled || !p.name) notes.push(`multipart part ${JSON.stringify(p.name ?? '')} not carried over (disabled or without a name)`);
      else parts.push({ kind: 'text', name: t(p.name), value: t(p.value) });
    }
    return parts.length > 0 ? { kind: 'multipart', parts } : { kind: 'none' };
  }
  if (b.fileName !== undefined) {
    notes.push('file body not carried over: choose the file to send in the composer');
    return { kind: 'none' };
  }
  if (!b.text) return { kind: 'none' };
  if (type) withType(headers, type === 'application/graphql' ? 'application/json' : type);
  return { kind: 'text', text: t(b.text) };
}

function authOf(a: Record<string, unknown>, headers: Header[], url: string, notes: string[], t: (s: unknown) => string): string {
  if (!a['type'] || a['type'] === 'none' || a['disabled'] === true) return url;
  switch (a['type']) {
    case 'basic': {
      const value = basicValue(t(a['username']), t(a['password']), notes);
      if (value) setAuthorization(headers, value, 'basic', notes);
      return url;
    }
    case 'bearer':
      setAuthorization(headers, `${t(a['prefix']) || 'Bearer'} ${t(a['token'])}`, 'bearer', notes);
      return url;
    case 'apikey':
      if (a['addTo'] === 'queryParams') return withQuery(url, t(a['key']), t(a['value']));
      headers.push({ name: t(a['key']), value: t(a['value']), enabled: true });
      return url;
    default:
      notes.push(`${text(a['type'])} auth not carried over (basic, bearer and API key are)`);
      return url;
  }
}
