// An OpenAPI 3.x or Swagger 2 document, dereferenced by @apidevtools/swagger-parser (local
// $refs only: a document never makes the core read another file or fetch a URL), as a plan
// (plan.ts): one folder named after the API, a folder per first tag, one request per
// operation with {{baseUrl}} and its parameters as variables (path and required query ones
// in the URL, header ones as headers, optional ones disabled), an example body from the
// schema, and the auth the security scheme names.
import SwaggerParser from '@apidevtools/swagger-parser';
import type { RequestDraft } from '../../contract/request.js';
import type { Variable } from '../../contract/variables.js';
import { CommandFailure } from '../command-failure.js';
import { withQuery, withType, type Header } from './draft-parts.js';
import { exampleOf, exampleText } from './openapi-example.js';
import { newFolder, RequestCount, Siblings, type PlannedFolder } from './plan.js';

type J = Record<string, unknown>;
interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
  example?: unknown;
  type?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function isOpenApi(o: J): boolean {
  return (typeof o['openapi'] === 'string' && o['openapi'].startsWith('3.')) || o['swagger'] === '2.0';
}

export async function planOpenApi(doc: J): Promise<{ root: PlannedFolder; requests: number }> {
  let api: J;
  try {
    api = (await SwaggerParser.dereference(structuredClone(doc) as never, { resolve: { external: false } })) as unknown as J;
  } catch (e) {
    throw new CommandFailure('IMPORT_INVALID', `the OpenAPI document cannot be read: ${(e as Error).message}`);
  }
  const paths = api['paths'] ?? {};
  if (typeof paths !== 'object' || Array.isArray(paths)) throw new CommandFailure('IMPORT_INVALID', 'the OpenAPI document cannot be read: paths is not an object of paths');
  const info = (api['info'] ?? {}) as J;
  const root = newFolder(typeof info['title'] === 'string' && info['title'] ? info['title'] : 'OpenAPI', 0);
  const outside = refsLeft(api);
  if (outside.length > 0) root.notes.push(`$ref to another document not followed (an import reads only the file given): ${[...new Set(outside)].slice(0, 5).join(', ')}`);
  const vars = new Map<string, Variable>();
  const define = (name: string, value: string, secret = false) => void (vars.has(name) || vars.set(name, { name, value, secret, enabled: true }));
  define('baseUrl', baseUrlOf(api, root.notes, define));
  const folders = new Map<string, { folder: PlannedFolder; siblings: Siblings }>();
  const rootSiblings = new Siblings(root);
  const count = new RequestCount();
  for (const [path, item] of Object.entries(paths as Record<string, J>)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of METHODS.filter((m) => item[m])) {
      count.add();
      const op = item[method] as J;
      const tag = Array.isArray(op['tags']) && typeof op['tags'][0] === 'string' ? op['tags'][0] : undefined;
      let place = rootSiblings;
      if (tag) {
        if (!folders.has(tag)) {
          const folder = newFolder(tag, 1);
          rootSiblings.addFolder(folder);
          folders.set(tag, { folder, siblings: new Siblings(folder) });
        }
        place = folders.get(tag)!.siblings;
      }
      const notes: string[] = [];
      const params = [...((item['parameters'] ?? []) as Param[]), ...((op['parameters'] ?? []) as Param[])];
      const draft = draftOf(api, method, path, op, params, notes, define);
      place.addRequest(String(op['summary'] || op['operationId'] || `${method.toUpperCase()} ${path}`), draft, notes);
    }
  }
  root.variables = [...vars.values()];
  return { root, requests: count.n };
}

function baseUrlOf(api: J, notes: string[], define: (name: string, value: string) => void): string {
  if (api['swagger'] === '2.0') {
    const scheme = Array.isArray(api['schemes']) ? String(api['schemes'][0]) : 'https';
    return api['host'] ? `${scheme}://${String(api['host'])}${String(api['basePath'] ?? '')}` : String(api['basePath'] ?? '');
  }
  const server = (Array.isArray(api['servers']) ? api['servers'][0] : undefined) as { url?: string; variables?: Record<string, { default?: unknown }> } | undefined;
  if (!server?.url) {
    notes.push('the document names no server: set the variable baseUrl');
    return '';
  }
  for (const [name, v] of Object.entries(server.variables ?? {})) define(name, String(v.default ?? ''));
  return server.url.replace(/\{([^{}]+)\}/g, '{{$1}}');
}

type Define = (name: string, value: string, secret?: boolean) => void;

function draftOf(api: J, method: string, path: string, op: J, params: Param[], notes: string[], define: Define): RequestDraft {
  const headers: Header[] = [];
  let url = `{{baseUrl}}${path.replace(/\{([^{}]+)\}/g, '{{$1}}')}`;
  const optional: string[] = [];
  for (const p of params) {
    if (p.in === 'body' || p.in === 'formData') continue;
    define(p.name, exampleText(p));
    if (p.in === 'path') continue;
    if (p.in === 'query' && p.required) url = withQuery(url, p.name, `{{${p.name}}}`);
    else if (p.in === 'query') optional.push(p.name);
    else if (p.in === 'header') headers.push({ name: p.name, value: `{{${p.name}}}`, enabled: p.required === true });
    else notes.push(`${p.in} parameter ${p.name} not carried over`);
  }
  if (optional.length > 0) notes.push(`optional query parameters not added to the URL: ${optional.join(', ')} (variables are defined for them)`);
  const body = api['swagger'] === '2.0' ? swaggerBody(api, op, params, headers, notes) : openApiBody(op, headers, notes);
  url = securityOf(api, op, headers, url, notes, define);
  return { url, method: method.toUpperCase(), headers, body, engine: 'auto', timeouts: {}, insecure: false };
}

function openApiBody(op: J, headers: Header[], notes: string[]): RequestDraft['body'] {
  const content = ((op['requestBody'] as J | undefined)?.['content'] ?? {}) as Record<string, J>;
  const types = Object.keys(content);
  const type = types.find((t) => /json/i.test(t)) ?? types[0];
  if (!type) return { kind: 'none' };
  const media = content[type]!;
  const examples = Object.values((media['examples'] ?? {}) as Record<string, { value?: unknown }>);
  const example = media['example'] ?? examples[0]?.value ?? exampleOf(media['schema']);
  return bodyFor(type, example, headers, notes);
}

function swaggerBody(api: J, op: J, params: Param[], headers: Header[], notes: string[]): RequestDraft['body'] {
  const consumes = (op['consumes'] ?? api['consumes'] ?? []) as string[];
  const body = params.find((p) => p.in === 'body');
  if (body) return bodyFor(consumes.find((t) => /json/i.test(t)) ?? consumes[0] ?? 'application/json', exampleOf(body.schema), headers, notes);
  const form = params.filter((p) => p.in === 'formData');
  if (form.length === 0) return { kind: 'none' };
  const example = Object.fromEntries(form.filter((p) => p.type !== 'file').map((p) => [p.name, exampleText(p)]));
  for (const p of form.filter((f) => f.type === 'file')) notes.push(`form file parameter ${p.name} not carried over: choose its file in the composer`);
  return bodyFor(consumes.includes('multipart/form-data') ? 'multipart/form-data' : 'application/x-www-form-urlencoded', example, headers, notes);
}

function bodyFor(type: string, example: unknown, headers: Header[], notes: string[]): RequestDraft['body'] {
  const fields = example && typeof example === 'object' ? Object.entries(example as J).map(([name, v]) => ({ name, value: typeof v === 'string' ? v : JSON.stringify(v) })) : [];
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', fields: fields.map((f) => ({ ...f, enabled: true })) };
  if (type === 'multipart/form-data') {
    const parts = fields.filter((f) => f.name).map((f) => ({ kind: 'text' as const, ...f }));
    notes.push('multipart body: its parts are text examples; a binary part needs its file chosen in the composer');
    return parts.length > 0 ? { kind: 'multipart', parts } : { kind: 'none' };
  }
  withType(headers, type);
  if (example === null || example === undefined) return { kind: 'none' };
  return { kind: 'text', text: typeof example === 'string' ? example : JSON.stringify(example, null, 2) };
}

/** The first security requirement's schemes: API key (header or query) and HTTP bearer carried; others noted. */
function securityOf(api: J, op: J, headers: Header[], url: string, notes: string[], define: Define): string {
  const requirement = ((op['security'] ?? api['security'] ?? []) as Array<Record<string, unknown>>)[0] ?? {};
  const schemes = ((api['components'] as J | undefined)?.['securitySchemes'] ?? api['securityDefinitions'] ?? {}) as Record<string, J>;
  for (const name of Object.keys(requirement)) {
    const s = schemes[name];
    const v = /^[A-Za-z_][\w.-]{0,127}$/.test(name) ? name : 'apiKey';
    if (s?.['type'] === 'apiKey' && (s['in'] === 'header' || s['in'] === 'query')) {
      define(v, '', true);
      if (s['in'] === 'query') url = withQuery(url, String(s['name']), `{{${v}}}`);
      else headers.push({ name: String(s['name']), value: `{{${v}}}`, enabled: true });
    } else if (s?.['type'] === 'http' && String(s['scheme']).toLowerCase() === 'bearer') {
      define(v, '', true);
      headers.push({ name: 'Authorization', value: `Bearer {{${v}}}`, enabled: true });
    } else notes.push(`security scheme ${name} (${String(s?.['type'] ?? 'unknown')}) not carried over`);
  }
  return url;
}

/** The $refs dereferencing left (those to other files or URLs), walking the shared, possibly circular, graph once. */
function refsLeft(api: J): string[] {
  const seen = new Set<object>();
  const out: string[] = [];
  const stack: unknown[] = [api];
  while (stack.length > 0 && seen.size < 1_000_000) {
    const v = stack.pop();
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const ref = (v as J)['$ref'];
    if (typeof ref === 'string') out.push(ref);
    stack.push(...Object.values(v));
  }
  return out;
}
