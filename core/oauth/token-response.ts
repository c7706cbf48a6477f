// A token endpoint's answer (RFC 6749 §5.1 success, §5.2 error), checked with zod where it
// arrives: a success becomes a token with an absolute expiry, an error is named by its code
// ("invalid_client: Client authentication failed"), anything else by what is wrong with it.
import { z } from 'zod';
import { issueText } from '../../contract/zod-issue.js';

/** A token response is a small JSON document: more than this is not read. */
export const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

/** The failure of a grant, with the endpoint's error code in the message. */
export class OAuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

const SuccessSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().min(1),
  // Some servers send the number as a string ("3600").
  expires_in: z.coerce.number().positive().finite().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

const ErrorSchema = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
  error_uri: z.string().optional(),
});

/** A token as the cache keeps it. */
export const CachedTokenSchema = z.object({
  accessToken: z.string().min(1),
  tokenType: z.string().min(1),
  obtainedAt: z.number(),
  expiresAt: z.number().optional(),
  refreshToken: z.string().min(1).optional(),
  scope: z.string().optional(),
});
export type CachedToken = z.infer<typeof CachedTokenSchema>;

/** The answer as a token; throws OAuthError naming the endpoint's error or what is malformed. */
export function parseTokenResponse(status: number, body: string, now = Date.now()): CachedToken {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new OAuthError('OAUTH_BAD_RESPONSE', `the token endpoint answered ${status} without a JSON body${body.trim() ? `: ${JSON.stringify(body.slice(0, 200))}` : ''}`);
  }
  const error = ErrorSchema.safeParse(json);
  if (error.success) {
    const { error: code, error_description: text } = error.data;
    throw new OAuthError('OAUTH_ERROR', `${code}: ${text ?? `the token endpoint refused the grant (HTTP ${status})`}`);
  }
  if (status < 200 || status > 299) throw new OAuthError('OAUTH_BAD_RESPONSE', `the token endpoint answered ${status} with no OAuth error in its body`);
  const ok = SuccessSchema.safeParse(json);
  if (!ok.success) {
    throw new OAuthError('OAUTH_BAD_RESPONSE', `the token endpoint's answer is not a token response: ${issueText(ok.error, 'body')}`);
  }
  const t = ok.data;
  return {
    accessToken: t.access_token,
    tokenType: t.token_type,
    obtainedAt: now,
    ...(t.expires_in !== undefined ? { expiresAt: now + t.expires_in * 1000 } : {}),
    ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
    ...(t.scope !== undefined ? { scope: t.scope } : {}),
  };
}

/** Refreshed this long before its expiry: 30 s, or half a short lifetime. */
export function isFresh(token: CachedToken, now = Date.now()): boolean {
  if (token.expiresAt === undefined) return true;
  const margin = Math.min(30_000, (token.expiresAt - token.obtainedAt) / 2);
  return now < token.expiresAt - margin;
}

/** The tokens a token response carries, as secrets an export masks (the body is the server's, parsed loosely). */
export function tokenSecretsOf(body: string): Array<{ name: string; value: string }> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  if (typeof json !== 'object' || json === null) return [];
  const r = json as Record<string, unknown>;
  const names = { access_token: 'oauth2.accessToken', refresh_token: 'oauth2.refreshToken', id_token: 'oauth2.idToken' } as const;
  return Object.entries(names).flatMap(([k, name]) => (typeof r[k] === 'string' && r[k] !== '' ? [{ name, value: r[k] }] : []));
}
