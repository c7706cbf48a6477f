// Conformance: what each stack can and cannot see, per the named expectations.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { derivePhases } from '../../../domain/phases.js';
import { startTestServer } from '../../support/servers.js';
import { EXPECTATIONS } from './expectations.js';
import { assertOk, memory, nativeStatuses, type Harness } from './harness.js';

/** Two clocks of one event may differ by scheduling, never by much. */
function near(actual: number | undefined, expected: number, what: string): void {
  assert.ok(actual !== undefined, `${what} is derived`);
  const tolerance = Math.max(10, expected * 0.1);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: events say ${actual.toFixed(2)} ms, the engine's clock ${expected.toFixed(2)} ms`);
}

export function engineCases(h: () => Harness): void {
  it('reports the TLS handshake where the stack can see it', async () => {
    const x = await h().run({ url: `${h().https.url}/bytes/10?fresh=${Date.now()}`, insecure: true, sink: memory() });
    assertOk(x, 200);
    const s = nativeStatuses(x.events);
    const [hop] = derivePhases(x.events).hops;
    if (EXPECTATIONS[h().engine].tlsHandshakeEvent && !hop?.reused) {
      assert.ok(s.indexOf('CONNECTED_TO_SERVER') < s.indexOf('TLS_HANDSHAKE_DONE'));
      assert.ok(s.indexOf('TLS_HANDSHAKE_DONE') < s.indexOf('SENDING_REQUEST'));
      assert.ok((hop?.tls ?? -1) >= 0, 'a tls phase');
    } else if (!EXPECTATIONS[h().engine].tlsHandshakeEvent) {
      assert.equal(s.includes('TLS_HANDSHAKE_DONE'), false);
      assert.equal(hop?.tls, undefined);
    }
  });

  it('reports its handles where the stack has them', async () => {
    const x = await h().run({ url: `${h().http.url}/bytes/10`, sink: memory() });
    const s = nativeStatuses(x.events);
    const expected = EXPECTATIONS[h().engine].handleEvents;
    assert.equal(s.includes('HANDLE_CREATED'), expected);
    assert.equal(s.includes('HANDLE_CLOSING'), expected);
  });

  it("derives phases that agree with the stack's own clock", async () => {
    // A server of its own: a new connection, so DNS and connect are measured too.
    const srv = await startTestServer();
    try {
      const x = await h().run({ url: `${srv.url}/delay/150`, sink: memory() });
      assertOk(x, 200);
      const clock = x.finished.engineTimings;
      if (!EXPECTATIONS[h().engine].engineTimings) return assert.equal(clock, undefined);
      assert.ok(clock, 'the engine reports its timings');
      const [hop] = derivePhases(x.events).hops;
      assert.equal(hop?.reused, false);
      near(hop?.dns, clock.namelookup, 'dns');
      near(hop?.connect, clock.connect - clock.namelookup, 'connect');
      near(hop?.wait, clock.starttransfer - clock.pretransfer, 'wait');
      near(x.finished.t, clock.total, 'total');
    } finally {
      await srv.close();
    }
  });
}
