// Engine-host chaos, per engine: 100 requests through AppCore, in waves, while the engine
// host is killed (SIGKILL) at a random moment of each wave (a seeded PRNG; SOAK_SEED
// replays a run). Every request must end with a result or a named error, never hang; after
// the last kill the app recovers: the next request gets a fresh host and an exact body.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AppCore, engineSessionsOf } from '../../core/app-core.js';
import type { EngineName } from '../../engine/engine.js';
import { finishedOf, recorder } from '../support/core.js';
import { SEED, seeded } from './soak/random.js';
import { patternBytes, startTestServer, type TestServer } from '../support/servers.js';

const WAVES = 10;
const PER_WAVE = 10;
/** Room for a host to start under Wine and the request to run, once killed or not. */
const END_MS = 60_000;

for (const engine of ['curl', 'wininet'] as EngineName[]) {
  describe(`engine-host chaos (${engine} engine)`, { timeout: 600_000 }, () => {
    let srv: TestServer;
    let dataDir: string;
    let core: AppCore;
    let rec: ReturnType<typeof recorder>;
    before(async () => {
      srv = await startTestServer();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `inetscope-chaos-${engine}-`));
      core = await AppCore.create({ dataDir, log: () => {}, hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined } });
      rec = recorder(core);
    });
    after(async () => {
      await core?.close();
      await srv?.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it(`${WAVES * PER_WAVE} requests while the host is killed at random moments`, async () => {
      const rnd = seeded(SEED);
      const outcomes: Record<string, number> = {};
      const sessions = engineSessionsOf(core);
      const urls = [`${srv.url}/slow/1000000?chunk=16384&interval=10`, `${srv.url}/bytes/300000`, `${srv.url}/delay/100`, `${srv.url}/stall`];
      for (let wave = 0; wave < WAVES; wave++) {
        const ids = Array.from({ length: PER_WAVE }, () => randomUUID());
        const ends = ids.map((id) => rec.finished(id, END_MS));
        for (const [i, id] of ids.entries()) {
          const url = urls[i % urls.length] as string;
          await core.call('sendRequest', { id, request: { url, engine, timeouts: { totalMs: 20_000 } } });
        }
        const host = sessions.client(engine);
        await new Promise((r) => setTimeout(r, Math.floor(rnd() * 1000)));
        await host.kill();
        for (const e of await Promise.all(ends)) {
          const fin = finishedOf(e);
          const key = fin.ok ? 'ok' : (fin.error?.code ?? '?');
          outcomes[key] = (outcomes[key] ?? 0) + 1;
          if (!fin.ok) assert.ok(fin.error?.message, 'an error says what happened');
        }
        for (const id of ids) rec.forget(id);
      }
      console.log(`chaos ${engine} (seed ${SEED}): ${JSON.stringify(outcomes)}`);
      const total = Object.values(outcomes).reduce((a, b) => a + b, 0);
      assert.equal(total, WAVES * PER_WAVE, 'every request ended');
      assert.deepEqual(Object.keys(outcomes).filter((k) => !['ok', 'HOST_CRASHED'].includes(k)), [], 'a request ends ok or as HOST_CRASHED');
      assert.ok((outcomes.HOST_CRASHED ?? 0) >= WAVES, 'each kill ended the stalled requests of its wave');

      const id = randomUUID();
      const done = rec.finished(id, END_MS);
      await core.call('sendRequest', { id, request: { url: `${srv.url}/bytes/100000?seed=after`, engine } });
      assert.equal(finishedOf(await done).ok, true, 'the app recovers with a fresh host');
      const slice = await core.call('readBodySlice', { id, offset: 0, length: 200_000 });
      assert.ok(Buffer.from(slice.base64, 'base64').equals(patternBytes(100_000, 'after')));
    });
  });
}
