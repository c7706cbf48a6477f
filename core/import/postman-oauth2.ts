// Postman's oauth2 auth (collection v2.1: a list of key/value parameters) and the request's
// OAuth2Auth, both ways: grant (authorization_code_with_pkce is the code grant with PKCE),
// the token and authorization URLs, the client, scope, audience, client authentication
// (header | body), header prefix. What has no field here (the password grant, implicit, a
// token Postman had already got) is a note.
import type { OAuth2Auth } from '../../contract/oauth.js';
import { text } from './draft-parts.js';

const GRANTS: Record<string, Pick<OAuth2Auth, 'grant' | 'pkce'>> = {
  client_credentials: { grant: 'client_credentials' },
  authorization_code: { grant: 'authorization_code', pkce: false },
  authorization_code_with_pkce: { grant: 'authorization_code', pkce: true },
};

export function fromPostmanOAuth2(p: Record<string, unknown>, notes: string[]): OAuth2Auth | undefined {
  const grantType = text(p['grant_type']) || 'authorization_code';
  const grant = GRANTS[grantType];
  if (!grant) {
    notes.push(`oauth2 auth with the ${grantType} grant not carried over (client credentials and authorization code are)`);
    return undefined;
  }
  if (text(p['accessToken'])) notes.push('the oauth2 access token Postman had got is not carried over: InetScope gets its own');
  const audience = text(p['audience']);
  return {
    kind: 'oauth2',
    ...grant,
    tokenUrl: text(p['accessTokenUrl']),
    ...(grant.grant === 'authorization_code' ? { authUrl: text(p['authUrl']) } : {}),
    clientId: text(p['clientId']),
    clientSecret: text(p['clientSecret']),
    scope: text(p['scope']),
    ...(audience ? { audience } : {}),
    clientAuth: p['client_authentication'] === 'body' ? 'body' : 'basic',
    headerPrefix: typeof p['headerPrefix'] === 'string' ? p['headerPrefix'] : 'Bearer',
  };
}

export function toPostmanOAuth2(a: OAuth2Auth): Record<string, unknown> {
  const grantType = a.grant === 'client_credentials' ? 'client_credentials' : a.pkce === false ? 'authorization_code' : 'authorization_code_with_pkce';
  const params: Array<[string, string]> = [
    ['grant_type', grantType],
    ['accessTokenUrl', a.tokenUrl],
    ...(a.grant === 'authorization_code' ? ([['authUrl', a.authUrl ?? '']] as Array<[string, string]>) : []),
    ...(grantType === 'authorization_code_with_pkce' ? ([['challengeAlgorithm', 'S256']] as Array<[string, string]>) : []),
    ['clientId', a.clientId],
    ['clientSecret', a.clientSecret],
    ['scope', a.scope],
    ...(a.audience ? ([['audience', a.audience]] as Array<[string, string]>) : []),
    ['client_authentication', a.clientAuth === 'body' ? 'body' : 'header'],
    ['headerPrefix', a.headerPrefix],
    ['addTokenTo', 'header'],
  ];
  return { type: 'oauth2', oauth2: params.map(([key, value]) => ({ key, value, type: 'string' })) };
}
