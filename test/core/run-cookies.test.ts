// `inetscope run`'s cookies: one jar per run, so a login's cookie reaches the next request
// (and its redirect hops), and a second run starts with none. Real workspace files, the curl
// engine, a loopback server.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { CollectionRun } from '../../core/run/collection-run.js';
import { RunScripts } from '../../core/run/run-scripts.js';
import { loadRunPlan } from '../../core/run/run-plan.js';
import { EngineClient } from '../../engine/client.js';
import { startCookieServer, type CookieServer } from '../support/cookie-server.js';

describe('collection run: cookies carry from one request to the next', () => {
  let srv: CookieServer;
  let tmp: string;
  let client: EngineClient;

  before(async () => {
    srv = await startCookieServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-run-cookies-'));
    client = await EngineClient.start({ engine: 'curl' });
  });
  after(async () => {
    await client.close();
    await srv.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const write = (root: string, rel: string, value: unknown) => fs.writeFileSync(path.join(root, rel), stringify(value));

  async function run(files: Record<string, unknown>) {
    const root = fs.mkdtempSync(path.join(tmp, 'ws-'));
    write(root, 'workspace.yaml', { name: 'Cookies' });
    for (const [rel, value] of Object.entries(files)) write(root, rel, value);
    const plan = await loadRunPlan({ path: root, dataDir: path.join(tmp, 'data'), overrides: [], log: () => {} });
    const workDir = fs.mkdtempSync(path.join(tmp, 'work-'));
    return new CollectionRun(plan, { client, insecure: false, bail: false, workDir, scripts: new RunScripts(undefined) }).run();
  }

  it('a login\'s cookie is sent by the next request; a run without the login gets none', async () => {
    const me = { name: 'Me', request: { url: `${srv.url}/me` }, seq: 1, assertions: [{ kind: 'status', equals: 200 }] };
    const out = await run({ 'login.yaml': { name: 'Login', request: { url: `${srv.url}/login` }, seq: 0 }, 'me.yaml': me });
    assert.deepEqual(out.results.map((r) => [r.name, r.status, r.passed]), [['Login', 200, true], ['Me', 200, true]]);
    assert.equal(srv.to('/me').at(-1)?.cookie, 'session=s1');
    const alone = await run({ 'me.yaml': me });
    assert.deepEqual(alone.results.map((r) => [r.status, r.passed]), [[401, false]]);
  });

  it('redirect hops of a run carry and store cookies too', async () => {
    const out = await run({ 'chain.yaml': { name: 'Chain', request: { url: `${srv.url}/a`, followRedirects: true }, seq: 0 }, 'echo.yaml': { name: 'Echo', request: { url: `${srv.url}/echo` }, seq: 1 } });
    assert.deepEqual(out.results.map((r) => r.status), [200, 200]);
    assert.equal(srv.to('/c').at(-1)?.cookie, 'c1=one; c2=two');
    assert.equal(srv.to('/echo').at(-1)?.cookie, 'c1=one; c2=two; c3=three');
  });
});
