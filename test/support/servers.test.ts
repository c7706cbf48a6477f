// Proves the loopback fixtures in test/support behave as the conformance tests assume.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import {
  GZIP_BODY, patternBytes, patternSha256, patternStream, selfSignedCert, startTestServer, startTinyproxy,
} from './servers.js';

const T = { timeout: 20_000 };

interface Reply { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** Raw request (no decompression, no redirects, no pooled sockets), bounded to 10 s. */
function request(url: string, opts: https.RequestOptions = {}, body?: Buffer): Promise<Reply> {
  const lib = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { agent: false, timeout: 10_000, ...opts }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('pattern is deterministic and seed-dependent', T, async () => {
  const parts: Buffer[] = [];
  for await (const chunk of patternStream(3_000_001, 'a')) parts.push(chunk as Buffer);
  const whole = Buffer.concat(parts);
  assert.equal(whole.length, 3_000_001);
  assert.equal(sha(whole), await patternSha256(3_000_001, 'a'));
  assert.deepEqual(whole.subarray(0, 1000), patternBytes(1000, 'a'));
  assert.notEqual(await patternSha256(1000, 'b'), await patternSha256(1000, 'a'));
});

test('/bytes, /chunked, /gzip, /status, 404', T, async () => {
  const server = await startTestServer();
  try {
    const bytes = await request(`${server.url}/bytes/2500000?seed=x`);
    assert.equal(bytes.status, 200);
    assert.equal(bytes.headers['content-length'], '2500000');
    assert.equal(sha(bytes.body), await patternSha256(2_500_000, 'x'));

    const chunked = await request(`${server.url}/chunked/1000000?seed=x`);
    assert.equal(chunked.headers['content-length'], undefined);
    assert.equal(chunked.headers['transfer-encoding'], 'chunked');
    assert.equal(sha(chunked.body), await patternSha256(1_000_000, 'x'));

    const gz = await request(`${server.url}/gzip`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gz.body, GZIP_BODY);

    const st = await request(`${server.url}/status/418`);
    assert.equal(st.status, 418);
    assert.equal(st.body.toString(), 'status 418\n');
    assert.equal((await request(`${server.url}/nope`)).status, 404);
    assert.ok(server.requests.some((r) => r.url === '/gzip' && r.method === 'GET'));
  } finally {
    await server.close();
  }
});

test('/upload hashes a 5 MB PUT; /echo returns the body', T, async () => {
  const server = await startTestServer();
  try {
    const payload = patternBytes(5 * 1024 * 1024, 'up');
    const res = await request(`${server.url}/upload`, {
      method: 'PUT', headers: { 'content-type': 'application/x-test', 'content-length': payload.length },
    }, payload);
    const json = JSON.parse(res.body.toString());
    assert.deepEqual(json, {
      method: 'PUT', bytes: payload.length, sha256: sha(payload),
      contentLength: payload.length, contentType: 'application/x-test',
    });
    assert.equal(server.uploads.length, 1);
    assert.equal(server.uploads[0]?.complete, true);
    assert.equal(server.uploads[0]?.sha256, sha(payload));

    const echo = JSON.parse((await request(`${server.url}/echo?q=1`, { method: 'POST' }, Buffer.from('héllo'))).body.toString());
    assert.equal(echo.body, 'héllo');
    assert.equal(echo.bodyBytes, 6);
    assert.equal(echo.url, '/echo?q=1');
  } finally {
    await server.close();
  }
});

test('/redirect and /redirect-abs Location headers', T, async () => {
  const server = await startTestServer();
  try {
    const rel = await request(`${server.url}/redirect/3`);
    assert.equal(rel.status, 302);
    assert.equal(rel.headers.location, '/redirect/2');
    const abs = await request(`${server.url}/redirect-abs/1`);
    assert.equal(abs.headers.location, `${server.url}/redirect-abs/0`);
    const done = await fetch(`${server.url}/redirect/3`, { signal: AbortSignal.timeout(10_000) });
    assert.equal(await done.text(), 'done\n');
  } finally {
    await server.close();
  }
});

test('TLS server answers on https://localhost', T, async () => {
  const server = await startTestServer({ tls: selfSignedCert() });
  try {
    assert.match(server.url, /^https:\/\/localhost:\d+$/);
    const res = await request(`${server.url}/status/200`, { rejectUnauthorized: false });
    assert.equal(res.body.toString(), 'status 200\n');
    // The SAN must cover the IP too, so verifying against the cert itself succeeds.
    const viaIp = await request(`https://127.0.0.1:${server.port}/gzip`, { ca: selfSignedCert().cert });
    assert.deepEqual(viaIp.body, GZIP_BODY);
  } finally {
    await server.close();
  }
});

test('tinyproxy forwards GET with a Via header and tunnels CONNECT', T, async (t) => {
  const proxy = await startTinyproxy();
  const server = await startTestServer();
  const secure = await startTestServer({ tls: selfSignedCert() });
  t.after(async () => {
    await Promise.all([proxy.close(), server.close(), secure.close()]);
  });
  const res = await request(proxy.url, { path: `${server.url}/headers` });
  assert.equal(res.status, 200, proxy.log());
  const seen = server.requests.at(-1);
  assert.match(String(seen?.headers.via), /inetscope-test-proxy/);

  const tunnel = await new Promise<import('node:net').Socket>((resolve, reject) => {
    const req = http.request(proxy.url, { method: 'CONNECT', path: `localhost:${secure.port}`, agent: false, timeout: 10_000 });
    req.on('connect', (r, socket) => (r.statusCode === 200 ? resolve(socket) : reject(new Error(`CONNECT ${r.statusCode}`))));
    req.on('timeout', () => req.destroy(new Error('CONNECT timeout')));
    req.on('error', reject);
    req.end();
  });
  // agent undefined (not false) so node uses our createConnection instead of an Agent's.
  const viaTunnel = await request(`${secure.url}/status/204`, {
    agent: undefined,
    createConnection: () => tls.connect({ socket: tunnel, servername: 'localhost', ca: selfSignedCert().cert }),
  });
  assert.equal(viaTunnel.status, 204);
});

test('close() returns promptly with a stalled request open', T, async () => {
  const server = await startTestServer();
  const stalled = request(`${server.url}/stall`).then(() => 'answered', () => 'dropped');
  const halfBody = request(`${server.url}/stall-body/1000000`).then(() => 'answered', () => 'dropped');
  await waitFor(() => server.requests.length === 2);
  const started = Date.now();
  await server.close();
  assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
  assert.equal(await stalled, 'dropped');
  assert.equal(await halfBody, 'dropped');
});
