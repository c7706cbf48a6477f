// A grant's token request as a RequestDraft (RFC 6749 §4.1.3, §4.4.2, §6): a form POST to
// the token endpoint, the client authenticated by HTTP Basic (§2.3.1: id and secret
// form-encoded first) or in the body; a public client (no secret) names itself in the body.
// It is sent like any request, so it is an exchange the user sees.
import type { OAuth2Auth } from '../../contract/oauth.js';
import type { RequestDraft } from '../../contract/request.js';

export type GrantParams =
  | { grant_type: 'client_credentials' }
  | { grant_type: 'refresh_token'; refresh_token: string }
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string; code_verifier?: string };

/** The transport settings a token request takes from the request it is for. */
export type TransportOf = Pick<RequestDraft, 'engine' | 'insecure' | 'proxy' | 'timeouts'>;

const formEncode = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');

export function tokenRequestDraft(auth: OAuth2Auth, params: GrantParams, via: Partial<TransportOf> = {}): RequestDraft {
  const fields: Array<[string, string]> = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string');
  // The scope asked for; a code exchange already carries the one the user granted.
  if (params.grant_type !== 'authorization_code' && auth.scope.trim()) fields.push(['scope', auth.scope.trim()]);
  if (auth.audience?.trim()) fields.push(['audience', auth.audience.trim()]);
  const headers = [{ name: 'Accept', value: 'application/json', enabled: true }];
  if (auth.clientAuth === 'basic' && auth.clientSecret !== '') {
    const basic = Buffer.from(`${formEncode(auth.clientId)}:${formEncode(auth.clientSecret)}`).toString('base64');
    headers.push({ name: 'Authorization', value: `Basic ${basic}`, enabled: true });
  } else {
    fields.push(['client_id', auth.clientId]);
    if (auth.clientSecret !== '') fields.push(['client_secret', auth.clientSecret]);
  }
  return {
    url: auth.tokenUrl,
    method: 'POST',
    headers,
    body: { kind: 'form', fields: fields.map(([name, value]) => ({ name, value, enabled: true })) },
    engine: via.engine ?? 'auto',
    followRedirects: false,
    timeouts: via.timeouts ?? {},
    insecure: via.insecure ?? false,
    ...(via.proxy ? { proxy: via.proxy } : {}),
  };
}
