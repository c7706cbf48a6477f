// What the Manage environments dialog checks and saves (pure): each row's name as the
// contract's VariableNameSchema says, a name twice in one scope, environments' names; then
// the calls a save makes: saveVariables for the workspace (its variables, the environments,
// the stored secrets to carry along renames and copies) and for each changed folder, and
// setSecret for each secret value typed in the dialog. A blank row (no name, no value) is
// left out; a chained row needs its request, and a path for a body or header source.
import { EnvironmentSchema, VariableNameSchema, type Environment, type Variable } from '../../../contract/variables.js';
import type { CommandInput } from '../../../contract/api.js';
import type { SecretRef } from '../../../contract/workspace.js';
import type { EnvModel, RowDraft, ScopeDraft } from './env-model.js';

export interface ScopeProblems {
  /** The environment's name, if it is wrong. */
  name?: string;
  /** By row id: what is wrong with its name. */
  rows: Record<number, string>;
}

const isBlank = (r: RowDraft): boolean => r.name === '' && r.value === '' && !r.typed && !r.from;

function chainProblem(r: RowDraft): string | undefined {
  if (!r.from) return undefined;
  if (r.from.request === '') return 'choose the request whose response gives the value';
  if (r.from.source === 'body' && r.from.path.trim() === '') return 'give a JSON path into the body, e.g. $.token';
  if (r.from.source === 'header' && r.from.path.trim() === '') return 'give the header name';
  return undefined;
}

function rowProblems(rows: readonly RowDraft[]): Record<number, string> {
  const out: Record<number, string> = {};
  const seen = new Set<string>();
  for (const r of rows) {
    if (isBlank(r)) continue;
    const checked = VariableNameSchema.safeParse(r.name);
    if (r.name === '') out[r.id] = 'a variable needs a name';
    else if (!checked.success) out[r.id] = checked.error.issues[0]?.message ?? 'not a variable name';
    else if (seen.has(r.name)) out[r.id] = `${r.name} is defined twice here: the later one would win`;
    else if (chainProblem(r)) out[r.id] = chainProblem(r)!;
    seen.add(r.name);
  }
  return out;
}

function environmentNameProblem(scope: ScopeDraft, all: readonly ScopeDraft[]): string | undefined {
  const name = scope.name.trim();
  const checked = EnvironmentSchema.shape.name.safeParse(name);
  if (name === '') return 'an environment needs a name';
  if (!checked.success) return checked.error.issues[0]?.message ?? 'not an environment name';
  return all.some((s) => s !== scope && s.kind === 'environment' && s.name.trim() === name) ? `another environment is named ${name}` : undefined;
}

/** The problems by scope key; a scope without any is absent. */
export function problemsOf(m: EnvModel): Record<string, ScopeProblems> {
  const out: Record<string, ScopeProblems> = {};
  for (const s of m.scopes) {
    const rows = rowProblems(s.rows);
    const name = s.kind === 'environment' ? environmentNameProblem(s, m.scopes) : undefined;
    if (name !== undefined || Object.keys(rows).length > 0) out[s.key] = { ...(name !== undefined ? { name } : {}), rows };
  }
  return out;
}

const fromOf = (r: RowDraft): Pick<Variable, 'from'> => {
  const f = r.from;
  if (!f) return {};
  return { from: f.source === 'status' ? { request: f.request, source: 'status' } : { request: f.request, source: f.source, path: f.path.trim() } };
};

const variablesOf = (s: ScopeDraft): Variable[] =>
  s.rows.filter((r) => !isBlank(r)).map((r) => ({ name: r.name, value: r.secret || r.from ? '' : r.value, secret: r.secret, enabled: r.enabled, ...fromOf(r) }));

/** Where a row's secret goes in its save call: its environment's scope, else the call's own. */
const targetOf = (s: ScopeDraft, r: RowDraft): SecretRef => (s.kind === 'environment' ? { name: r.name, environment: s.name.trim() } : { name: r.name });
const sameRef = (a: SecretRef, b: SecretRef): boolean => a.name === b.name && a.environment === b.environment;

/** An untyped stored secret that now lives elsewhere (a rename, a copy) is carried there. */
function carryOf(scopes: readonly ScopeDraft[]): Array<{ from: SecretRef; to: SecretRef }> {
  return scopes.flatMap((s) =>
    s.rows.filter((r) => r.secret && !r.typed && r.stored && !isBlank(r) && !sameRef(r.stored, targetOf(s, r))).map((r) => ({ from: r.stored!, to: targetOf(s, r) })),
  );
}

type SaveVariables = CommandInput<'saveVariables'>;
type SetSecret = CommandInput<'setSecret'>;

export interface SavePlan {
  /** In this order: the workspace's call (if it changed), the folders' (each that changed). */
  saves: SaveVariables[];
  /** After the saves: each secret typed in the dialog, in its scope. */
  secrets: SetSecret[];
  /** Environments renamed (their name in the file → the new one): the selector follows. */
  renamed: Array<{ from: string; to: string }>;
}

const environmentsOf = (m: EnvModel): Environment[] => m.scopes.filter((s) => s.kind === 'environment').map((s) => ({ name: s.name.trim(), variables: variablesOf(s) }));

function secretsOf(id: string, s: ScopeDraft): SetSecret[] {
  const scope = s.kind === 'environment' ? { environment: s.name.trim() } : s.kind === 'folder' ? { folder: s.name } : {};
  return s.rows.filter((r) => r.secret && r.typed && !isBlank(r)).map((r) => ({ id, name: r.name, value: r.value, ...scope }));
}

/** The calls that write `m` where it differs from `initial` (the model as the dialog opened). */
export function savePlanOf(id: string, m: EnvModel, initial: EnvModel): SavePlan {
  const own = (x: EnvModel) => x.scopes.filter((s) => s.kind !== 'folder');
  const wsOf = (x: EnvModel) => JSON.stringify([variablesOf(x.scopes[0]!), environmentsOf(x)]);
  const saves: SaveVariables[] = [];
  const carry = carryOf(own(m));
  if (wsOf(m) !== wsOf(initial) || carry.length > 0) {
    saves.push({ id, variables: variablesOf(m.scopes[0]!), environments: environmentsOf(m), ...(carry.length ? { carry } : {}) });
  }
  for (const s of m.scopes.filter((x) => x.kind === 'folder')) {
    const before = initial.scopes.find((x) => x.key === s.key);
    const folderCarry = carryOf([s]);
    if (before && JSON.stringify(variablesOf(s)) === JSON.stringify(variablesOf(before)) && folderCarry.length === 0) continue;
    saves.push({ id, folder: s.name, variables: variablesOf(s), ...(folderCarry.length ? { carry: folderCarry } : {}) });
  }
  const renamed = m.scopes.flatMap((s) => (s.kind === 'environment' && s.original !== undefined && s.original !== s.name.trim() ? [{ from: s.original, to: s.name.trim() }] : []));
  return { saves, secrets: m.scopes.flatMap((s) => secretsOf(id, s)), renamed };
}

/** Whether closing would lose something typed. */
export function isChanged(m: EnvModel, initial: EnvModel): boolean {
  const plan = savePlanOf('', m, initial);
  return plan.saves.length > 0 || plan.secrets.length > 0;
}
