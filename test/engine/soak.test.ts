// Soak, per engine: two rounds of 1,000 requests cancelled at random phases (a seeded PRNG; SOAK_SEED
// replays a run), then a clean shutdown: no crash, every WinInet handle created is closed
// (HANDLE_CLOSING events plus the late ones the host logs after an abandoned call), the
// host's memory back near its start; then 200 concurrent requests with exact bodies.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../engine/client.js';
import type { EngineName } from '../../engine/engine.js';
import { EXPECTATIONS } from './conformance/expectations.js';
import { cancelSoak, lateClosings } from './soak/cancel-soak.js';
import { SEED, seeded } from './soak/random.js';
import { patternBytes, startTestServer, type TestServer } from '../support/servers.js';
import { until } from '../support/until.js';
import { parseRequestSpec } from '../../engine/request-spec.js';

/**
 * 1,000 per the issue, on both engines. (WinInet once crashed here: some 260 reads abandoned
 * on stalled connections all called back at once when the server closed them, past koffi's
 * 256 relay slots: see MAX_RELAYED_CALLBACKS in native-bridge/wininet/api.ts.)
 */
const countFor = (_engine: EngineName): number => Number(process.env.SOAK_COUNT ?? 1000);
const PARALLEL = 16;
const CONCURRENT = 200;
/**
 * Host RSS may stay this much above its start after a round (caches, JIT, allocator
 * high-water marks). WinInet under Wine first climbs by ~1.5 MiB per call abandoned on a
 * stalled connection (the Wine worker thread blocked in it, koffi's relay memory), falls
 * back within ~10 s of the connections ending as those threads exit, and keeps ~0.5 MiB per
 * call abandoned at once (about 260 of 1,000 here): Wine's heap high-water mark, measured
 * +126 MiB. A second round must not add to it: memory kept per request fails the test.
 */
const RSS_HIGH_WATER: Record<EngineName, number> = { curl: 64 * 2 ** 20, wininet: 192 * 2 ** 20 };
/**
 * A second round's growth over the first: under Wine 29-34 MiB is measured here (Wine's heap
 * fragments further; the same code before this bound was set grew 29 MiB), so WinInet's bound
 * is 48 MiB; memory kept per request (48 KiB or more per request of 1,000) still fails.
 */
const RSS_GROWTH: Record<EngineName, number> = { curl: 32 * 2 ** 20, wininet: 48 * 2 ** 20 };

/** The host's lowest RSS once it has not fallen for 10 s (threads exiting, heaps trimmed), within 40 s. */
async function settledRss(client: EngineClient): Promise<number> {
  let low = (await client.stats()).rss;
  let lowAt = Date.now();
  for (const end = Date.now() + 40_000; Date.now() < end && Date.now() - lowAt < 10_000; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = (await client.stats()).rss;
    if (now < low - 2 * 2 ** 20) lowAt = Date.now();
    low = Math.min(low, now);
  }
  return low;
}

const mib = (n: number): string => (n / 2 ** 20).toFixed(1);

for (const engine of ['curl', 'wininet'] as EngineName[]) {
  const COUNT = countFor(engine);
  describe(`soak (${engine} engine)`, { timeout: 600_000 }, () => {
    let srv: TestServer;
    let tmp: string;
    let logFile: string;
    let client: EngineClient;
    before(async () => {
      srv = await startTestServer();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `inetscope-soak-${engine}-`));
      logFile = path.join(tmp, 'host.log');
      client = await EngineClient.start({ engine, logFile });
    });
    after(async () => {
      await client?.close();
      await srv?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it(`${COUNT} requests cancelled at random phases, then ${CONCURRENT} concurrent exact bodies, then a clean shutdown`, async () => {
      // Warm up first, so the baseline has the engine loaded.
      for (let i = 0; i < 5; i++) assert.equal((await client.send(randomUUID(), parseRequestSpec({ url: `${srv.url}/bytes/1000` }))).ok, true);
      const rssBefore = (await client.stats()).rss;
      const round = async (n: number, seed: number): Promise<number> => {
        const soakSrv = await startTestServer();
        const urls = [`${soakSrv.url}/slow/2000000?chunk=16384&interval=5`, `${soakSrv.url}/stall`, `${soakSrv.url}/bytes/200000`, `${soakSrv.url}/delay/20`];
        // Late closings of this round only: counted from before its first request (the last
        // round's have all arrived), so none that lands while the round still runs is missed.
        const lateBefore = lateClosings(fs.readFileSync(logFile, 'utf8'));
        const tally = await cancelSoak(client, urls, { count: COUNT, parallel: PARALLEL, rnd: seeded(seed) });
        console.log(`soak ${engine} round ${n} (seed ${seed}): ${JSON.stringify(tally)}`);
        assert.deepEqual(tally.otherErrors, {}, 'a cancel ends as CANCELLED (or the request finished first)');
        assert.ok(tally.cancelled > COUNT / 2, `most requests were really cancelled (${tally.cancelled})`);
        // Stalled connections end now; Wine then delivers the abandoned calls' HANDLE_CLOSING
        // (to the host log: their requests had finished) and the engine frees their memory.
        await soakSrv.close();
        if (EXPECTATIONS[engine].handleEvents) {
          const closed = () => tally.handlesClosing + lateClosings(fs.readFileSync(logFile, 'utf8')) - lateBefore;
          await until(() => closed() >= tally.handlesCreated, 15_000);
          assert.ok(tally.handlesCreated >= COUNT / 2, `handles were created (${tally.handlesCreated})`);
          assert.equal(closed(), tally.handlesCreated, `every handle created is closed (${tally.handlesClosing} in events, the rest late in the host log)`);
        }
        const peak = (await client.stats()).rss;
        const settled = await settledRss(client);
        console.log(`soak ${engine} round ${n}: host RSS ${mib(rssBefore)} MiB at the start, ${mib(peak)} MiB when the last handle closed, ${mib(settled)} MiB settled`);
        return settled;
      };
      const first = await round(1, SEED);
      assert.ok(first < rssBefore + RSS_HIGH_WATER[engine], `host RSS grew from ${mib(rssBefore)} to ${mib(first)} MiB`);
      const second = await round(2, SEED + 1);
      assert.ok(second < first + RSS_GROWTH[engine], `a second round grew host RSS again, from ${mib(first)} to ${mib(second)} MiB: memory kept per request`);

      const bodies = await Promise.all(Array.from({ length: CONCURRENT }, async (_, i) => {
        const n = 1000 + i * 397;
        const fin = await client.send(randomUUID(), parseRequestSpec({ url: `${srv.url}/bytes/${n}?seed=c${i}`, sink: { kind: 'memory', cap: n } }));
        assert.equal(fin.ok, true, JSON.stringify(fin.error));
        return Buffer.from(fin.bodyBase64 ?? '', 'base64').equals(patternBytes(n, `c${i}`));
      }));
      assert.equal(bodies.filter(Boolean).length, CONCURRENT, 'every concurrent body is exact');
      assert.equal(await client.active(), 0, 'nothing is left in flight');

      await client.close();
      const log = fs.readFileSync(logFile, 'utf8');
      assert.match(log, /stopping: shutdown command/, 'the host shut down on request');
      assert.doesNotMatch(log, /uncaught|fatal/, 'the host log has no crash');
    });
  });
}
