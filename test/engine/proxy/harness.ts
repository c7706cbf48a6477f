// Loopback servers and real proxies for the proxy suite: an origin over http and https,
// tinyproxy with BasicAuth, an open tinyproxy, squid with Digest; one engine client.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { EngineClient } from '../../../engine/client.js';
import type { EngineName } from '../../../engine/engine.js';
import type { FinishedEvent, InetEvent, NativeEvent } from '../../../contract/events.js';
import { parseRequestSpec, type RequestSpecInput } from '../../../engine/request-spec.js';
import { selfSignedCert, startSquidDigest, startTestServer, startTinyproxy, type TestProxy, type TestServer } from '../../support/servers.js';
import { assertEventInvariants } from '../conformance/invariants.js';

export const USER = 'puser';
export const PASSWORD = 'ppass';

export interface ProxyHarness {
  engine: EngineName;
  client: EngineClient;
  /** The origin of direct and bypassed requests. */
  http: TestServer;
  /** The origin of proxied requests only: Wine's connection pool would hand a proxied request an idle direct connection to the same origin (wine-quirks.ts, poolIgnoresProxy). */
  proxied: TestServer;
  https: TestServer;
  /** tinyproxy asking for USER:PASSWORD (Basic). */
  basic: TestProxy;
  /** tinyproxy with no authentication. */
  open: TestProxy;
  /** squid asking for USER:PASSWORD (Digest). */
  digest: TestProxy;
  close(): Promise<void>;
}

export interface Exchange {
  events: InetEvent[];
  finished: FinishedEvent;
}

export async function startProxyHarness(engine: EngineName): Promise<ProxyHarness> {
  const [http, proxied, https, basic, open, digest] = await Promise.all([
    startTestServer(),
    startTestServer(),
    startTestServer({ tls: selfSignedCert() }),
    startTinyproxy({ basicAuth: { user: USER, password: PASSWORD } }),
    startTinyproxy(),
    startSquidDigest(USER, PASSWORD),
  ]);
  const client = await EngineClient.start({ engine });
  return {
    engine, client, http, proxied, https, basic, open, digest,
    async close() {
      await client.close();
      await Promise.all([http, proxied, https, basic, open, digest].map((s) => s.close()));
    },
  };
}

export async function send(client: EngineClient, spec: RequestSpecInput): Promise<Exchange> {
  const events: InetEvent[] = [];
  const finished = await client.send(crypto.randomUUID(), parseRequestSpec({ sink: { kind: 'memory', cap: 1 << 20 }, ...spec }), (e) => events.push(e));
  assertEventInvariants(events, finished, spec.maxRedirects);
  return { events, finished };
}

export function natives(x: Exchange, status: string): NativeEvent[] {
  return x.events.filter((e): e is NativeEvent => e.type === 'native' && e.status === status);
}

export function chosen(x: Exchange): { proxy?: string; reason?: string } {
  const e = natives(x, 'PROXY_CHOSEN');
  assert.equal(e.length, 1, 'one PROXY_CHOSEN for a request of one hop');
  return { proxy: e[0]?.info?.proxy, reason: e[0]?.info?.reason };
}

/** Whether the origin saw this path forwarded by a proxy (tinyproxy adds Via; squid too). */
export function viaProxy(server: TestServer, before: number, path: string): boolean | undefined {
  const seen = server.requests.slice(before).find((r) => r.url === path);
  return seen === undefined ? undefined : seen.headers.via !== undefined;
}
