// A real OAuth 2.0 authorization server on loopback (oauth2-mock-server) that records each
// token request (grant, client authentication, form fields), and an API on node:http that
// answers with the Authorization header it got (401 without one).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2Server } from 'oauth2-mock-server';

export interface TokenCall {
  grant: string;
  authorization?: string;
  body: Record<string, string>;
}

export interface OAuthRig {
  issuer: string;
  tokenUrl: string;
  authUrl: string;
  api: string;
  calls: TokenCall[];
  /** Authorization headers the API received, in order. */
  seen: string[];
  server: OAuth2Server;
  close(): Promise<void>;
}

export async function startOAuthRig(): Promise<OAuthRig> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  // The issuer names localhost; the tests reach it at the address it listens on.
  const issuer = server.issuer.url!.replace('//localhost:', '//127.0.0.1:');
  const calls: TokenCall[] = [];
  server.service.on('beforeResponse', (_res, req) => {
    const body = req.body as Record<string, string>;
    calls.push({ grant: body['grant_type'] ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body });
  });
  const seen: string[] = [];
  const api = http.createServer((req, res) => {
    const auth = req.headers.authorization;
    if (auth) seen.push(auth);
    res.writeHead(auth ? 200 : 401, { 'Content-Type': 'text/plain' }).end(auth ?? 'no credentials');
  });
  await new Promise<void>((ok) => api.listen(0, '127.0.0.1', ok));
  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    authUrl: `${issuer}/authorize`,
    api: `http://127.0.0.1:${(api.address() as AddressInfo).port}/resource`,
    calls,
    seen,
    server,
    close: async () => {
      await new Promise<void>((ok) => api.close(() => ok()));
      await server.stop();
    },
  };
}
