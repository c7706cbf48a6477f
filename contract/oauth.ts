// OAuth 2.0 as an auth type of a request (RFC 6749: client credentials, authorization code
// with PKCE, RFC 7636), the token's state as the page sees it, and the commands that get,
// show and clear a workspace's cached token. Strings may hold {{variables}}: the core
// resolves them with the request's. Imports nothing of the app.
import { z } from 'zod';
import { SendContextSchema } from './variables.js';

const Text = z.string().max(64 * 1024);

export const OAUTH2_GRANTS = ['client_credentials', 'authorization_code'] as const;

export const OAuth2AuthSchema = z.strictObject({
  kind: z.literal('oauth2'),
  grant: z.enum(OAUTH2_GRANTS),
  tokenUrl: Text,
  /** The authorization endpoint (authorization_code only). */
  authUrl: Text.optional(),
  clientId: Text,
  /** Best kept as a {{secret}} variable: the saved file then holds only its name. */
  clientSecret: Text.default(''),
  /** Space-separated, as RFC 6749 §3.3 writes it; empty: none asked for. */
  scope: Text.default(''),
  audience: Text.optional(),
  /** PKCE S256 on the code grant; absent: on. */
  pkce: z.boolean().optional(),
  /** How the client authenticates at the token endpoint: HTTP Basic (RFC 6749 §2.3.1) or in the form body. */
  clientAuth: z.enum(['basic', 'body']).default('basic'),
  /** The loopback redirect's port (RFC 8252 §7.3); absent: a free one each time. */
  redirectPort: z.number().int().min(1).max(65535).optional(),
  /** The Authorization header's scheme word before the token. */
  headerPrefix: z.string().max(100).regex(/^[^\r\n]*$/).default('Bearer'),
});
export type OAuth2Auth = z.infer<typeof OAuth2AuthSchema>;

/** A cached token's state (never the token itself: the page has no use for it). */
export const OAuth2TokenStatusSchema = z.object({
  cached: z.boolean(),
  /** ms since the epoch; absent: the server gave no lifetime. */
  expiresAt: z.number().optional(),
  scope: z.string().optional(),
  refreshable: z.boolean().optional(),
  /** The cache file could not be read or was set aside. */
  problem: z.string().optional(),
});
export type OAuth2TokenStatus = z.infer<typeof OAuth2TokenStatusSchema>;

/** Which token: the auth (variables resolved in the context) and the workspace whose cache holds it. */
const TokenTarget = z.strictObject({ auth: OAuth2AuthSchema, context: SendContextSchema.optional(), engine: z.enum(['auto', 'wininet', 'curl']).optional() });
const FlowId = z.string().uuid();

export const OAUTH_COMMANDS = {
  oauthTokenStatus: { input: TokenTarget, output: OAuth2TokenStatusSchema },
  /** A new token by the client-credentials grant, its token request an exchange of the history. */
  getOAuthToken: { input: TokenTarget, output: OAuth2TokenStatusSchema },
  clearOAuthToken: { input: TokenTarget, output: z.object({ cleared: z.boolean() }) },
  /** The code grant: a loopback listener and the authorization URL (RFC 8252). `opened`: the
   * shell opened the system browser; else the page opens the URL itself. */
  startOAuthAuthorization: { input: TokenTarget, output: z.object({ flowId: FlowId, authorizeUrl: z.string(), opened: z.boolean() }) },
  /** Waits for the redirect (or the flow's timeout), exchanges the code, caches the token. */
  finishOAuthAuthorization: { input: z.strictObject({ flowId: FlowId }), output: OAuth2TokenStatusSchema },
  cancelOAuthAuthorization: { input: z.strictObject({ flowId: FlowId }), output: z.object({ cancelled: z.boolean() }) },
} as const;
