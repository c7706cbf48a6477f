// A resolved request's oauth2 auth as its Authorization header: the one step the app's send
// and a run share. An enabled Authorization row wins (as in the composer); the token and the
// client secret become secrets of the record, so exports mask them.
import type { RequestDraft } from '../../contract/request.js';
import type { SecretValue } from '../../domain/secret-mask.js';
import { CommandFailure } from '../command-failure.js';
import { asCommand } from './oauth-service.js';
import type { OAuthTokens, TokenTransport } from './oauth-tokens.js';

export async function withOAuthHeader(draft: RequestDraft, tokens: OAuthTokens | undefined, workspaceId: string | undefined, transport: TokenTransport, secrets: SecretValue[]): Promise<RequestDraft> {
  const auth = draft.auth;
  if (auth?.kind !== 'oauth2' || draft.headers.some((h) => h.enabled && h.name.trim().toLowerCase() === 'authorization')) return draft;
  if (!tokens) throw new CommandFailure('BAD_REQUEST', 'OAuth 2.0 is not available here');
  const via = { engine: draft.engine, insecure: draft.insecure, timeouts: draft.timeouts, ...(draft.proxy ? { proxy: draft.proxy } : {}) };
  const header = await asCommand(tokens.header(auth, workspaceId, transport, via));
  secrets.push({ name: 'oauth2.accessToken', value: header.token }, ...(auth.clientSecret ? [{ name: 'oauth2.clientSecret', value: auth.clientSecret }] : []));
  return { ...draft, headers: [...draft.headers, { name: 'Authorization', value: header.value, enabled: true }] };
}
