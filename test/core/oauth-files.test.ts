// OAuth 2.0 auth in files: a saved request's auth round-trips through its YAML file (a real
// workspace on a real AppCore); Postman's oauth2 auth comes in as the request's and goes back
// out (the importer's and exporter's own steps on the SDK's items), the grants with no field here noted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import postman from 'postman-collection';
import { postmanRequest } from '../../core/export/postman-request.js';
import { draftOf } from '../../core/import/postman-request.js';
import { draft, startWorkspaceCore } from './workspace-support.js';

const item = (oauth2: Record<string, string>) =>
  // The SDK's types know no oauth2 parameter list; its code does.
  new postman.Item({ name: 'r', request: { url: 'https://api.example/x', method: 'GET', auth: { type: 'oauth2', oauth2: Object.entries(oauth2).map(([key, value]) => ({ key, value, type: 'string' })) } } } as never);

describe('Postman oauth2 auth', () => {
  it('the PKCE code grant comes in as the request\'s auth and goes out as Postman\'s', () => {
    const notes: string[] = [];
    const draft = draftOf(item({ grant_type: 'authorization_code_with_pkce', accessTokenUrl: 'https://id.example/token', authUrl: 'https://id.example/authorize', clientId: 'app', clientSecret: '{{secret}}', scope: 'openid profile', client_authentication: 'body', headerPrefix: 'Bearer', accessToken: 'old' }), notes);
    assert.deepEqual(draft.auth, { kind: 'oauth2', grant: 'authorization_code', pkce: true, tokenUrl: 'https://id.example/token', authUrl: 'https://id.example/authorize', clientId: 'app', clientSecret: '{{secret}}', scope: 'openid profile', clientAuth: 'body', headerPrefix: 'Bearer' });
    assert.equal(draft.headers.some((h) => h.name.toLowerCase() === 'authorization'), false);
    assert.deepEqual(notes, ['the oauth2 access token Postman had got is not carried over: InetScope gets its own']);
    const out = postmanRequest(draft, []);
    const back = draftOf(new postman.Item({ name: 'r', request: { ...(out as object), url: 'https://api.example/x' } } as never), []);
    assert.deepEqual(back.auth, draft.auth);
  });

  it('client credentials round-trip; the password grant is a note', () => {
    const draft = draftOf(item({ grant_type: 'client_credentials', accessTokenUrl: 'https://id.example/token', clientId: 'svc', clientSecret: 's', scope: '', audience: 'api://x' }), []);
    assert.ok(draft.auth?.kind === 'oauth2');
    assert.equal(draft.auth.grant, 'client_credentials');
    assert.equal(draft.auth.audience, 'api://x');
    assert.equal(draft.auth.clientAuth, 'basic');
    const out = postmanRequest(draft, []) as { auth: { oauth2: Array<{ key: string; value: string }> } };
    assert.deepEqual(Object.fromEntries(out.auth.oauth2.map((p) => [p.key, p.value])), { grant_type: 'client_credentials', accessTokenUrl: 'https://id.example/token', clientId: 'svc', clientSecret: 's', scope: '', audience: 'api://x', client_authentication: 'header', headerPrefix: 'Bearer', addTokenTo: 'header' });
    const notes: string[] = [];
    assert.equal(draftOf(item({ grant_type: 'password', accessTokenUrl: 'https://id.example/token' }), notes).auth, undefined);
    assert.deepEqual(notes, ['oauth2 auth with the password grant not carried over (client credentials and authorization code are)']);
  });
});

describe('a saved request with OAuth 2.0', () => {
  it('round-trips through its YAML file', async () => {
    const f = await startWorkspaceCore();
    try {
      const auth = { kind: 'oauth2' as const, grant: 'authorization_code' as const, tokenUrl: 'https://id.example/token', authUrl: 'https://id.example/authorize', clientId: 'app', clientSecret: '{{secret}}', scope: 'openid', clientAuth: 'body' as const, redirectPort: 53682, headerPrefix: 'Bearer' };
      const saved = await f.core.call('saveRequest', { id: f.id, folder: '', saved: { name: 'Signed in', request: draft('https://api.example/me', { auth }) } });
      const text = fs.readFileSync(path.join(f.root, saved.path), 'utf8');
      assert.match(text, /kind: oauth2/);
      assert.match(text, /clientSecret: "\{\{secret\}\}"/);
      const loaded = await f.core.call('loadSavedRequest', { id: f.id, path: saved.path });
      assert.deepEqual(loaded.saved.request.auth, auth);
    } finally {
      await f.close();
      fs.rmSync(f.tmp, { recursive: true, force: true });
    }
  });
});
