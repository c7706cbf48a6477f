// The variable scopes a script sees, and what its `set`s change. pm.environment reads the
// environment scope, pm.collectionVariables the workspace and folder scopes (a Postman
// collection is imported as a folder, so its variables are there), pm.variables all of them
// with the run's --var and its own sets (pm.variables.set: this send only) innermost.
// Environment and collection sets are kept by the caller (a run, the app's session) and
// laid over the scopes of later sends; they are never written to a file.
import type { Variable, VariableLayer } from '../../contract/variables.js';
import type { PmVariable } from './sandbox.js';

/** A name set to a value, or unset (null). */
export type VariableSets = Map<string, string | null>;

export interface ScriptSets {
  environment: VariableSets;
  collection: VariableSets;
}

export const emptySets = (): ScriptSets => ({ environment: new Map(), collection: new Map() });

export interface PmScopes {
  environment: PmVariable[];
  collectionVariables: PmVariable[];
  _variables: PmVariable[];
}

const isCollection = (l: VariableLayer): boolean => l.kind === 'workspace' || l.kind === 'folder';

/** The scopes as the sandbox takes them (inner definitions override outer ones of the same name). */
export function pmScopesOf(layers: readonly VariableLayer[]): PmScopes {
  const merged = (ls: VariableLayer[]): PmVariable[] => {
    const byName = new Map<string, string>();
    for (const l of ls) for (const v of l.variables) byName.set(v.name, v.value);
    return [...byName].map(([key, value]) => ({ key, value }));
  };
  return {
    environment: merged(layers.filter((l) => l.kind === 'environment')),
    collectionVariables: merged(layers.filter(isCollection)),
    _variables: merged(layers.filter((l) => l.kind === 'run')),
  };
}

export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value) ?? String(value);
}

/** What a script changed in one scope: before → after (values as text). */
export function changesIn(before: readonly PmVariable[], after: readonly PmVariable[] | undefined): VariableSets {
  const changes: VariableSets = new Map();
  if (!after) return changes;
  const was = new Map(before.map((v) => [v.key, valueText(v.value)]));
  const now = new Map(after.map((v) => [v.key, valueText(v.value)]));
  for (const [key, value] of now) if (was.get(key) !== value) changes.set(key, value);
  for (const key of was.keys()) if (!now.has(key)) changes.set(key, null);
  return changes;
}

export function mergeInto(target: VariableSets, changes: VariableSets): void {
  for (const [k, v] of changes) target.set(k, v);
}

/** `variables` with `sets` applied: a set name keeps its place (and its secret flag), a name
 * `elsewhere` does not define is appended (if `appendNew`). */
function applied(variables: readonly Variable[], sets: VariableSets, appendNew: boolean, elsewhere: ReadonlySet<string> = new Set()): Variable[] {
  const out = variables.filter((v) => sets.get(v.name) !== null).map((v) => (sets.has(v.name) ? { ...v, value: sets.get(v.name) as string } : v));
  if (!appendNew) return out;
  for (const [name, value] of sets) if (value !== null && !elsewhere.has(name) && !out.some((v) => v.name === name)) out.push({ name, value, secret: false, enabled: true });
  return out;
}

/** The layers with the scripts' sets laid over them, and this send's own (pm.variables) innermost. */
export function layersWithSets(layers: readonly VariableLayer[], sets: ScriptSets, local: VariableSets = new Map()): VariableLayer[] {
  const innermostCollection = layers.reduce((at, l, i) => (isCollection(l) ? i : at), -1);
  // A name an outer scope defines is set there (keeping its secret flag), not shadowed by a copy.
  const collectionNames = new Set(layers.filter(isCollection).flatMap((l) => l.variables.map((v) => v.name)));
  let out = layers.map((l, i) => {
    if (l.kind === 'environment') return { ...l, variables: applied(l.variables, sets.environment, true) };
    if (isCollection(l)) return { ...l, variables: applied(l.variables, sets.collection, i === innermostCollection, collectionNames) };
    return l;
  });
  if (!out.some((l) => l.kind === 'environment') && [...sets.environment.values()].some((v) => v !== null)) {
    const at = out.findIndex((l) => l.kind === 'run');
    const env: VariableLayer = { kind: 'environment', label: 'set by scripts', variables: applied([], sets.environment, true) };
    out = at < 0 ? [...out, env] : [...out.slice(0, at), env, ...out.slice(at)];
  }
  if (local.size > 0) out = [...out, { kind: 'run', label: 'pm.variables (this send)', variables: applied([], local, true) }];
  return out;
}
