// `inetscope run --env-file FILE` with a Postman environment file (JSON with `values` and
// `_postman_variable_scope`, as Postman exports one): its variables as the run's environment,
// read the way the import reads them (postman-variables.ts; a secret's value is the file's).
import type { Environment } from '../../contract/variables.js';
import { variablesOf, type PostmanVariableLike } from '../import/postman-variables.js';

/** The environment a Postman environment file holds, or undefined if the text is not one. */
export function postmanEnvironmentOf(text: string, log: (m: string) => void): Environment | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const o = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (!Array.isArray(o['values']) || typeof o['_postman_variable_scope'] !== 'string') return undefined;
  const name = typeof o['name'] === 'string' && o['name'].trim() ? o['name'].trim().slice(0, 200) : 'Postman environment';
  const { variables, notes } = variablesOf(o['values'] as PostmanVariableLike[]);
  for (const note of notes) log(`--env-file: environment ${name}: ${note}`);
  return { name, variables };
}
