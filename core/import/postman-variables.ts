// Postman's variables (a collection's `variable`, an environment's `values`) as ours: the
// same {{name}} syntax, so values are kept as typed. Postman's rule for a name given twice is
// "the last enabled one wins"; a name ours cannot hold is listed, not dropped silently.
import { VariableNameSchema, type Variable } from '../../contract/variables.js';

export interface PostmanVariableLike {
  key?: unknown;
  value?: unknown;
  type?: unknown;
  disabled?: unknown;
  enabled?: unknown;
}

/** Our variables for Postman's, and a note for each one not carried over. */
export function variablesOf(raw: readonly PostmanVariableLike[]): { variables: Variable[]; notes: string[] } {
  const notes: string[] = [];
  const byName = new Map<string, Variable>();
  for (const v of raw) {
    const name = typeof v.key === 'string' ? v.key : '';
    if (!VariableNameSchema.safeParse(name).success) {
      notes.push(`variable ${JSON.stringify(name)} not carried over: a name here starts with a letter or _ and holds letters, digits, _ . - (at most 128)`);
      continue;
    }
    const enabled = v.disabled !== true && v.enabled !== false;
    const value = v.value === undefined || v.value === null ? '' : typeof v.value === 'string' ? v.value : JSON.stringify(v.value);
    const next: Variable = { name, value, secret: v.type === 'secret', enabled };
    const before = byName.get(name);
    // The last enabled definition wins, as in Postman; a disabled one never replaces an enabled one.
    if (before && before.enabled && !enabled) continue;
    if (before) notes.push(`variable ${name} is defined more than once: the last enabled value is kept`);
    byName.set(name, next);
  }
  return { variables: [...byName.values()], notes };
}
