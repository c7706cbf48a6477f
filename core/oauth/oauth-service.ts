// AppCore's OAuth 2.0 commands (contract/oauth.ts): a token's status, "Get new token"
// (client credentials), clear, and the code grant's browser round trip. The auth's
// {{variables}} resolve in the context as a send's would; the workspace's cache holds the
// token; every token request goes through the app's runner, so history shows it.
import crypto from 'node:crypto';
import type { OAuth2Auth, OAuth2TokenStatus } from '../../contract/oauth.js';
import { SentRequestSchema } from '../../contract/request.js';
import type { SendContext } from '../../contract/variables.js';
import { CommandFailure } from '../command-failure.js';
import { resolveSent, type VariableSource } from '../variable-source.js';
import { startCodeFlow, type CodeFlow } from './code-flow.js';
import { OAuthTokens, statusOf, type TokenTransport } from './oauth-tokens.js';
import type { TransportOf } from './token-request.js';
import { OAuthError } from './token-response.js';

export interface TokenTarget {
  auth: OAuth2Auth;
  context?: SendContext;
  engine?: TransportOf['engine'];
}

export interface OAuthServiceDeps {
  tokens: OAuthTokens;
  variables?: VariableSource;
  /** The app runner's exchange: a token request recorded in history. */
  transport: TokenTransport;
  /** Opens the system browser (Electron); absent: the page opens the URL. */
  openExternal?(url: string): Promise<void>;
  codeFlowTimeoutMs?: number;
}

interface Flow {
  flow: CodeFlow;
  target: Resolved;
}
type Resolved = { auth: OAuth2Auth; workspaceId: string | undefined; via: Partial<TransportOf> };

/** An OAuthError as the command's failure (its code, the message saying it is OAuth's). */
export async function asCommand<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof OAuthError) throw new CommandFailure(e.code, `OAuth 2.0: ${e.message}`);
    throw e;
  }
}

export class OAuthService {
  private readonly flows = new Map<string, Flow>();

  constructor(private readonly d: OAuthServiceDeps) {}

  async status(t: TokenTarget): Promise<OAuth2TokenStatus> {
    const r = await this.resolve(t);
    return this.d.tokens.status(r.auth, r.workspaceId);
  }

  async clear(t: TokenTarget): Promise<{ cleared: boolean }> {
    const r = await this.resolve(t);
    return { cleared: await this.d.tokens.clear(r.auth, r.workspaceId) };
  }

  async getNew(t: TokenTarget): Promise<OAuth2TokenStatus> {
    const r = await this.resolve(t);
    if (r.auth.grant !== 'client_credentials') throw new CommandFailure('BAD_INPUT', 'getOAuthToken: the authorization-code grant signs in through the browser (startOAuthAuthorization)');
    return statusOf(await asCommand(this.d.tokens.grant(r.auth, r.workspaceId, this.d.transport, { grant_type: 'client_credentials' }, r.via)));
  }

  async start(t: TokenTarget): Promise<{ flowId: string; authorizeUrl: string; opened: boolean }> {
    const r = await this.resolve(t);
    if (r.auth.grant !== 'authorization_code') throw new CommandFailure('BAD_INPUT', 'startOAuthAuthorization: only the authorization-code grant signs in through the browser');
    const flow = await asCommand(startCodeFlow(r.auth, this.d.codeFlowTimeoutMs));
    const flowId = crypto.randomUUID();
    this.flows.set(flowId, { flow, target: r });
    // A flow nobody finishes is dropped a minute after it ended.
    flow.code.catch(() => {}).finally(() => setTimeout(() => this.flows.delete(flowId), 60_000).unref());
    let opened = false;
    if (this.d.openExternal) opened = await this.d.openExternal(flow.authorizeUrl).then(() => true, () => false);
    return { flowId, authorizeUrl: flow.authorizeUrl, opened };
  }

  async finish(flowId: string): Promise<OAuth2TokenStatus> {
    const f = this.flows.get(flowId);
    if (!f) throw new CommandFailure('NOT_FOUND', `no sign-in ${flowId} is waiting`);
    const { auth, workspaceId, via } = f.target;
    // Kept until the code arrives, so a cancel still reaches it.
    const code = await asCommand(f.flow.code).finally(() => this.flows.delete(flowId));
    const params = { grant_type: 'authorization_code' as const, code, redirect_uri: f.flow.redirectUri, ...(f.flow.verifier ? { code_verifier: f.flow.verifier } : {}) };
    return statusOf(await asCommand(this.d.tokens.grant(auth, workspaceId, this.d.transport, params, via)));
  }

  cancel(flowId: string): { cancelled: boolean } {
    const f = this.flows.get(flowId);
    f?.flow.cancel();
    return { cancelled: f !== undefined };
  }

  /** The auth's variables resolved in the context, as a send resolves them. */
  private async resolve(t: TokenTarget): Promise<Resolved> {
    const stand = SentRequestSchema.parse({ url: t.auth.tokenUrl || 'http://token.invalid', auth: t.auth });
    const resolved = await resolveSent(stand, t.context, this.d.variables);
    const auth = resolved.request.auth;
    if (auth?.kind !== 'oauth2') throw new CommandFailure('INTERNAL', 'the auth changed kind while resolved');
    return { auth, workspaceId: t.context?.workspaceId, via: t.engine ? { engine: t.engine } : {} };
  }
}
