// The WinInet engine's cap on requests it holds at once (live, or cancelled with a call Wine
// has not completed): past it a request is refused with a named error instead of letting more
// Wine threads call back than koffi can relay (a fatal crash). Real WinInet under Wine, a real
// stalling loopback server; the cap is lowered for the test through the host's environment.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../engine/client.js';
import type { FinishedEvent } from '../../contract/events.js';
import { lateClosings } from './soak/cancel-soak.js';
import { startTestServer, type TestServer } from '../support/servers.js';
import { until } from '../support/until.js';
import { parseRequestSpec } from '../../engine/request-spec.js';

const HELD = 3;

describe('WinInet engine: a cap on held requests', { timeout: 120_000 }, () => {
  let srv: TestServer;
  let stallSrv: TestServer;
  let tmp: string;
  let logFile: string;
  let client: EngineClient;
  before(async () => {
    srv = await startTestServer();
    stallSrv = await startTestServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-held-'));
    logFile = path.join(tmp, 'host.log');
    process.env.INETSCOPE_WININET_MAX_HELD = String(HELD);
    try {
      client = await EngineClient.start({ engine: 'wininet', logFile });
    } finally {
      delete process.env.INETSCOPE_WININET_MAX_HELD;
    }
  });
  after(async () => {
    await client?.close();
    await stallSrv?.close();
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A request to the stalling server, cancelled once it was sent: its receive stays pending. */
  const abandonOne = (): Promise<FinishedEvent> => {
    const id = randomUUID();
    return client.send(id, parseRequestSpec({ url: `${stallSrv.url}/stall` }), (e) => {
      if (e.type === 'native' && e.status === 'REQUEST_SENT') setTimeout(() => client.cancel(id), 50);
    });
  };

  it(`refuses a request while ${HELD} are held, with a named error, and takes requests again once they end`, async () => {
    const held = await Promise.all(Array.from({ length: HELD }, abandonOne));
    for (const fin of held) {
      assert.equal(fin.error?.code, 'CANCELLED');
      assert.ok(fin.abandoned, `the cancelled call stays pending in Wine (${JSON.stringify(fin)})`);
    }
    const refused = await client.send(randomUUID(), parseRequestSpec({ url: `${srv.url}/bytes/10` }));
    assert.equal(refused.ok, false);
    assert.equal(refused.error?.code, 'ENGINE_UNAVAILABLE');
    assert.equal(refused.error?.name, 'TOO_MANY_HELD_REQUESTS');
    assert.match(refused.error?.message ?? '', new RegExp(`holds ${HELD} requests \\(${HELD} of them cancelled`));

    // The stalled connections end: Wine completes the abandoned calls, their handles close.
    await stallSrv.close();
    assert.ok(await until(() => lateClosings(fs.readFileSync(logFile, 'utf8')) >= HELD, 15_000), 'the late HANDLE_CLOSINGs came');
    const after = await client.send(randomUUID(), parseRequestSpec({ url: `${srv.url}/bytes/10`, sink: { kind: 'memory', cap: 10 } }));
    assert.equal(after.ok, true, JSON.stringify(after.error));
    assert.equal(after.bodyBytes, 10);
  });
});
