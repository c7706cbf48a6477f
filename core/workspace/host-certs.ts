// A workspace's client certificate for a send (contract/workspace.ts HostClientCertSchema):
// the entry for the URL's host, its files resolved against the workspace folder, its
// password the named variable's value in the send's scopes (a secret's stored value too).
import path from 'node:path';
import type { VariableLayer } from '../../contract/variables.js';
import type { ClientCert } from '../../engine/request-spec.js';
import { clientCertForUrl } from '../../domain/client-cert-host.js';
import { CommandFailure } from '../command-failure.js';
import { WorkspaceFileSchema } from './file-schemas.js';
import { WORKSPACE_FILE } from './item-names.js';
import { readOptional } from './tree-reader.js';

/** undefined: the workspace has no certificate for the URL's host. */
export async function hostClientCert(root: string, layers: readonly VariableLayer[], url: string): Promise<ClientCert | undefined> {
  const file = await readOptional(root, WORKSPACE_FILE, WorkspaceFileSchema, []);
  const entry = clientCertForUrl(file?.clientCerts, url);
  if (!entry) return undefined;
  const at = (p: string): string => path.resolve(root, p);
  let password: string | undefined;
  if (entry.passwordVariable) {
    // Innermost scope first, as {{name}} resolves.
    const v = [...layers].reverse().flatMap((l) => l.variables).find((x) => x.name === entry.passwordVariable);
    if (!v) throw new CommandFailure('UNDEFINED_VARIABLE', `Not sent: the workspace's client certificate for ${entry.host} takes its password from the variable ${JSON.stringify(entry.passwordVariable)}, which is not defined here.`);
    password = v.value;
  }
  return { certPath: at(entry.cert), ...(entry.key && entry.type === 'PEM' ? { keyPath: at(entry.key) } : {}), type: entry.type, ...(password !== undefined ? { password } : {}) };
}
