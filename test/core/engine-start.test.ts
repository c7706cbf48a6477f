// The core tells the page when a request waits for its engine host to start (seconds under
// Wine): sendRequest answers engineStarting for the first request of an engine, and not once
// the host is up. Real core, real curl host, loopback server; every wait is bounded.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { AppCore } from '../../core/app-core.js';
import { recorder } from '../support/core.js';
import { startTestServer, type TestServer } from '../support/servers.js';

let tmp: string;
let core: AppCore;
let target: TestServer;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-engine-start-'));
  target = await startTestServer();
  core = await AppCore.create({ dataDir: tmp, hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined }, log: () => {} });
});

after(async () => {
  await core?.close();
  await target?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the first request of an engine is answered with engineStarting; one sent once the host is up is not', { timeout: 60_000 }, async () => {
  const rec = recorder(core);
  const first = randomUUID();
  const firstDone = rec.finished(first);
  const a = await core.call('sendRequest', { id: first, request: { url: `${target.url}/echo?n=1`, engine: 'curl' } });
  assert.deepEqual(a, { accepted: true, engineStarting: 'curl' });
  // A second one while the host still starts waits too.
  const second = randomUUID();
  const secondDone = rec.finished(second);
  const b = await core.call('sendRequest', { id: second, request: { url: `${target.url}/echo?n=2`, engine: 'curl' } });
  assert.equal(b.engineStarting, 'curl');
  await Promise.all([firstDone, secondDone]);
  const third = randomUUID();
  const thirdDone = rec.finished(third);
  const c = await core.call('sendRequest', { id: third, request: { url: `${target.url}/echo?n=3`, engine: 'curl' } });
  assert.deepEqual(c, { accepted: true });
  await thirdDone;
});
