// The authorization-code grant's browser leg (RFC 6749 §4.1, RFC 8252 native apps): a
// one-shot listener on 127.0.0.1 (a free port, or the configured one), the authorization
// URL with `state` and the PKCE S256 challenge (RFC 7636 §4.2), and the redirect back. The
// first callback ends it: a code with the right state, or a failure naming what came
// (access_denied…, a state that does not match); a timeout and cancel end it too.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuth2Auth } from '../../contract/oauth.js';
import { OAuthError } from './token-response.js';

export const CODE_FLOW_TIMEOUT_MS = 5 * 60_000;
const CALLBACK_PATH = '/callback';

export interface CodeFlow {
  authorizeUrl: string;
  redirectUri: string;
  /** The PKCE verifier the token request sends (absent: PKCE is off). */
  verifier?: string;
  /** The code; rejects with OAuthError (denied, state mismatch, timeout, cancelled). */
  code: Promise<string>;
  cancel(): void;
}

const base64url = (b: Buffer): string => b.toString('base64url');

/** RFC 7636 §4.1/§4.2: 32 random bytes as the verifier, its SHA-256 as the challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(crypto.randomBytes(32));
  return { verifier, challenge: base64url(crypto.createHash('sha256').update(verifier).digest()) };
}

function authorizeUrlOf(auth: OAuth2Auth, redirectUri: string, state: string, challenge?: string): string {
  let url: URL;
  try {
    url = new URL(auth.authUrl ?? '');
  } catch {
    throw new OAuthError('BAD_REQUEST', `the authorization URL ${JSON.stringify(auth.authUrl ?? '')} is not a URL`);
  }
  // It is opened in the system browser: a file: or an app's scheme must not reach the OS's handler.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OAuthError('BAD_REQUEST', `the authorization URL must be http or https, not ${url.protocol}`);
  const q = url.searchParams;
  q.set('response_type', 'code');
  q.set('client_id', auth.clientId);
  q.set('redirect_uri', redirectUri);
  q.set('state', state);
  if (auth.scope.trim()) q.set('scope', auth.scope.trim());
  if (auth.audience?.trim()) q.set('audience', auth.audience.trim());
  if (challenge) {
    q.set('code_challenge', challenge);
    q.set('code_challenge_method', 'S256');
  }
  return url.href;
}

const page = (res: http.ServerResponse, status: number, text: string): void => {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(`${text}\n`);
};

export async function startCodeFlow(auth: OAuth2Auth, timeoutMs = CODE_FLOW_TIMEOUT_MS): Promise<CodeFlow> {
  const state = base64url(crypto.randomBytes(16));
  const pkce = auth.pkce === false ? undefined : pkcePair();
  let settle: { ok(code: string): void; fail(e: OAuthError): void } | undefined;
  const code = new Promise<string>((ok, fail) => (settle = { ok, fail }));
  code.catch(() => {});
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== CALLBACK_PATH) return page(res, 404, 'Not the OAuth redirect.');
    const q = url.searchParams;
    if (q.get('state') !== state) {
      page(res, 400, 'InetScope: the answer does not carry this sign-in\'s state, so it is refused.');
      return end(new OAuthError('OAUTH_STATE_MISMATCH', 'the authorization answer carries a state that does not match this sign-in (RFC 6749 §10.12): refused'));
    }
    const error = q.get('error');
    if (error) {
      page(res, 400, `InetScope: the sign-in failed: ${error}. You can close this tab.`);
      return end(new OAuthError('OAUTH_ERROR', `${error}: ${q.get('error_description') ?? 'the authorization server refused the sign-in'}`));
    }
    const got = q.get('code');
    if (!got) {
      page(res, 400, 'InetScope: the answer has no code.');
      return end(new OAuthError('OAUTH_BAD_RESPONSE', 'the authorization answer has neither a code nor an error'));
    }
    page(res, 200, 'InetScope: signed in. You can close this tab.');
    end(undefined, got);
  });
  const timer = setTimeout(() => end(new OAuthError('OAUTH_TIMEOUT', `no answer from the browser within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  let over = false;
  function end(e: OAuthError | undefined, got?: string): void {
    if (over) return;
    over = true;
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
    if (e) settle?.fail(e);
    else settle?.ok(got!);
  }
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => fail(new OAuthError('OAUTH_LISTEN_FAILED', `cannot listen on 127.0.0.1:${auth.redirectPort ?? 0} for the redirect: ${e.code ?? e.message}`)));
    server.listen(auth.redirectPort ?? 0, '127.0.0.1', ok);
  }).catch((e: unknown) => {
    clearTimeout(timer);
    throw e;
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;
  let authorizeUrl: string;
  try {
    authorizeUrl = authorizeUrlOf(auth, redirectUri, state, pkce?.challenge);
  } catch (e) {
    end(e as OAuthError);
    throw e;
  }
  return { authorizeUrl, redirectUri, ...(pkce ? { verifier: pkce.verifier } : {}), code, cancel: () => end(new OAuthError('CANCELLED', 'the sign-in was cancelled')) };
}
