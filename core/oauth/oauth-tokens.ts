// The token a request's OAuth 2.0 auth stands for: the cached one while it is fresh, else a
// refresh_token grant, else (or when the refresh fails) a new grant. Client credentials need
// no person; the code grant's new token needs the browser (code-flow.ts), so a send or a
// run without one is refused by name. Each grant's token request goes through `transport`
// (the app's runner or a run's engine client): a real exchange the user sees.
import type { OAuth2Auth, OAuth2TokenStatus } from '../../contract/oauth.js';
import type { RequestDraft } from '../../contract/request.js';
import { tokenKey, type TokenCache } from './token-cache.js';
import { tokenRequestDraft, type GrantParams, type TransportOf } from './token-request.js';
import { isFresh, OAuthError, parseTokenResponse, type CachedToken } from './token-response.js';

/** Sends a token request; resolves with the response's status and body text. */
export type TokenTransport = (draft: RequestDraft) => Promise<{ status: number; body: string }>;

export class OAuthTokens {
  constructor(private readonly cache: TokenCache) {}

  async status(auth: OAuth2Auth, workspaceId: string | undefined): Promise<OAuth2TokenStatus> {
    const { token, problem } = await this.cache.get(workspaceId, tokenKey(auth));
    return { ...statusOf(token), ...(problem ? { problem } : {}) };
  }

  clear(auth: OAuth2Auth, workspaceId: string | undefined): Promise<boolean> {
    return this.cache.set(workspaceId, tokenKey(auth), undefined);
  }

  /** The Authorization header's value for a send. */
  async header(auth: OAuth2Auth, workspaceId: string | undefined, transport: TokenTransport, via?: Partial<TransportOf>): Promise<{ value: string; token: string }> {
    const token = await this.usable(auth, workspaceId, transport, via);
    const prefix = auth.headerPrefix.trim();
    return { value: prefix ? `${prefix} ${token.accessToken}` : token.accessToken, token: token.accessToken };
  }

  /** Runs a grant, caches its token (a refresh that brings no new refresh token keeps the old one). */
  async grant(auth: OAuth2Auth, workspaceId: string | undefined, transport: TokenTransport, params: GrantParams, via?: Partial<TransportOf>): Promise<CachedToken> {
    const answer = await transport(tokenRequestDraft(auth, params, via));
    let token = parseTokenResponse(answer.status, answer.body);
    if (params.grant_type === 'refresh_token' && !token.refreshToken) token = { ...token, refreshToken: params.refresh_token };
    await this.cache.set(workspaceId, tokenKey(auth), token);
    return token;
  }

  private async usable(auth: OAuth2Auth, workspaceId: string | undefined, transport: TokenTransport, via?: Partial<TransportOf>): Promise<CachedToken> {
    const { token } = await this.cache.get(workspaceId, tokenKey(auth));
    if (token && isFresh(token)) return token;
    let refreshFailed = '';
    if (token?.refreshToken) {
      try {
        return await this.grant(auth, workspaceId, transport, { grant_type: 'refresh_token', refresh_token: token.refreshToken }, via);
      } catch (e) {
        // A refused or failed refresh: the stale token goes, a new grant follows.
        refreshFailed = ` (its refresh failed: ${(e as Error).message})`;
        await this.cache.set(workspaceId, tokenKey(auth), undefined);
      }
    }
    if (auth.grant === 'authorization_code') {
      const why = token ? `the cached token expired${refreshFailed}` : 'no token is cached';
      throw new OAuthError('OAUTH_TOKEN_NEEDED', `the authorization-code grant needs the browser and ${why}: get one with "Get new token" in the app first`);
    }
    return this.grant(auth, workspaceId, transport, { grant_type: 'client_credentials' }, via);
  }
}

export function statusOf(token: CachedToken | undefined): OAuth2TokenStatus {
  if (!token) return { cached: false };
  return { cached: true, ...(token.expiresAt !== undefined ? { expiresAt: token.expiresAt } : {}), ...(token.scope !== undefined ? { scope: token.scope } : {}), refreshable: token.refreshToken !== undefined };
}
