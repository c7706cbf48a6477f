// A request's server authentication as a draft carries it: the scheme the user asked for and
// its credentials. The engines answer the server's 401 with them (libcurl's CURLOPT_HTTPAUTH,
// WinInet's own 401 flow); basic and bearer also work as a plain header. A discriminated union
// on `kind`, so another scheme (OAuth 2.0) is one more variant. Imports nothing of the app.
import { z } from 'zod';
import { OAuth2AuthSchema } from './oauth.js';

/** A credential may hold {{variables}}; CR/LF could start a header line. */
const Credential = z.string().max(10_000).regex(/^[^\r\n]*$/, 'must not contain CR or LF');

/** The schemes an engine negotiates itself (user and password); 'any' lets it pick from the challenge (curl --anyauth). */
export const AUTH_SCHEMES = ['basic', 'digest', 'ntlm', 'negotiate', 'any'] as const;
export const AuthSchemeSchema = z.enum(AUTH_SCHEMES);
export type AuthScheme = z.infer<typeof AuthSchemeSchema>;

const credentials = { user: Credential, password: Credential };

export const AuthDraftSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('basic'), ...credentials }),
  z.object({ kind: z.literal('digest'), ...credentials }),
  z.object({ kind: z.literal('ntlm'), ...credentials }),
  z.object({ kind: z.literal('negotiate'), ...credentials }),
  z.object({ kind: z.literal('any'), ...credentials }),
  z.object({ kind: z.literal('bearer'), token: Credential }),
  /** Performed by the core (core/oauth): the token it gets becomes the Authorization header. */
  OAuth2AuthSchema,
]);
export type AuthDraft = z.infer<typeof AuthDraftSchema>;

/** The scheme names as the UI, the CLI and the docs show them. */
export const AUTH_SCHEME_LABEL: Record<AuthScheme, string> = { basic: 'Basic', digest: 'Digest', ntlm: 'NTLM', negotiate: 'Negotiate', any: 'Any (the server picks)' };
