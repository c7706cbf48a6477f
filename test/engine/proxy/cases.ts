// The proxy cases every engine runs: the route it chose (PROXY_CHOSEN), proxy credentials
// against real proxies (tinyproxy Basic, squid Digest), 407s as named failures, CONNECT
// tunnels, and --noproxy.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { chosen, natives, PASSWORD, send, USER, viaProxy, type ProxyHarness } from './harness.js';

const ok = (x: { finished: { ok: boolean; statusCode?: number; error?: unknown } }, status = 200): void => {
  assert.equal(x.finished.ok, true, `expected success, got ${JSON.stringify(x.finished.error)}`);
  assert.equal(x.finished.statusCode, status);
};

export function proxyCases(h: () => ProxyHarness): void {
  it('with no proxy anywhere the request goes direct and says so', async () => {
    const before = h().http.requests.length;
    const x = await send(h().client, { url: `${h().http.url}/headers` });
    ok(x);
    assert.deepEqual(chosen(x), { proxy: 'direct', reason: 'none' });
    assert.equal(viaProxy(h().http, before, '/headers'), false);
  });

  it('-U with basic passes tinyproxy\'s BasicAuth, and PROXY_CHOSEN names the proxy', async () => {
    const before = h().proxied.requests.length;
    const x = await send(h().client, { url: `${h().proxied.url}/headers`, proxy: h().basic.url, proxyAuth: { user: USER, password: PASSWORD, scheme: 'basic' } });
    ok(x);
    assert.deepEqual(chosen(x), { proxy: h().basic.url, reason: 'configured' });
    assert.equal(viaProxy(h().proxied, before, '/headers'), true, `forwarded by the proxy; its log:\n${h().basic.log()}`);
  });

  it('a 407 with no credentials is PROXY_FAILED naming proxy authentication', async () => {
    const x = await send(h().client, { url: `${h().proxied.url}/bytes/10`, proxy: h().basic.url });
    assert.equal(x.finished.error?.code, 'PROXY_FAILED', JSON.stringify(x.finished.error));
    assert.match(x.finished.error?.message ?? '', /proxy authentication required/);
    assert.ok(x.events.some((e) => e.type === 'headers' && e.statusCode === 407), 'the 407 head is still shown');
  });

  it('wrong basic credentials never reach the origin (tinyproxy answers them 401, not 407)', async () => {
    const before = h().proxied.requests.length;
    const x = await send(h().client, { url: `${h().proxied.url}/bytes/10`, proxy: h().basic.url, proxyAuth: { user: USER, password: 'wrong', scheme: 'basic' } });
    assert.equal(x.finished.statusCode, 401, JSON.stringify(x.finished.error));
    assert.equal(viaProxy(h().proxied, before, '/bytes/10'), undefined, 'the origin saw nothing');
  });

  it('HTTPS through the authenticating proxy (CONNECT) arrives, with the tunnel events where the stack reports them', async () => {
    const x = await send(h().client, { url: `${h().https.url}/bytes/3000`, proxy: h().basic.url, proxyAuth: { user: USER, password: PASSWORD, scheme: 'basic' }, insecure: true });
    ok(x);
    assert.equal(x.finished.bodyBytes, 3000);
    const requested = natives(x, 'TUNNEL_REQUESTED');
    const established = natives(x, 'TUNNEL_ESTABLISHED');
    if (h().engine === 'curl') {
      assert.equal(requested[0]?.info?.address, new URL(h().https.url).host);
      assert.equal(established.at(-1)?.info?.value, 200);
      assert.ok(requested[0]!.seq < established.at(-1)!.seq);
      const head = x.events.find((e) => e.type === 'headers');
      assert.ok(head?.type === 'headers' && !/^CONNECT/m.test(head.requestHeaders ?? ''), 'the CONNECT is not the request head');
    } else {
      // WinInet sends the CONNECT itself and reports nothing of it (docs/engines.md, Proxies).
      assert.equal(requested.length + established.length, 0);
    }
  });

  it('--noproxy keeps a listed host direct (bypassed), and "*" every host', async () => {
    for (const noProxy of ['127.0.0.1', 'example.com, 127.0.0.1', '*']) {
      const before = h().http.requests.length;
      const x = await send(h().client, { url: `${h().http.url}/headers`, proxy: h().basic.url, noProxy });
      ok(x);
      assert.deepEqual(chosen(x), { proxy: 'direct', reason: 'bypassed' }, noProxy);
      assert.equal(viaProxy(h().http, before, '/headers'), false, noProxy);
    }
  });

  it('a --noproxy list that does not name the host leaves the proxy in use', async () => {
    const before = h().proxied.requests.length;
    const x = await send(h().client, { url: `${h().proxied.url}/headers`, proxy: h().open.url, noProxy: 'example.com,.example.org' });
    ok(x);
    assert.equal(chosen(x).reason, 'configured');
    assert.equal(viaProxy(h().proxied, before, '/headers'), true);
  });
}

/** Digest proxy authentication (squid's digest_file_auth): libcurl answers it; WinInet's answer is the engine's own row in docs/engines.md. */
export function digestCases(h: () => ProxyHarness): void {
  it('--proxy-digest passes squid\'s Digest authentication', async () => {
    const before = h().proxied.requests.length;
    const x = await send(h().client, { url: `${h().proxied.url}/headers`, proxy: h().digest.url, proxyAuth: { user: USER, password: PASSWORD, scheme: 'digest' } });
    ok(x);
    assert.equal(viaProxy(h().proxied, before, '/headers'), true, `squid forwarded it; its log:\n${h().digest.log()}`);
    const head = x.events.find((e) => e.type === 'headers');
    assert.ok(head?.type === 'headers' && /^HTTP\/1\.[01] 407/.test(head.interimHeads ?? ''), 'the 407 leg is shown before the response');
  });

  it('--proxy-anyauth picks Digest from squid\'s challenge, over CONNECT too', async () => {
    const x = await send(h().client, { url: `${h().https.url}/bytes/10`, proxy: h().digest.url, proxyAuth: { user: USER, password: PASSWORD, scheme: 'any' }, insecure: true });
    ok(x);
    assert.deepEqual(natives(x, 'TUNNEL_ESTABLISHED').map((e) => e.info?.value), [407, 200]);
  });

  it('a wrong Digest password is PROXY_FAILED naming proxy authentication', async () => {
    const x = await send(h().client, { url: `${h().proxied.url}/bytes/10`, proxy: h().digest.url, proxyAuth: { user: USER, password: 'wrong', scheme: 'digest' } });
    assert.equal(x.finished.error?.code, 'PROXY_FAILED', JSON.stringify(x.finished.error));
    assert.match(x.finished.error?.message ?? '', /proxy authentication required.*digest credentials of "puser"/);
  });
}

/** WinInet under Wine has no Digest (wine-quirks.ts, proxyDigest): a named refusal, nothing sent. */
export function wininetDigestCases(h: () => ProxyHarness): void {
  it('--proxy-digest is refused by name under Wine, before anything reaches squid (on Windows it passes)', async () => {
    const before = h().proxied.requests.length;
    const x = await send(h().client, { url: `${h().proxied.url}/headers`, proxy: h().digest.url, proxyAuth: { user: USER, password: PASSWORD, scheme: 'digest' } });
    if (process.platform === 'win32') return ok(x);
    assert.equal(x.finished.error?.name, 'PROXY_DIGEST_UNSUPPORTED', JSON.stringify(x.finished.error));
    assert.equal(viaProxy(h().proxied, before, '/headers'), undefined);
  });

  it('--proxy-anyauth against squid (Digest only) ends at its 407 under Wine, named', async () => {
    const x = await send(h().client, { url: `${h().proxied.url}/bytes/10`, proxy: h().digest.url, proxyAuth: { user: USER, password: PASSWORD, scheme: 'any' } });
    if (process.platform === 'win32') return ok(x);
    assert.equal(x.finished.error?.code, 'PROXY_FAILED', JSON.stringify(x.finished.error));
    assert.match(x.finished.error?.message ?? '', /proxy authentication required/);
  });
}
