// Proxies on the libcurl engine: the shared cases, Digest, and the environment variables
// libcurl reads itself (http_proxy, no_proxy) when the request names no proxy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../engine/client.js';
import { digestCases, proxyCases } from './proxy/cases.js';
import { chosen, send, startProxyHarness, viaProxy, type ProxyHarness } from './proxy/harness.js';

/** An engine host started with these environment variables (the host inherits the environment). */
async function clientWithEnv(env: Record<string, string>): Promise<EngineClient> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await EngineClient.start({ engine: 'curl' });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('proxies: curl engine', () => {
  let harness: ProxyHarness | undefined;
  const h = (): ProxyHarness => harness ?? assert.fail('harness not started');
  before(async () => {
    harness = await startProxyHarness('curl');
  });
  after(async () => {
    await harness?.close();
  });
  proxyCases(h);
  digestCases(h);

  it('http_proxy in the environment is honoured (reason "environment"); no_proxy bypasses it', async () => {
    const client = await clientWithEnv({ http_proxy: h().open.url, no_proxy: 'bypassed.invalid' });
    try {
      const before = h().http.requests.length;
      const x = await send(client, { url: `${h().http.url}/headers` });
      assert.equal(x.finished.statusCode, 200, JSON.stringify(x.finished.error));
      assert.deepEqual(chosen(x), { proxy: h().open.url, reason: 'environment' });
      assert.equal(viaProxy(h().http, before, '/headers'), true);
      // --noproxy replaces no_proxy, as in curl.
      const y = await send(client, { url: `${h().http.url}/headers`, noProxy: '127.0.0.1' });
      assert.deepEqual(chosen(y), { proxy: 'direct', reason: 'bypassed' });
    } finally {
      await client.close();
    }
  });

  it('no_proxy in the environment bypasses http_proxy', async () => {
    const client = await clientWithEnv({ http_proxy: h().open.url, no_proxy: '127.0.0.1' });
    try {
      const before = h().http.requests.length;
      const x = await send(client, { url: `${h().http.url}/headers` });
      assert.deepEqual(chosen(x), { proxy: 'direct', reason: 'bypassed' });
      assert.equal(viaProxy(h().http, before, '/headers'), false);
    } finally {
      await client.close();
    }
  });
});
