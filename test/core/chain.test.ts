// Chained variables through a real AppCore, its real workspace and the curl engine against a
// loopback server: a token from a login response's JSON body, a header and the status reach
// a later request; history records which saved request each entry was sent from, and that
// index survives a restart; an unsent source refuses NEEDS_RESPONSE naming the variable and
// the request; no match, a non-JSON body, an absent header, a body over 10 MiB are refused
// naming the variable, the request and the path, and nothing reaches the server.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Variable } from '../../contract/variables.js';
import { AppCore } from '../../core/app-core.js';
import { needsResponseRequest } from '../../domain/chain.js';
import { finishedOf, recorder } from '../support/core.js';
import { startChainServer, type ChainServer } from '../support/chain-server.js';
import { failsWith, startWorkspaceCore, type WorkspaceFixture } from './workspace-support.js';

let srv: ChainServer;
let f: WorkspaceFixture;
let core: AppCore;
const paths: Record<string, string> = {};

const saveRequest = async (folder: string, name: string, url: string, more: Record<string, unknown> = {}): Promise<string> =>
  (await core.call('saveRequest', { id: f.id, folder, saved: { name, request: { url, engine: 'curl', ...more } } })).path;

before(async () => {
  srv = await startChainServer();
  f = await startWorkspaceCore();
  core = f.core;
  await core.call('createFolder', { id: f.id, parent: '', name: 'auth' });
  paths.login = await saveRequest('auth', 'Login', `${srv.url}/login`, { method: 'POST' });
  paths.text = await saveRequest('', 'Text', `${srv.url}/text`);
  paths.big = await saveRequest('', 'Big', `${srv.url}/big`);
  const headers = [
    { name: 'Authorization', value: '{{auth}}', enabled: true },
    { name: 'X-Session', value: '{{session}}', enabled: true },
    { name: 'X-Login-Status', value: '{{loginStatus}}', enabled: true },
    { name: 'X-Uid', value: '{{uid}}', enabled: true },
  ];
  paths.me = await saveRequest('', 'Me', `${srv.url}/me`, { headers });
  const chained = (name: string, from: Variable['from']): Variable => ({ name, value: '', secret: false, enabled: true, from });
  await core.call('saveVariables', {
    id: f.id,
    variables: [
      { name: 'auth', value: 'Bearer {{token}}' },
      chained('token', { request: paths.login!, source: 'body', path: '$.token' }),
      chained('uid', { request: paths.login!, source: 'body', path: '$.user.id' }),
      chained('session', { request: paths.login!, source: 'header', path: 'x-session' }),
      chained('loginStatus', { request: paths.login!, source: 'status' }),
      chained('nope', { request: paths.login!, source: 'body', path: '$.user.missing' }),
      chained('absent', { request: paths.login!, source: 'header', path: 'X-Absent' }),
      chained('notJson', { request: paths.text!, source: 'body', path: '$.x' }),
      chained('huge', { request: paths.big!, source: 'body', path: '$' }),
    ],
  });
});
after(async () => {
  await core?.close();
  await srv?.close();
  if (f) fs.rmSync(f.tmp, { recursive: true, force: true });
});

/** Sends the saved request at `requestPath` (its draft, as the composer would) and waits for its end. */
async function send(requestPath: string, overrideHeaders?: Array<{ name: string; value: string; enabled: boolean }>): Promise<string> {
  const { saved } = await core.call('loadSavedRequest', { id: f.id, path: requestPath });
  const id = randomUUID();
  const rec = recorder(core);
  const request = overrideHeaders ? { ...saved.request, headers: overrideHeaders } : saved.request;
  // Waited for only once accepted (a refused send has no end); the end comes well after the accept.
  await core.call('sendRequest', { id, request, context: { workspaceId: f.id, requestPath } });
  finishedOf(rec.events(id).find((e) => e.type === 'finished') ?? (await rec.finished(id, 60_000)));
  return id;
}

const header = (value: string) => [{ name: 'X-Value', value, enabled: true }];

describe('chained variables (AppCore, curl engine, a real workspace)', () => {
  it('before the login is sent, a request that needs its token is refused NEEDS_RESPONSE naming both', async () => {
    const before = srv.seen.length;
    const e = await failsWith(send(paths.me!), 'NEEDS_RESPONSE', /\{\{token\}\} takes its value from the response of "auth\/Login\.yaml", which has not been sent yet: send it first/);
    assert.equal(needsResponseRequest(e.message), paths.login);
    assert.equal(srv.seen.length, before, 'nothing reached the server');
  });

  it('a request whose chains are unused is sent even though their sources were never sent', async () => {
    await send(paths.text!);
    assert.equal(srv.seen.at(-1)?.path, '/text');
  });

  it("after the login, its body's $.token (through {{auth}}), a header, the status and a number reach the next request", async () => {
    const loginId = await send(paths.login!);
    await send(paths.me!);
    const got = srv.seen.at(-1)!;
    assert.equal(got.path, '/me');
    assert.equal(got.headers.authorization, 'Bearer abc');
    assert.equal(got.headers['x-session'], 's-1');
    assert.equal(got.headers['x-login-status'], '201');
    assert.equal(got.headers['x-uid'], '7');
    const { entries } = await core.call('listHistory', { limit: 10 });
    assert.deepEqual(entries.find((e) => e.id === loginId)?.saved, { workspaceId: f.id, path: paths.login });
  });

  it('no match, an absent header, a non-JSON body and a body over 10 MiB are refused naming the variable, the request and the path', async () => {
    await send(paths.big!);
    const before = srv.seen.length;
    await failsWith(send(paths.text!, header('{{nope}}')), 'CHAIN_FAILED', /\{\{nope\}\} takes its value from the JSON path \$\.user\.missing of the latest response of "auth\/Login\.yaml", but the path matches nothing/);
    await failsWith(send(paths.text!, header('{{absent}}')), 'CHAIN_FAILED', /\{\{absent\}\} takes its value from the header X-Absent of the latest response of "auth\/Login\.yaml", but that response has no such header/);
    await failsWith(send(paths.text!, header('{{notJson}}')), 'CHAIN_FAILED', /\{\{notJson\}\} takes its value from the JSON path \$\.x of the latest response of "Text\.yaml", but its body is not JSON/);
    await failsWith(send(paths.text!, header('{{huge}}')), 'CHAIN_FAILED', /\{\{huge\}\} .* "Big\.yaml", but its body is 11534336 bytes, over the 10 MiB/);
    assert.equal(srv.seen.length, before, 'nothing reached the server');
  });

  it('the latest response wins, and the index of saved requests survives a restart', async () => {
    await core.close();
    core = await AppCore.create({ dataDir: path.join(f.tmp, 'data'), hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined }, log: () => {} });
    await send(paths.me!);
    assert.equal(srv.seen.at(-1)?.headers.authorization, 'Bearer abc');
  });
});
