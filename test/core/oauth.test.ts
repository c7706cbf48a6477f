// OAuth 2.0 through a real AppCore against a real authorization server on loopback
// (oauth2-mock-server): client credentials on curl and WinInet (the API checks the Bearer
// header; the token request is an exchange of the history, tagged), the cache (reused, its
// file 0600, a malformed one set aside), expiry → refresh_token grant → a new grant when
// the refresh is refused, an error response named, and the code grant with PKCE S256 and a
// loopback redirect, driven by the test as the browser (state mismatch and access_denied refused).
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OAuth2Auth } from '../../contract/oauth.js';
import type { RequestDraft } from '../../contract/request.js';
import type { SendContext } from '../../contract/variables.js';
import { AppCore } from '../../core/app-core.js';
import { jarFileName } from '../../core/cookie-store.js';
import { finishedOf, recorder } from '../support/core.js';
import { startOAuthRig, type OAuthRig } from '../support/oauth-server.js';

const ctx = (workspaceId: string): SendContext => ({ workspaceId, overrides: [] });

describe('OAuth 2.0 (AppCore, real engines, oauth2-mock-server)', () => {
  let rig: OAuthRig;
  let dataDir: string;
  let core: AppCore;
  let rec: ReturnType<typeof recorder>;
  const creds = (over: Partial<OAuth2Auth> = {}): OAuth2Auth => ({
    kind: 'oauth2', grant: 'client_credentials', tokenUrl: rig.tokenUrl, clientId: 'cli', clientSecret: 's3cret', scope: 'read', clientAuth: 'basic', headerPrefix: 'Bearer', ...over,
  });

  before(async () => {
    rig = await startOAuthRig();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-oauth-'));
    const hooks = { chooseSavePath: async () => path.join(dataDir, 'export.har'), chooseUploadFile: async () => undefined };
    core = await AppCore.create({ dataDir, log: () => {}, hooks, variables: { layersFor: async () => [] } });
    rec = recorder(core);
  });
  after(async () => {
    await core.close();
    await rig.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(request: Partial<RequestDraft>, context: SendContext): Promise<{ id: string; status?: number }> {
    const id = randomUUID();
    const done = rec.finished(id, 60_000);
    await core.call('sendRequest', { id, request: { url: rig.api, ...request }, context });
    const fin = finishedOf(await done);
    assert.equal(fin.ok, true, JSON.stringify(fin.error));
    return { id, ...(fin.statusCode !== undefined ? { status: fin.statusCode } : {}) };
  }
  const grants = (): string[] => rig.calls.map((c) => c.grant);

  for (const engine of ['curl', 'wininet'] as const) {
    it(`client credentials on ${engine}: the API gets the Bearer token; the token request is its own exchange; the next send uses the cache`, async () => {
      const ws = ctx(`cc-${engine}`);
      rig.calls.length = 0;
      const first = await send({ engine, auth: creds() }, ws);
      assert.equal(first.status, 200);
      assert.deepEqual(grants(), ['client_credentials']);
      assert.equal(rig.calls[0]?.authorization, `Basic ${Buffer.from('cli:s3cret').toString('base64')}`, 'client authenticated by HTTP Basic');
      assert.equal(rig.calls[0]?.body['scope'], 'read');
      const bearer = rig.seen.at(-1) ?? '';
      assert.match(bearer, /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/, 'a JWT from the server');
      const history = await core.call('listHistory', { limit: 10 });
      const token = history.entries.find((e) => e.tokenRequest?.for === first.id);
      assert.ok(token, 'the token request is in the history, tagged with its request');
      assert.deepEqual([token.method, token.url, token.statusCode, token.engine], ['POST', rig.tokenUrl, 200, engine]);
      await send({ engine, auth: creds() }, ws);
      assert.deepEqual(grants(), ['client_credentials'], 'the cached token is reused');
      assert.equal(rig.seen.at(-1), bearer);
      const status = await core.call('oauthTokenStatus', { auth: creds(), context: ws });
      assert.equal(status.cached, true);
      assert.ok((status.expiresAt ?? 0) > Date.now() + 3000 * 1000, 'the server gave an hour');
      const file = path.join(dataDir, 'oauth', jarFileName(ws.workspaceId));
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      // The HAR of both exchanges masks the client's credentials and the token.
      const har = await core.call('exportHar', { ids: [token.id, first.id] });
      assert.equal(har.saved, true);
      const text = fs.readFileSync(path.join(dataDir, 'export.har'), 'utf8');
      assert.equal(text.includes(Buffer.from('cli:s3cret').toString('base64')), false);
      assert.equal(text.includes(bearer.slice('Bearer '.length)), false);
      assert.match(text, /Basic \{\{oauth2\.clientCredentials\}\}/);
      assert.match(text, /Bearer \{\{oauth2\.accessToken\}\}/);
    });
  }

  it('client authentication in the body; an {{variable}} in the auth resolves', async () => {
    rig.calls.length = 0;
    await send({ engine: 'curl', auth: creds({ clientAuth: 'body', clientId: '{{$guid}}', scope: 'write' }) }, ctx('body-auth'));
    const call = rig.calls[0];
    assert.equal(call?.authorization, undefined);
    assert.match(call?.body['client_id'] ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(call?.body['client_secret'], 's3cret');
  });

  it('an expired token is refreshed (refresh_token grant); a refused refresh falls back to a new grant', async () => {
    const ws = ctx('refresh');
    rig.calls.length = 0;
    rig.server.service.once('beforeResponse', (res) => {
      Object.assign(res.body as object, { expires_in: 1, refresh_token: 'r-one' });
    });
    await core.call('getOAuthToken', { auth: creds(), context: ws, engine: 'curl' });
    assert.equal((await core.call('oauthTokenStatus', { auth: creds(), context: ws })).refreshable, true);
    await new Promise((r) => setTimeout(r, 700));
    await send({ engine: 'curl', auth: creds() }, ws);
    assert.deepEqual(grants(), ['client_credentials', 'refresh_token']);
    assert.equal(rig.calls[1]?.body['refresh_token'], 'r-one');
    // Refresh again, refused: a new client-credentials grant follows in the same send.
    rig.server.service.once('beforeResponse', (res) => {
      Object.assign(res.body as object, { expires_in: 1, refresh_token: 'r-two' });
    });
    await core.call('getOAuthToken', { auth: creds(), context: ws, engine: 'curl' });
    await new Promise((r) => setTimeout(r, 700));
    rig.server.service.once('beforeResponse', (res) => {
      res.statusCode = 400;
      res.body = { error: 'invalid_grant', error_description: 'refresh token revoked' };
    });
    const sent = await send({ engine: 'curl', auth: creds() }, ws);
    assert.equal(sent.status, 200);
    assert.deepEqual(grants().slice(2), ['client_credentials', 'refresh_token', 'client_credentials']);
    assert.equal(rig.calls[3]?.body['refresh_token'], 'r-two');
  });

  it('an error response is named (RFC 6749 §5.2) and the request is not sent', async () => {
    rig.server.service.once('beforeResponse', (res) => {
      res.statusCode = 401;
      res.body = { error: 'invalid_client', error_description: 'Client authentication failed' };
    });
    const before = rig.seen.length;
    await assert.rejects(core.call('sendRequest', { id: randomUUID(), request: { url: rig.api, engine: 'curl', auth: creds() }, context: ctx('err') }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'OAUTH_ERROR');
      assert.match(e.message, /invalid_client: Client authentication failed/);
      return true;
    });
    assert.equal(rig.seen.length, before);
    assert.equal((await core.call('oauthTokenStatus', { auth: creds(), context: ctx('err') })).cached, false);
  });

  it('a malformed cache file is set aside, never written over; Clear token empties the cache', async () => {
    const dir = path.join(dataDir, 'oauth');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, jarFileName('broken')), '{"version": 1, "tokens": ');
    const status = await core.call('oauthTokenStatus', { auth: creds(), context: ctx('broken') });
    assert.equal(status.cached, false);
    assert.match(status.problem ?? '', /is not valid JSON; it was kept as broken\.json\.bad-/);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('broken.json.bad-'));
    assert.equal(aside.length, 1);
    assert.equal(fs.readFileSync(path.join(dir, aside[0]!), 'utf8'), '{"version": 1, "tokens": ');
    await core.call('getOAuthToken', { auth: creds(), context: ctx('broken'), engine: 'curl' });
    assert.equal((await core.call('oauthTokenStatus', { auth: creds(), context: ctx('broken') })).cached, true);
    assert.deepEqual(await core.call('clearOAuthToken', { auth: creds(), context: ctx('broken') }), { cleared: true });
    assert.equal((await core.call('oauthTokenStatus', { auth: creds(), context: ctx('broken') })).cached, false);
  });

  describe('authorization code with PKCE and a loopback redirect', () => {
    const code = (over: Partial<OAuth2Auth> = {}): OAuth2Auth => creds({ grant: 'authorization_code', authUrl: rig.authUrl, clientSecret: '', scope: 'openid', ...over });

    it('the test plays the browser: authorize → redirect to 127.0.0.1 → code exchanged with the S256 verifier', async () => {
      const ws = ctx('code');
      rig.calls.length = 0;
      const flow = await core.call('startOAuthAuthorization', { auth: code(), context: ws, engine: 'curl' });
      assert.equal(flow.opened, false, 'this core has no browser hook: the page opens it');
      const authorize = new URL(flow.authorizeUrl);
      const q = authorize.searchParams;
      assert.equal(q.get('code_challenge_method'), 'S256');
      const redirect = new URL(q.get('redirect_uri') ?? '');
      assert.equal(redirect.hostname, '127.0.0.1');
      const answer = await fetch(flow.authorizeUrl, { redirect: 'manual' });
      assert.equal(answer.status, 302);
      const back = new URL(answer.headers.get('location') ?? '');
      assert.equal(back.origin, redirect.origin);
      assert.equal(back.searchParams.get('state'), q.get('state'));
      const landing = await fetch(back);
      assert.equal(landing.status, 200);
      assert.match(await landing.text(), /signed in/);
      const status = await core.call('finishOAuthAuthorization', { flowId: flow.flowId });
      assert.deepEqual([status.cached, status.refreshable], [true, true]);
      const call = rig.calls[0];
      assert.equal(call?.grant, 'authorization_code');
      assert.equal(call?.body['redirect_uri'], redirect.href);
      const verifier = call?.body['code_verifier'] ?? '';
      assert.match(verifier, /^[A-Za-z0-9_-]{43,128}$/);
      assert.equal(createHash('sha256').update(verifier).digest('base64url'), q.get('code_challenge'), 'S256 of the verifier is the challenge');
      // The listener was one-shot.
      await assert.rejects(fetch(back));
      const sent = await send({ engine: 'curl', auth: code() }, ws);
      assert.equal(sent.status, 200);
      assert.equal(rig.calls.length, 1, 'the send uses the cached token');
    });

    it('the server checks the verifier: a wrong one is refused', async () => {
      // Proves the exchange above was verified by the server, not only by this test.
      const flow = await core.call('startOAuthAuthorization', { auth: code(), context: ctx('code-bad'), engine: 'curl' });
      const back = new URL((await fetch(flow.authorizeUrl, { redirect: 'manual' })).headers.get('location') ?? '');
      await fetch(back);
      await core.call('cancelOAuthAuthorization', { flowId: flow.flowId });
      const form = new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', redirect_uri: new URL(flow.authorizeUrl).searchParams.get('redirect_uri') ?? '', code_verifier: 'x'.repeat(43), client_id: 'cli' });
      const r = await fetch(rig.tokenUrl, { method: 'POST', body: form });
      assert.equal(r.status >= 400, true);
    });

    it('a state that does not match is refused, and so is access_denied', async () => {
      const flow = await core.call('startOAuthAuthorization', { auth: code(), context: ctx('code-state'), engine: 'curl' });
      const back = new URL((await fetch(flow.authorizeUrl, { redirect: 'manual' })).headers.get('location') ?? '');
      back.searchParams.set('state', 'forged');
      assert.equal((await fetch(back)).status, 400);
      await assert.rejects(core.call('finishOAuthAuthorization', { flowId: flow.flowId }), (e: Error & { code?: string }) => e.code === 'OAUTH_STATE_MISMATCH' && /does not match/.test(e.message));
      const denied = await core.call('startOAuthAuthorization', { auth: code(), context: ctx('code-state'), engine: 'curl' });
      const redirect = new URL(new URL(denied.authorizeUrl).searchParams.get('redirect_uri') ?? '');
      redirect.searchParams.set('state', new URL(denied.authorizeUrl).searchParams.get('state') ?? '');
      redirect.searchParams.set('error', 'access_denied');
      redirect.searchParams.set('error_description', 'the user said no');
      assert.equal((await fetch(redirect)).status, 400);
      await assert.rejects(core.call('finishOAuthAuthorization', { flowId: denied.flowId }), /access_denied: the user said no/);
    });

    it('a send with the code grant and no cached token is refused by name; cancel ends a waiting sign-in', async () => {
      await assert.rejects(core.call('sendRequest', { id: randomUUID(), request: { url: rig.api, engine: 'curl', auth: code() }, context: ctx('code-none') }), (e: Error & { code?: string }) => e.code === 'OAUTH_TOKEN_NEEDED' && /Get new token/.test(e.message));
      const flow = await core.call('startOAuthAuthorization', { auth: code(), context: ctx('code-none'), engine: 'curl' });
      const waiting = core.call('finishOAuthAuthorization', { flowId: flow.flowId });
      assert.deepEqual(await core.call('cancelOAuthAuthorization', { flowId: flow.flowId }), { cancelled: true });
      await assert.rejects(waiting, (e: Error & { code?: string }) => e.code === 'CANCELLED');
    });
  });
});
