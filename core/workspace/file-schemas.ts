// What a workspace's files must hold, checked where they are read (a file on disk is
// outside input like the page's): the contract's shapes, with the request strict too, so a
// misspelt key is reported rather than dropped and then lost on the next save.
import { RequestDraftSchema } from '../../contract/request.js';
import { FolderFileSchema, SavedRequestSchema, WorkspaceFileSchema, type SavedRequest } from '../../contract/workspace.js';
import type { Variable } from '../../contract/variables.js';

export const SavedRequestFileSchema = SavedRequestSchema.extend({ request: RequestDraftSchema.strict() });
export { FolderFileSchema, WorkspaceFileSchema };

/** Session-only tokens never reach a file: a picked file or CA file is this session's. A
 * file body keeps nothing (it becomes none), a multipart keeps its text parts. */
export function withoutSessionTokens(saved: SavedRequest): SavedRequest {
  const { caFileToken: _ca, clientCert, ...rest } = saved.request;
  const request = clientCert ? { ...rest, clientCert: withoutCertTokens(clientCert) } : rest;
  let body = request.body;
  if (body.kind === 'file') body = { kind: 'none' };
  if (body.kind === 'multipart') {
    const parts = body.parts.filter((p) => p.kind === 'text');
    body = parts.length > 0 ? { kind: 'multipart', parts } : { kind: 'none' };
  }
  return { ...saved, request: { ...request, body } };
}

function withoutCertTokens(cert: NonNullable<SavedRequest['request']['clientCert']>): typeof cert {
  const { certToken: _c, keyToken: _k, ...names } = cert;
  return names;
}

/** As the page sees them: a secret's value is never sent, whatever a file holds. */
export function maskSecrets(variables: Variable[]): Variable[] {
  return variables.map((v) => (v.secret ? { ...v, value: '' } : v));
}
