// Variables through a real AppCore with the curl engine and a loopback server: what arrives
// is resolved, history holds what was sent, a request that cannot resolve never reaches the
// server, and HAR export masks a secret unless asked to include it. The variables come from
// a small VariableSource holding real layers (the workspace service implements the same).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RequestDraft } from '../../contract/request.js';
import type { SendContext, VariableLayer } from '../../contract/variables.js';
import { AppCore, CommandFailure } from '../../core/app-core.js';
import type { VariableSource } from '../../core/variable-source.js';
import { finishedOf, recorder } from '../support/core.js';
import { failsWith } from '../support/fails-with.js';
import { startTestServer, type TestServer } from '../support/servers.js';

const TOKEN = 's3cr3t-Tok';

/** The layers of one workspace "shop" with an environment "dev" whose host is `hostPort`; overrides as the run layer. */
const sourceFor = (hostPort: () => string): VariableSource => ({
  async layersFor(ctx: SendContext): Promise<VariableLayer[]> {
    if (ctx.workspaceId !== 'shop') throw new CommandFailure('UNKNOWN_WORKSPACE', `no workspace ${ctx.workspaceId}`);
    const v = (name: string, value: string, secret = false) => ({ name, value, secret, enabled: true });
    const layers: VariableLayer[] = [{ kind: 'workspace', label: 'shop', variables: [v('host', 'nowhere.invalid'), v('path', 'echo')] }];
    if (ctx.environment === 'dev') layers.push({ kind: 'environment', label: 'dev', variables: [v('host', hostPort()), v('token', TOKEN, true), v('auth', 'Bearer {{token}}')] });
    layers.push({ kind: 'run', label: 'overrides', variables: ctx.overrides.map((o) => v(o.name, o.value)) });
    return layers;
  },
});

describe('variables in sendRequest (AppCore, curl engine)', () => {
  let srv: TestServer;
  let dataDir: string;
  let core: AppCore;
  let bare: AppCore;
  let rec: ReturnType<typeof recorder>;
  let savePath: string | undefined;
  /** The server's 127.0.0.1:port. */
  let hostPort: string;

  before(async () => {
    srv = await startTestServer();
    hostPort = new URL(srv.url).host;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-vars-'));
    const hooks = { chooseSavePath: async () => savePath, chooseUploadFile: async () => undefined };
    core = await AppCore.create({ dataDir, log: () => {}, hooks, variables: sourceFor(() => hostPort) });
    bare = await AppCore.create({ dataDir: path.join(dataDir, 'bare'), log: () => {}, hooks });
    rec = recorder(core);
  });
  after(async () => {
    await core.close();
    await bare.close();
    await srv.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const dev = (): SendContext => ({ workspaceId: 'shop', environment: 'dev', overrides: [] });

  async function send(request: Partial<RequestDraft> & { url: string }, context?: SendContext): Promise<string> {
    const id = randomUUID();
    const done = rec.finished(id, 60_000);
    await core.call('sendRequest', { id, request: { engine: 'curl', ...request }, ...(context ? { context } : {}) });
    assert.equal(finishedOf(await done).statusCode, 200);
    return id;
  }

  it('a request with {{host}} in the URL and {{auth}} → {{token}} in a header arrives resolved; history holds what was sent', async () => {
    const template = { url: 'http://{{host}}/{{ path }}?id={{$guid}}', headers: [{ name: 'Authorization', value: '{{auth}}', enabled: true }] };
    const before = srv.requests.length;
    const id = await send(template, dev());
    const got = srv.requests.slice(before);
    assert.equal(got.length, 1);
    assert.match(got[0]!.url, /^\/echo\?id=[0-9a-f-]{36}$/);
    assert.equal(got[0]!.headers.authorization, `Bearer ${TOKEN}`);
    const entry = await core.call('loadHistoryEntry', { id });
    assert.equal(entry.request.url, `http://${hostPort}${got[0]!.url}`);
    assert.equal(entry.request.headers[0]!.value, `Bearer ${TOKEN}`);
    assert.equal(entry.summary.url, entry.request.url);
  });

  it('a run override wins over the environment', async () => {
    const before = srv.requests.length;
    await send({ url: 'http://{{host}}/{{path}}' }, { ...dev(), overrides: [{ name: 'path', value: 'echo?over=1' }] });
    assert.equal(srv.requests.slice(before)[0]!.url, '/echo?over=1');
  });

  it('an undefined variable is refused before anything reaches the server, named with where it is used', async () => {
    const before = srv.requests.length;
    const request = { url: `http://${hostPort}/echo`, headers: [{ name: 'X-A', value: '1', enabled: true }, { name: 'X-Key', value: '{{apiKey}}', enabled: true }], engine: 'curl' as const };
    await assert.rejects(core.call('sendRequest', { id: randomUUID(), request, context: dev() }), failsWith('UNDEFINED_VARIABLE', /\{\{apiKey\}\} is not defined, used in headers\[1\]\.value/));
    // Without a context only built-ins are defined: {{host}} is not sent as typed.
    await assert.rejects(core.call('sendRequest', { id: randomUUID(), request: { url: 'http://{{host}}/echo', engine: 'curl' } }), failsWith('UNDEFINED_VARIABLE', /\{\{host\}\} is not defined, used in url/));
    assert.equal(srv.requests.length, before, 'the server saw nothing');
  });

  it('a cycle is refused VARIABLE_CYCLE naming it', async () => {
    const ctx = { ...dev(), overrides: [{ name: 'a', value: '{{b}}' }, { name: 'b', value: 'x{{a}}' }] };
    await assert.rejects(core.call('sendRequest', { id: randomUUID(), request: { url: `http://${hostPort}/echo/{{a}}` }, context: ctx }), failsWith('VARIABLE_CYCLE', /a → b → a, used in url/));
  });

  it('the URL check runs on the resolved URL', async () => {
    const ctx = { ...dev(), overrides: [{ name: 'bad', value: 'a b' }] };
    await assert.rejects(core.call('sendRequest', { id: randomUUID(), request: { url: `http://${hostPort}/{{bad}}` }, context: ctx }), failsWith('BAD_REQUEST', /contains a space/));
  });

  it('a context naming a workspace that is not open is refused, by the workspaces and by a given source', async () => {
    // A core's own variable source is its workspaces: 'shop' is not one of them.
    await assert.rejects(bare.call('sendRequest', { id: randomUUID(), request: { url: 'http://h/' }, context: dev() }), failsWith('NOT_FOUND', /shop/));
    await assert.rejects(core.call('sendRequest', { id: randomUUID(), request: { url: 'http://h/' }, context: { ...dev(), workspaceId: 'other' } }), failsWith('UNKNOWN_WORKSPACE'));
  });

  it('HAR export writes a secret as {{token}} (URL, headers, body) unless includeSecrets', async () => {
    const id = await send(
      { url: 'http://{{host}}/echo?key={{token}}', method: 'POST', headers: [{ name: 'Authorization', value: '{{auth}}', enabled: true }], body: { kind: 'text', text: 'token={{token}}' } },
      dev(),
    );
    const exported = async (includeSecrets?: boolean): Promise<string> => {
      savePath = path.join(dataDir, `out-${String(includeSecrets)}.har`);
      // Bodies inline: the echo's response body repeats the header, and is masked too.
      const out = await core.call('exportHar', { ids: [id], ...(includeSecrets === undefined ? {} : { includeSecrets }) });
      assert.equal(out.saved, true);
      return fs.readFileSync(savePath, 'utf8');
    };
    const masked = await exported();
    assert.ok(!masked.includes(TOKEN), `the secret is not in the HAR: ${masked.slice(Math.max(0, masked.indexOf(TOKEN) - 300), masked.indexOf(TOKEN) + 50)}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read back as loose JSON
    const entry = (JSON.parse(masked) as any).log.entries[0];
    const req = entry.request;
    assert.equal(req.url, `http://${hostPort}/echo?key={{token}}`);
    assert.ok(req.headers.some((h: { name: string; value: string }) => h.name === 'Authorization' && h.value === 'Bearer {{token}}'));
    assert.equal(req.postData.text, 'token={{token}}');
    assert.match(entry.response.content.text, /Bearer \{\{token\}\}/);
    assert.ok((await exported(true)).includes(`Bearer ${TOKEN}`));
    // History itself holds what was sent.
    assert.equal((await core.call('loadHistoryEntry', { id })).request.headers[0]!.value, `Bearer ${TOKEN}`);
  });
});
