// checkAssertions through a real AppCore (curl engine) against a loopback server: a sent
// exchange of the history checked by each assertion kind, passing and failing with what was
// expected and what came (the checks `inetscope run` makes), a redirect checked on its last
// hop, a failed exchange refused as NO_RESPONSE, and input the contract refuses (a status
// that is not a number, an unknown id).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AppCore } from '../../core/app-core.js';
import { captureServer, type CaptureServer } from '../support/capture-server.js';
import { finishedOf, recorder } from '../support/core.js';
import { failsWith } from '../support/fails-with.js';

describe('checkAssertions', () => {
  let tmp: string;
  let core: AppCore;
  let srv: CaptureServer;
  let rec: ReturnType<typeof recorder>;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-assert-'));
    core = await AppCore.create({ dataDir: tmp, hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined }, log: () => {} });
    rec = recorder(core);
    srv = await captureServer((a, res) => {
      if (a.target === '/redirect') return void res.writeHead(302, { location: '/user', connection: 'close' }).end();
      res.writeHead(201, { 'content-type': 'application/json', 'x-trace': 'abc', connection: 'close' }).end(JSON.stringify({ user: { id: 42, tags: ['a', 'b'] }, ok: true }));
    });
  });
  after(async () => {
    await core?.close();
    await srv?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function send(url: string): Promise<string> {
    const id = randomUUID();
    const done = rec.finished(id, 60_000);
    await core.call('sendRequest', { id, request: { url, engine: 'curl', followRedirects: true } });
    await done;
    return id;
  }

  it('checks each kind on the stored exchange, passing and failing with expected and actual', async () => {
    const id = await send(`${srv.origin}/user`);
    const { results } = await core.call('checkAssertions', {
      id,
      assertions: [
        { kind: 'status', equals: 201 },
        { kind: 'status', oneOf: [200, 204] },
        { kind: 'header', name: 'X-Trace', equals: 'abc' },
        { kind: 'header', name: 'ETag' },
        { kind: 'jsonPath', path: '$.user.id', equals: 42 },
        { kind: 'jsonPath', path: '$.user.tags[1]', equals: 'a' },
        { kind: 'jsonPath', path: '$.missing' },
        { kind: 'time', belowMs: 60_000 },
      ],
    });
    assert.deepEqual(
      results.map((r) => [r.description, r.passed, r.expected, r.actual]),
      [
        ['status equals 201', true, '201', '201'],
        ['status is one of 200, 204', false, '200, 204', '201'],
        ['header X-Trace equals "abc"', true, '"abc"', '"abc"'],
        ['header ETag is present', false, 'present', 'absent'],
        ['$.user.id equals 42', true, '42', '42'],
        ['$.user.tags[1] equals "a"', false, '"a"', '"b"'],
        ['$.missing exists', false, 'a match', 'no match'],
        ['time below 60000 ms', true, '< 60000 ms', results[7]!.actual],
      ],
    );
    assert.match(results[7]!.actual, /^\d+ ms$/);
  });

  it('checks a followed redirect on its last hop, and a path with a script expression never runs it', async () => {
    const id = await send(`${srv.origin}/redirect`);
    const { results } = await core.call('checkAssertions', {
      id,
      assertions: [
        { kind: 'status', equals: 201 },
        { kind: 'header', name: 'location' },
        { kind: 'jsonPath', path: '$..[?(@.constructor.constructor("return process")().exit())]' },
      ],
    });
    assert.deepEqual(results.map((r) => r.passed), [true, false, false]);
    assert.match(results[2]!.actual, /cannot be evaluated/);
  });

  it('refuses a failed exchange (NO_RESPONSE), an unknown id and assertions the contract does not take', async () => {
    const closed = await captureServer();
    await closed.close();
    const id = await send(`${closed.origin}/`);
    assert.equal(finishedOf(rec.events(id).at(-1)!).ok, false);
    await assert.rejects(core.call('checkAssertions', { id, assertions: [{ kind: 'status', equals: 200 }] }), failsWith('NO_RESPONSE', /the exchange failed \(\w+\): there is no response to check/));
    await assert.rejects(core.call('checkAssertions', { id: randomUUID(), assertions: [] }), failsWith('NOT_FOUND'));
    await assert.rejects(core.call('checkAssertions', { id, assertions: [{ kind: 'status', equals: 'abc' }] }), failsWith('BAD_INPUT', /checkAssertions: assertions\.0\.equals/));
    await assert.rejects(core.call('checkAssertions', { id, assertions: [{ kind: 'status', equals: 200, extra: 1 }] }), failsWith('BAD_INPUT'));
  });
});
