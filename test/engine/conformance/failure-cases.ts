// Conformance: failures must be named errors, cancels must work at any phase, and a
// failed request must leave nothing half-written.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { it } from 'node:test';
import { BadRequestSpec, parseRequestSpec } from '../../../engine/request-spec.js';
import { startBlackhole } from '../../support/servers.js';
import { assertError, assertOk, memory, type Harness } from './harness.js';

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export function failureCases(h: () => Harness): void {
  it('connection refused is CONNECT_FAILED', async () => {
    const x = await h().run({ url: `http://127.0.0.1:${await closedPort()}/`, sink: memory() });
    assertError(x, 'CONNECT_FAILED');
    assert.ok(x.finished.error?.name, 'the native error is named');
  });

  it('a stalled server hits the overall deadline (TIMEOUT)', async () => {
    const x = await h().run({ url: `${h().http.url}/stall`, timeouts: { totalMs: 1000 }, sink: memory() });
    assertError(x, 'TIMEOUT');
  });

  it('a stalled server hits the receive timeout (TIMEOUT from the stack)', async () => {
    const x = await h().run({ url: `${h().http.url}/stall`, timeouts: { receiveMs: 800, totalMs: 20_000 }, sink: memory() });
    assertError(x, 'TIMEOUT');
    assert.notEqual(x.finished.error?.name, 'MAX_TIME', 'the native receive timeout fired, not the deadline');
  });

  it('cancel while connecting', async () => {
    // The blackhole never completes a TCP connect, so the cancel surely lands mid-connect.
    const hole = await startBlackhole();
    try {
      const x = await h().run(
        { url: `${hole.url}/`, sink: memory() },
        { onEvent: (e, id) => e.type === 'native' && e.status === 'CONNECTING_TO_SERVER' && setTimeout(() => h().client.cancel(id), 100) },
      );
      assertError(x, 'CANCELLED');
      const statuses = x.events.flatMap((e) => (e.type === 'native' ? [e.status] : []));
      assert.ok(statuses.includes('CONNECTING_TO_SERVER'));
      assert.equal(statuses.includes('CONNECTED_TO_SERVER'), false, 'the connection never came up');
    } finally {
      await hole.close();
    }
  });

  it('cancel while waiting for the response', async () => {
    const x = await h().run(
      { url: `${h().http.url}/stall`, sink: memory() },
      { onEvent: (e, id) => e.type === 'native' && e.status === 'REQUEST_SENT' && setTimeout(() => h().client.cancel(id), 100) },
    );
    assertError(x, 'CANCELLED');
  });

  it('cancel mid-body leaves no file behind', async () => {
    const file = path.join(h().tmp, 'cancelled.bin');
    const x = await h().run(
      { url: `${h().http.url}/slow/20000000?chunk=65536&interval=20`, sink: { kind: 'file', path: file } },
      { onEvent: (e, id) => e.type === 'body' && e.bytes > 0 && h().client.cancel(id) },
    );
    assertError(x, 'CANCELLED');
    assert.ok(x.finished.bodyBytes > 0 && x.finished.bodyBytes < 20000000);
    assert.equal(fs.existsSync(file), false);
  });

  it('a body cut short is PARTIAL_BODY and leaves no file', async () => {
    const file = path.join(h().tmp, 'partial.bin');
    const x = await h().run({ url: `${h().http.url}/truncate/1000000`, sink: { kind: 'file', path: file } });
    assertError(x, 'PARTIAL_BODY');
    assert.equal(fs.existsSync(file), false);
  });

  it('a self-signed certificate is a named TLS_CERT error', async () => {
    const x = await h().run({ url: `${h().https.url}/bytes/100`, sink: memory() });
    assertError(x, 'TLS_CERT');
    assert.match(x.finished.error?.message ?? '', /authority|certificate/i);
  });

  it('a self-signed certificate is accepted when asked (insecure)', async () => {
    const x = await h().run({ url: `${h().https.url}/bytes/100000`, insecure: true, sink: memory() });
    assertOk(x, 200);
    assert.equal(x.body.length, 100000);
  });

  it('an insecure request does not make later verifying requests trust the server', async () => {
    assertOk(await h().run({ url: `${h().https.url}/bytes/10`, insecure: true, sink: memory() }), 200);
    assertError(await h().run({ url: `${h().https.url}/bytes/10`, sink: memory() }), 'TLS_CERT');
  });

  it('goes through a real HTTP proxy', async () => {
    const before = h().http.requests.length;
    const x = await h().run({ url: `${h().http.url}/headers`, proxy: h().proxy.url, sink: memory() });
    assertOk(x, 200);
    const seen = h().http.requests.slice(before).find((r) => r.url === '/headers');
    assert.match(String(seen?.headers.via ?? ''), /inetscope-test-proxy/, `the proxy forwarded it; proxy log:\n${h().proxy.log()}`);
  });

  it('tunnels HTTPS through the proxy (CONNECT)', async () => {
    const x = await h().run({ url: `${h().https.url}/bytes/5000`, proxy: h().proxy.url, insecure: true, sink: memory() });
    assertOk(x, 200);
    assert.equal(x.body.length, 5000);
  });

  it('an unreachable proxy is PROXY_FAILED and names the proxy', async () => {
    const proxy = `127.0.0.1:${await closedPort()}`;
    const x = await h().run({ url: `${h().http.url}/bytes/10`, proxy, sink: memory() });
    assertError(x, 'PROXY_FAILED');
    assert.ok(x.finished.error?.message.includes(proxy));
  });

  it('a proxy with no host fails that request only (PROXY_FAILED, naming it), and the engine goes on', async () => {
    // WinInet: InternetOpenW refuses the session; before, that threw out of the host (HOST_CRASHED).
    const x = await h().run({ url: `${h().http.url}/bytes/10`, proxy: 'http://', sink: memory() });
    assertError(x, 'PROXY_FAILED');
    assert.match(x.finished.error?.message ?? '', /http:\/\//);
    assertOk(await h().run({ url: `${h().http.url}/bytes/10`, sink: memory() }), 200);
  });

  it('a missing upload file is UPLOAD_READ_FAILED before anything is sent', async () => {
    const before = h().http.requests.length;
    const x = await h().run({ url: `${h().http.url}/upload`, method: 'POST', body: { kind: 'file', path: path.join(h().tmp, 'nope.bin') }, sink: memory() });
    assertError(x, 'UPLOAD_READ_FAILED');
    assert.match(x.finished.error?.message ?? '', /nope\.bin/);
    assert.equal(h().http.requests.length, before);
  });

  it('an unwritable body path is BODY_WRITE_FAILED', async () => {
    const x = await h().run({ url: `${h().http.url}/bytes/10`, sink: { kind: 'file', path: path.join(h().tmp, 'no-dir', 'x.bin') } });
    assertError(x, 'BODY_WRITE_FAILED');
    assert.match(x.finished.error?.message ?? '', /x\.bin/);
  });

  it('a body over the memory cap is BODY_CAP_EXCEEDED', async () => {
    const x = await h().run({ url: `${h().http.url}/bytes/100000`, sink: memory(1000) });
    assertError(x, 'BODY_CAP_EXCEEDED');
  });

  it('bad input is refused by the parse with a message that names it', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ url: 'not a url' }, /not valid/],
      [{ url: 'ftp://127.0.0.1/x' }, /scheme "ftp" is not supported/],
      [{ url: `${h().http.url}/`, headers: [['X-Bad', 'a\r\nInjected: 1']] }, /X-Bad.*CR, LF/],
      [{ url: `${h().http.url}/`, method: 'GET\r\nX: y' }, /method .* CR or LF/],
      [{ url: `${h().http.url}/`, method: 'GE T' }, /not a valid HTTP token/],
    ];
    for (const [spec, message] of cases) {
      // The one parse before a request reaches the client (the client itself takes only parsed specs).
      assert.throws(() => parseRequestSpec(spec), (e: unknown) => e instanceof BadRequestSpec && message.test(e.message));
    }
  });

  it('runs concurrent requests independently', async () => {
    const urls = [`${h().http.url}/bytes/50000?seed=a`, `${h().http.url}/delay/200`, `${h().http.url}/chunked/70000?seed=b`, `${h().http.url}/status/404`];
    const xs = await Promise.all(urls.map((url) => h().run({ url, sink: memory() })));
    assert.deepEqual(xs.map((x) => x.finished.statusCode), [200, 200, 200, 404]);
    assert.deepEqual(xs.map((x) => x.body.length), [50000, 'delayed\n'.length, 70000, 'status 404\n'.length]);
  });
}
