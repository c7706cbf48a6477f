// `inetscope run` with OAuth 2.0: a saved request's client-credentials auth gets its token
// through the run's engine (curl) from a real authorization server on loopback, caches it
// in the data dir's token cache (a second run reuses it), and the code grant, which needs a
// browser, is refused by name unless a token is cached.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { TokenCache, tokenKey } from '../../core/oauth/token-cache.js';
import { workspaceIdFor } from '../../core/workspace/registry.js';
import { REPO_ROOT, assertExit, runProcess } from '../support/cli.js';
import { startOAuthRig, type OAuthRig } from '../support/oauth-server.js';

const T = { timeout: 120_000 };
const BIN = path.join(REPO_ROOT, 'bin', 'inetscope.js');

describe('inetscope run with OAuth 2.0', () => {
  let rig: OAuthRig;
  let tmp: string;

  before(async () => {
    rig = await startOAuthRig();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-run-oauth-'));
  });
  after(async () => {
    await rig?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const workspace = (name: string, auth: Record<string, unknown>): string => {
    const root = fs.mkdtempSync(path.join(tmp, `${name}-`));
    fs.writeFileSync(path.join(root, 'workspace.yaml'), stringify({ name, variables: [{ name: 'secret', value: 'pa55' }] }));
    fs.writeFileSync(path.join(root, 'api.yaml'), stringify({ name: 'Resource', request: { url: rig.api, auth }, assertions: [{ kind: 'status', equals: 200 }] }));
    return root;
  };
  const run = (root: string, dataDir: string) => runProcess(process.execPath, [BIN, 'run', root, '--engine', 'curl'], { env: { ...process.env, INETSCOPE_DATA_DIR: dataDir }, timeoutMs: 90_000 });

  test('client credentials: the token is got through the engine, sent as Bearer, cached for the next run', T, async () => {
    const auth = { kind: 'oauth2', grant: 'client_credentials', tokenUrl: rig.tokenUrl, clientId: 'runner', clientSecret: '{{secret}}', scope: 'ci' };
    const root = workspace('cc', auth);
    const dataDir = path.join(tmp, 'data-cc');
    rig.calls.length = 0;
    const first = await run(root, dataDir);
    assertExit(first, 0);
    assert.deepEqual(rig.calls.map((c) => c.grant), ['client_credentials']);
    assert.equal(rig.calls[0]?.authorization, `Basic ${Buffer.from('runner:pa55').toString('base64')}`);
    assert.match(rig.seen.at(-1) ?? '', /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    assert.match(first.stdout.toString(), /1 requests?: 1 passed, 0 failed/);
    const second = await run(root, dataDir);
    assertExit(second, 0);
    assert.equal(rig.calls.length, 1, 'the second run uses the cached token');
    assert.equal(fs.statSync(path.join(dataDir, 'oauth', fs.readdirSync(path.join(dataDir, 'oauth'))[0]!)).mode & 0o777, 0o600);
  });

  test('the code grant: refused by name without a cached token (no browser in a run), sent with one', T, async () => {
    const auth = { kind: 'oauth2', grant: 'authorization_code', tokenUrl: rig.tokenUrl, authUrl: rig.authUrl, clientId: 'app', scope: 'openid' };
    const root = workspace('code', auth);
    const dataDir = path.join(tmp, 'data-code');
    const refused = await run(root, dataDir);
    assertExit(refused, 1);
    assert.match(refused.stdout.toString(), /not sent: OAuth 2.0: the authorization-code grant needs the browser and no token is cached/);
    const cache = new TokenCache(path.join(dataDir, 'oauth'), () => {});
    const key = tokenKey({ tokenUrl: rig.tokenUrl, clientId: 'app', scope: 'openid', grant: 'authorization_code' });
    await cache.set(workspaceIdFor(root), key, { accessToken: 'signed-in-earlier', tokenType: 'Bearer', obtainedAt: Date.now(), expiresAt: Date.now() + 600_000 });
    const sent = await run(root, dataDir);
    assertExit(sent, 0);
    assert.equal(rig.seen.at(-1), 'Bearer signed-in-earlier');
  });
});
