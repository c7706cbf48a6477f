// `{{name}}` in a request: where references are (findVariables, the composer's highlighting)
// and the one resolution of a request against its scopes (resolveRequest, the core's send).
// Scanning is linear (no regex over the input); a value may refer to other variables,
// resolved once each in the same scope chain, at most MAX_NESTING deep; a cycle is named,
// never followed; and the text resolution builds is bounded (MAX_RESOLVED_CHARS), so a
// hostile workspace cannot exhaust memory. A chained variable's value (`from`) comes from the
// caller's ChainLookup (the core reads the response before). Pure; imports the contract only.
import type { RequestDraft } from '../contract/request.js';
import type { ChainFrom, UsedVariable, Variable, VariableLayer } from '../contract/variables.js';
import { describeChain, needsResponseMessage } from './chain.js';
import type { SecretValue } from './secret-mask.js';

export const MAX_NESTING = 64;
/** Characters resolution may build in all (fields and values together): 32 Mi. */
export const MAX_RESOLVED_CHARS = 32 * 1024 * 1024;
/** Problems reported at most; resolution stops collecting after that. */
const MAX_PROBLEMS = 100;

export interface VariableSpan {
  /** Offset of the first `{`. */
  start: number;
  /** Offset just past the last `}`. */
  end: number;
  name: string;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;
const isNameStart = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;

/** One reference at `i` (text[i..i+2] is `{{`): its span, or where scanning stopped. */
function referenceAt(text: string, i: number): VariableSpan | { stop: number } {
  let j = i + 2;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const nameStart = j;
  if (text.charCodeAt(j) === 0x24 /* $: a built-in */) j++;
  if (j < text.length && isNameStart(text.charCodeAt(j))) {
    j++;
    while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
  } else return { stop: j };
  const name = text.slice(nameStart, j);
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return text.startsWith('}}', j) ? { start: i, end: j + 2, name } : { stop: j };
}

/** Every `{{ name }}` in `text`, in order. A `{{` not followed by a name and `}}` is literal. */
export function findVariables(text: string): VariableSpan[] {
  const spans: VariableSpan[] = [];
  let i = text.indexOf('{{');
  while (i >= 0) {
    const r = referenceAt(text, i);
    if ('name' in r) {
      spans.push(r);
      i = text.indexOf('{{', r.end);
    } else {
      // What was scanned holds no `{` past i+1, so the next `{{` starts at i+1 or at the stop.
      i = text.indexOf('{{', r.stop === i + 2 ? i + 1 : r.stop);
    }
  }
  return spans;
}

/** Postman's dynamic variables: each use gets a fresh value. */
export type Builtins = Record<string, () => string>;
export const BUILTINS: Builtins = {
  $guid: () => crypto.randomUUID(),
  $timestamp: () => String(Math.floor(Date.now() / 1000)),
  $isoTimestamp: () => new Date().toISOString(),
  $randomInt: () => String(Math.floor(Math.random() * 1001)),
};

export type ProblemCode = 'UNDEFINED_VARIABLE' | 'VARIABLE_CYCLE' | 'VARIABLE_LIMIT' | 'NEEDS_RESPONSE' | 'CHAIN_FAILED';

/** A chained variable's value (the core looks it up in a response before resolving), or why not. */
export type ChainValue = { value: string } | { code: 'NEEDS_RESPONSE' | 'CHAIN_FAILED'; message: string };
export type ChainLookup = (name: string, from: ChainFrom) => ChainValue;
/** No responses known: every chained variable needs its request sent. */
const NO_RESPONSES: ChainLookup = (name, from) => ({ code: 'NEEDS_RESPONSE', message: needsResponseMessage(name, from.request) });
export interface ResolveProblem {
  code: ProblemCode;
  name: string;
  /** The request field: 'url', 'headers[2].value', 'body.fields[0].value', 'proxy'… */
  where: string;
  message: string;
}
export type ResolveResult =
  | { ok: true; request: RequestDraft; used: UsedVariable[]; secrets: SecretValue[] }
  | { ok: false; problems: ResolveProblem[] };

/** A problem found inside resolution, before it is tied to the field that led to it. */
type Inner = Omit<ResolveProblem, 'where'>;
interface Definition {
  variable: Variable;
  layer: VariableLayer;
}
type Resolved = { value: string } | { problems: Inner[] };

const ref = (name: string): string => `{{${name}}}`;

/** One request's resolution: definitions by name (later layers win), each value resolved once. */
class Resolution {
  private readonly defs = new Map<string, Definition>();
  private readonly memo = new Map<string, Resolved>();
  private readonly stack: string[] = [];
  readonly used = new Map<string, UsedVariable>();
  readonly secrets = new Map<string, string>();
  readonly problems: ResolveProblem[] = [];
  private built = 0;

  constructor(
    layers: readonly VariableLayer[],
    private readonly builtins: Builtins,
    private readonly chained: ChainLookup = NO_RESPONSES,
  ) {
    for (const layer of layers) for (const v of layer.variables) if (v.enabled) this.defs.set(v.name, { variable: v, layer });
  }

  /** A field's text resolved; undefined (problems recorded) if it cannot be. */
  field(text: string, where: string): string | undefined {
    if (this.problems.length >= MAX_PROBLEMS) return undefined;
    const r = this.text(text);
    if ('value' in r) return r.value;
    for (const p of r.problems) {
      const message = `${p.message}, used in ${where}`;
      if (!this.problems.some((q) => q.message === message)) this.problems.push({ ...p, where, message });
    }
    return undefined;
  }

  /** One name's value and where it comes from (the composer's hover). */
  lookup(name: string): Resolved & { definition?: Definition } {
    return { ...this.value(name), ...(this.defs.has(name) ? { definition: this.defs.get(name) } : {}) };
  }

  private text(text: string): Resolved {
    const spans = findVariables(text);
    if (spans.length === 0) return { value: text };
    const parts: string[] = [];
    // By message: a value used twice reports its problems once.
    const problems = new Map<string, Inner>();
    let at = 0;
    let length = 0;
    for (const s of spans) {
      const r = this.value(s.name);
      if ('problems' in r) {
        for (const p of r.problems) if (problems.size < MAX_PROBLEMS) problems.set(p.message, p);
        continue;
      }
      const literal = text.slice(at, s.start);
      length += literal.length + r.value.length;
      if (this.built + length > MAX_RESOLVED_CHARS) return { problems: [{ code: 'VARIABLE_LIMIT', name: s.name, message: `resolving ${ref(s.name)} makes the request larger than ${MAX_RESOLVED_CHARS / 1024 / 1024} Mi characters` }] };
      parts.push(literal, r.value);
      at = s.end;
    }
    if (problems.size > 0) return { problems: [...problems.values()] };
    parts.push(text.slice(at));
    this.built += length + text.length - at;
    return { value: parts.join('') };
  }

  private value(name: string): Resolved {
    const builtin = name.startsWith('$') && Object.hasOwn(this.builtins, name) ? this.builtins[name] : undefined;
    if (builtin) return { value: builtin() };
    const def = this.defs.get(name);
    const via = this.stack.length ? ` (in the value of ${ref(this.stack[this.stack.length - 1]!)})` : '';
    if (!def) {
      const what = name.startsWith('$') ? 'is not a built-in variable ($guid, $timestamp, $isoTimestamp, $randomInt)' : 'is not defined';
      return { problems: [{ code: 'UNDEFINED_VARIABLE', name, message: `${ref(name)} ${what}${via}` }] };
    }
    const known = this.memo.get(name);
    if (known) return known;
    const loop = this.stack.indexOf(name);
    if (loop >= 0) {
      const cycle = [...this.stack.slice(loop), name].join(' → ');
      return { problems: [{ code: 'VARIABLE_CYCLE', name, message: `the variables refer to each other in a cycle: ${cycle}` }] };
    }
    if (this.stack.length >= MAX_NESTING) {
      return { problems: [{ code: 'VARIABLE_LIMIT', name, message: `${ref(name)} is nested more than ${MAX_NESTING} variables deep (${this.stack[0]} → … → ${name})` }] };
    }
    const r = def.variable.from ? this.chain(name, def.variable.from) : this.nested(name, def.variable.value);
    this.memo.set(name, r);
    if ('value' in r) {
      this.used.set(name, { name, scope: { kind: def.layer.kind, label: def.layer.label }, secret: def.variable.secret });
      if (def.variable.secret) this.secrets.set(name, r.value);
    }
    return r;
  }

  private nested(name: string, value: string): Resolved {
    this.stack.push(name);
    const r = this.text(value);
    this.stack.pop();
    return r;
  }

  private chain(name: string, from: ChainFrom): Resolved {
    const r = this.chained(name, from);
    return 'value' in r ? r : { problems: [{ code: r.code, name, message: r.message }] };
  }
}

type Body = RequestDraft['body'];

function resolveBody(body: Body, at: Resolution): Body {
  const f = (text: string, where: string): string => at.field(text, `body.${where}`) ?? text;
  switch (body.kind) {
    case 'text':
      return { ...body, text: f(body.text, 'text') };
    case 'form':
      return { ...body, fields: body.fields.map((x, i) => (x.enabled ? { ...x, name: f(x.name, `fields[${i}].name`), value: f(x.value, `fields[${i}].value`) } : x)) };
    case 'multipart':
      return {
        ...body,
        parts: body.parts.map((p, i) =>
          p.kind === 'text'
            ? { ...p, name: f(p.name, `parts[${i}].name`), value: f(p.value, `parts[${i}].value`) }
            : { ...p, name: f(p.name, `parts[${i}].name`), filename: f(p.filename, `parts[${i}].filename`) },
        ),
      };
    default:
      return body;
  }
}

/**
 * `request` with every `{{name}}` in its URL, enabled headers, body text, enabled form fields,
 * multipart parts (text names and values, file part names and filenames), proxy, no-proxy list, proxy credentials, CA file
 * name, auth credentials and client certificate password replaced by its value in `layers` (outermost first: a later layer overrides an earlier
 * one), or every problem (an undefined name, a cycle, a bound) named with the field it is in.
 */
export function resolveRequest(request: RequestDraft, layers: readonly VariableLayer[], builtins: Builtins = BUILTINS, chained?: ChainLookup): ResolveResult {
  const at = new Resolution(layers, builtins, chained);
  const f = (text: string, where: string): string => at.field(text, where) ?? text;
  const resolved: RequestDraft = {
    ...request,
    url: f(request.url, 'url'),
    headers: request.headers.map((h, i) => (h.enabled ? { ...h, name: f(h.name, `headers[${i}].name`), value: f(h.value, `headers[${i}].value`) } : h)),
    body: resolveBody(request.body, at),
    ...(request.proxy !== undefined ? { proxy: f(request.proxy, 'proxy') } : {}),
    ...(request.noProxy !== undefined ? { noProxy: f(request.noProxy, 'noProxy') } : {}),
    ...(request.proxyAuth ? { proxyAuth: { ...request.proxyAuth, user: f(request.proxyAuth.user, 'proxyAuth.user'), password: f(request.proxyAuth.password, 'proxyAuth.password') } } : {}),
    ...(request.caFileName !== undefined ? { caFileName: f(request.caFileName, 'caFileName') } : {}),
    ...(request.auth !== undefined ? { auth: resolveAuth(request.auth, f) } : {}),
    ...(request.clientCert?.password !== undefined ? { clientCert: { ...request.clientCert, password: f(request.clientCert.password, 'clientCert.password') } } : {}),
  };
  if (at.problems.length > 0) return { ok: false, problems: at.problems };
  return { ok: true, request: resolved, used: [...at.used.values()], secrets: [...at.secrets].map(([name, value]) => ({ name, value })) };
}

/** Every string of an auth but its kind resolved (each auth kind's fields are text or flags). */
function resolveAuth<A extends NonNullable<RequestDraft['auth']>>(auth: A, f: (text: string, where: string) => string): A {
  return Object.fromEntries(Object.entries(auth).map(([k, v]) => [k, typeof v === 'string' && k !== 'kind' ? f(v, `auth.${k}`) : v])) as A;
}

/** Whether `text` holds a `{{name}}` reference (a template the core resolves). */
export function hasVariables(text: string): boolean {
  return findVariables(text).length > 0;
}

/** What a `{{name}}` stands for, as the composer shows it on hover. */
export type VariablePreview =
  | { ok: true; value: string; secret: boolean; scope?: UsedVariable['scope']; builtin?: true; from?: ChainFrom }
  | { ok: false; code: ProblemCode; message: string };

const BUILTIN_TEXT: Record<string, string> = {
  $guid: 'a new GUID at each use',
  $timestamp: 'the Unix time in seconds at each use',
  $isoTimestamp: 'the ISO 8601 time at each use',
  $randomInt: 'a random integer 0–1000 at each use',
};

/** A lookup of names in `layers` (values resolved as a send would; built-ins described, not run). */
export function variablePreviewer(layers: readonly VariableLayer[]): (name: string) => VariablePreview {
  const describe: Builtins = Object.fromEntries(Object.keys(BUILTINS).map((k) => [k, () => BUILTIN_TEXT[k] ?? k]));
  // A chained value is known only at send time: a value using one shows where it comes from.
  const at = new Resolution(layers, describe, (_name, from) => ({ value: `‹${describeChain(from)}›` }));
  return (name) => {
    if (Object.hasOwn(BUILTINS, name)) return { ok: true, value: BUILTIN_TEXT[name] ?? name, secret: false, builtin: true };
    const r = at.lookup(name);
    if ('problems' in r) {
      const p = r.problems.find((x) => x.name === name) ?? r.problems[0]!;
      return { ok: false, code: p.code, message: p.message };
    }
    const def = r.definition!;
    const from = def.variable.from ? { from: def.variable.from } : {};
    return { ok: true, value: r.value, secret: def.variable.secret, scope: { kind: def.layer.kind, label: def.layer.label }, ...from };
  };
}
