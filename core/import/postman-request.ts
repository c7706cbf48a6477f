// One Postman request (through the postman-collection SDK) as a saved request's draft:
// method, URL ({{var}} kept: the same syntax), headers (disabled ones kept disabled), the
// body and the auth Postman would send; its scripts. What the draft cannot hold is a note.
import type { EventList, Item, RequestAuth } from 'postman-collection';
import type { FormFieldSchema, MultipartPart, RequestDraft } from '../../contract/request.js';
import { MAX_SCRIPT_CHARS, type Scripts } from '../../contract/scripts.js';
import type { z } from 'zod';
import { basicValue, setAuthorization, text, withQuery, withType, type Header } from './draft-parts.js';
import { fromPostmanOAuth2 } from './postman-oauth2.js';

type Body = RequestDraft['body'];
type Field = z.infer<typeof FormFieldSchema>;

/** Postman's raw "language" → the Content-Type it sends when no header names one. */
const RAW_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  javascript: 'application/javascript',
  text: 'text/plain',
};

interface PostmanRow {
  key?: string | null;
  value?: unknown;
  disabled?: boolean;
  type?: string;
  src?: unknown;
}

interface PostmanBody {
  mode?: string;
  disabled?: boolean;
  raw?: string;
  options?: { raw?: { language?: string } };
  urlencoded?: PostmanRow[];
  formdata?: PostmanRow[];
  graphql?: { query?: string; variables?: string };
}


/** The request's draft; its scripts are read by scriptsOf. */
export function draftOf(item: Item, notes: string[]): RequestDraft {
  const r = item.request;
  const headers: Header[] = (r.headers.all() as PostmanRow[]).map((h) => ({ name: h.key ?? '', value: text(h.value), enabled: h.disabled !== true }));
  let url = withPathVariables(item, notes);
  const body = bodyOf(r.body ? (r.body.toJSON() as PostmanBody) : undefined, headers, notes);
  const negotiated: { auth?: RequestDraft['auth'] } = {};
  url = applyAuth(item, headers, url, notes, negotiated);
  const oauth = oauth2Of(item, notes);
  if (oauth) negotiated.auth = oauth;
  return { url, method: (r.method || 'GET').toUpperCase(), headers, body, engine: 'auto', timeouts: {}, insecure: false, ...negotiated };
}

/** Postman's `:name` path segments take the request's path-variable values. */
function withPathVariables(item: Item, notes: string[]): string {
  let url = item.request.url.toString();
  for (const v of item.request.url.variables.all() as PostmanRow[]) {
    const key = v.key ?? '';
    if (!key) continue;
    const value = text(v.value);
    const segment = new RegExp(`/:${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/?#]|$)`, 'g');
    if (value === '') notes.push(`path variable :${key} has no value: kept as typed in the URL`);
    else url = url.replace(segment, `/${value}`);
  }
  return url;
}

function bodyOf(b: PostmanBody | undefined, headers: Header[], notes: string[]): Body {
  if (!b?.mode || b.disabled) return { kind: 'none' };
  switch (b.mode) {
    case 'raw': {
      if (!b.raw) return { kind: 'none' };
      const type = RAW_TYPES[b.options?.raw?.language ?? ''];
      if (type) withType(headers, type);
      return { kind: 'text', text: b.raw };
    }
    case 'urlencoded': {
      const fields: Field[] = (b.urlencoded ?? []).map((f) => ({ name: f.key ?? '', value: text(f.value), enabled: f.disabled !== true }));
      return fields.length > 0 ? { kind: 'form', fields } : { kind: 'none' };
    }
    case 'formdata':
      return multipartOf(b.formdata ?? [], notes);
    case 'file':
      notes.push('file body not carried over: choose the file to send in the composer');
      return { kind: 'none' };
    case 'graphql': {
      withType(headers, 'application/json');
      return { kind: 'text', text: JSON.stringify({ query: b.graphql?.query ?? '', variables: graphqlVariables(b.graphql?.variables, notes) }, null, 2) };
    }
    default:
      notes.push(`body mode ${JSON.stringify(b.mode)} not carried over`);
      return { kind: 'none' };
  }
}

function multipartOf(rows: PostmanRow[], notes: string[]): Body {
  const parts: MultipartPart[] = [];
  for (const row of rows) {
    const name = row.key ?? '';
    if (row.type === 'file') notes.push(`form-data file part ${JSON.stringify(name)} not carried over: choose its file in the composer`);
    else if (row.disabled) notes.push(`form-data part ${JSON.stringify(name)} was disabled: not carried over (a multipart part here has no off switch)`);
    else if (!name) notes.push('a form-data part without a name not carried over');
    else parts.push({ kind: 'text', name, value: text(row.value) });
  }
  return parts.length > 0 ? { kind: 'multipart', parts } : { kind: 'none' };
}

/** GraphQL variables are JSON text in Postman; text that does not parse is kept as a string. */
function graphqlVariables(source: string | undefined, notes: string[]): unknown {
  if (!source?.trim()) return {};
  try {
    return JSON.parse(source);
  } catch {
    notes.push('GraphQL variables are not JSON: kept as a string');
    return source;
  }
}

/** The auth Postman would send (the request's, else the nearest folder's or the collection's). */
function applyAuth(item: Item, headers: Header[], url: string, notes: string[], out: { auth?: RequestDraft['auth'] }): string {
  const auth = item.getAuth() as (RequestAuth & { type?: string }) | undefined;
  if (!auth?.type || auth.type === 'noauth') return url;
  const p = auth.parameters().toObject() as Record<string, unknown>;
  switch (auth.type) {
    case 'basic': {
      const value = basicValue(text(p['username']), text(p['password']), notes);
      if (value) setAuthorization(headers, value, 'basic', notes);
      return url;
    }
    case 'bearer':
      setAuthorization(headers, `Bearer ${text(p['token'])}`, 'bearer', notes);
      return url;
    // Digest and NTLM are the engine's to negotiate (Postman's realm, nonce and workstation are the server's to give).
    case 'digest':
      out.auth = { kind: 'digest', user: text(p['username']), password: text(p['password']) };
      return url;
    case 'ntlm': {
      const domain = text(p['domain']);
      out.auth = { kind: 'ntlm', user: domain ? `${domain}\\${text(p['username'])}` : text(p['username']), password: text(p['password']) };
      return url;
    }
    case 'apikey': {
      const [key, value] = [text(p['key']), text(p['value'])];
      if (p['in'] === 'query') return withQuery(url, key, value);
      headers.push({ name: key, value, enabled: true });
      return url;
    }
    case 'oauth2':
      return url;
    default:
      notes.push(`${auth.type} auth not carried over (basic, bearer, digest, NTLM, API key and OAuth 2.0 are)`);
      return url;
  }
}

/** Postman's oauth2 auth (the request's or the nearest folder's or collection's) as the request's. */
function oauth2Of(item: Item, notes: string[]): RequestDraft['auth'] {
  const auth = item.getAuth() as (RequestAuth & { type?: string }) | undefined;
  return auth?.type === 'oauth2' ? fromPostmanOAuth2(auth.parameters().toObject() as Record<string, unknown>, notes) : undefined;
}

/** The scripts of a request, a folder or the collection, kept to run in the sandbox once the
 * workspace is trusted (a note says so); several events of one kind run as one script, in order. */
export function scriptsOf(owner: { events: EventList }, notes: string[]): Scripts | undefined {
  const scripts: Scripts = {};
  for (const e of owner.events.all()) {
    const source = (e.script?.exec ?? []).join('\n');
    const listen = e.listen as string | undefined;
    if (e.disabled || !source.trim()) continue;
    if (listen !== 'prerequest' && listen !== 'test') {
      notes.push(`${listen ?? 'unnamed'} script not carried over (pre-request and test scripts are)`);
      continue;
    }
    const before = scripts[listen];
    scripts[listen] = before === undefined ? source : `${before}\n${source}`;
  }
  for (const kind of ['prerequest', 'test'] as const) {
    const source = scripts[kind];
    if (source === undefined) continue;
    if (source.length > MAX_SCRIPT_CHARS) {
      notes.push(`${kind === 'prerequest' ? 'pre-request' : 'test'} script not carried over: over ${MAX_SCRIPT_CHARS} characters`);
      delete scripts[kind];
    } else notes.push(`${kind === 'prerequest' ? 'pre-request' : 'test'} script kept: it runs once the workspace is trusted`);
  }
  return scripts.prerequest === undefined && scripts.test === undefined ? undefined : scripts;
}
