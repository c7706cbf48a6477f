// Conformance: transfers that must come out byte-exact, whatever the engine.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { it } from 'node:test';
import { derivePhases } from '../../../domain/phases.js';
import { fileSha256, GZIP_BODY, patternSha256, writePatternFile } from '../../support/servers.js';
import { EXPECTATIONS } from './expectations.js';
import { assertOk, memory, nativeStatuses, type Harness } from './harness.js';

const MB = 1024 * 1024;

export function transferCases(h: () => Harness): void {
  it('GET a small body into memory, with the native callbacks in order', async () => {
    const x = await h().run({ url: `${h().http.url}/bytes/1000?seed=small`, sink: memory() });
    assertOk(x, 200);
    assert.equal(x.body.length, 1000);
    assert.equal(x.finished.bodyBytes, 1000);
    assert.equal(crypto.createHash('sha256').update(x.body).digest('hex'), await patternSha256(1000, 'small'));
    const s = nativeStatuses(x.events);
    for (const name of ['RESOLVING_NAME', 'NAME_RESOLVED', 'CONNECTING_TO_SERVER', 'CONNECTED_TO_SERVER', 'SENDING_REQUEST', 'REQUEST_SENT', 'RECEIVING_RESPONSE', 'RESPONSE_RECEIVED']) {
      assert.ok(s.includes(name), `${name} is reported`);
    }
    assert.ok(s.indexOf('CONNECTING_TO_SERVER') < s.indexOf('CONNECTED_TO_SERVER'));
    assert.ok(s.indexOf('SENDING_REQUEST') < s.indexOf('REQUEST_SENT'));
    const sent = x.events.find((e) => e.type === 'native' && e.status === 'REQUEST_SENT');
    assert.ok(sent?.type === 'native' && (sent.info?.bytes ?? 0) > 0, 'REQUEST_SENT carries the byte count');
    const [hop] = derivePhases(x.events).hops;
    for (const k of ['dns', 'connect', 'send', 'wait', 'receive'] as const) assert.ok((hop?.[k] ?? -1) >= 0, `${k} is derived`);
    const connected = x.events.find((e) => e.type === 'native' && e.status === 'CONNECTED_TO_SERVER');
    assert.match(connected?.type === 'native' ? (connected.info?.address ?? '') : '', /127\.0\.0\.1/);
  });

  it('GET 128 MiB into a file, sha256 equal', async () => {
    const size = 128 * MB;
    const file = path.join(h().tmp, 'big.bin');
    let progress = 0;
    const x = await h().run(
      { url: `${h().http.url}/bytes/${size}`, sink: { kind: 'file', path: file } },
      { onEvent: (e) => void (e.type === 'body' && progress++) },
    );
    assertOk(x, 200);
    assert.equal(x.finished.bodyBytes, size);
    assert.equal(fs.statSync(file).size, size);
    assert.equal(await fileSha256(file), await patternSha256(size));
    assert.ok(progress > 1, 'body progress is reported along the way');
    fs.rmSync(file);
  });

  it('keeps every byte of a body that arrives slowly (reads that complete later)', async () => {
    // A slow server makes reads wait: under WinInet each must deliver its bytes with its REQUEST_COMPLETE.
    const size = 1_500_000;
    const x = await h().run({ url: `${h().http.url}/slow/${size}?chunk=50000&interval=5&seed=slow`, sink: memory() });
    assertOk(x, 200);
    if (EXPECTATIONS[h().engine].pendingCalls) assert.ok((x.finished.ioPending ?? 0) > 2, `reads went pending (${x.finished.ioPending})`);
    else assert.equal(x.finished.ioPending, undefined, 'no pending calls to count');
    const pieces = x.events.filter((e) => e.type === 'native' && e.status === 'RESPONSE_RECEIVED').length;
    assert.ok(pieces > 2, `the body arrived in pieces (${pieces} RESPONSE_RECEIVED)`);
    assert.equal(crypto.createHash('sha256').update(x.body).digest('hex'), await patternSha256(size, 'slow'));
  });

  it('GET a chunked body', async () => {
    const x = await h().run({ url: `${h().http.url}/chunked/3000001?seed=ch`, sink: memory() });
    assertOk(x, 200);
    const head = x.events.find((e) => e.type === 'headers');
    assert.ok(head?.type === 'headers' && /transfer-encoding:\s*chunked/i.test(head.rawHeaders));
    assert.equal(x.body.length, 3000001);
    assert.equal(crypto.createHash('sha256').update(x.body).digest('hex'), await patternSha256(3000001, 'ch'));
  });

  it('passes a gzip body through byte-exact (no decoding)', async () => {
    const x = await h().run({ url: `${h().http.url}/gzip`, headers: [['Accept-Encoding', 'gzip']], sink: memory() });
    assertOk(x, 200);
    assert.deepEqual(x.body, GZIP_BODY);
  });

  for (const method of ['POST', 'PUT'] as const) {
    it(`${method} 100 MiB streamed from a file (server-side sha256)`, async () => {
      const size = 100 * MB;
      const file = path.join(h().tmp, `upload-${method}.bin`);
      const sha = await writePatternFile(file, size, method);
      let last = 0;
      const x = await h().run(
        { url: `${h().http.url}/upload`, method, body: { kind: 'file', path: file }, sink: memory() },
        { onEvent: (e) => void (e.type === 'upload' && (assert.ok(e.bytes >= last), (last = e.bytes))) },
      );
      assertOk(x, 200);
      const answer = JSON.parse(x.body.toString()) as { bytes: number; sha256: string; method: string };
      assert.deepEqual([answer.method, answer.bytes, answer.sha256], [method, size, sha]);
      assert.equal(x.finished.uploadBytes, size);
      assert.equal(last, size, 'upload progress reaches the total');
      fs.rmSync(file);
    });
  }

  it('POST a body from memory with custom method and headers', async () => {
    const text = 'name=inet&scope=1';
    const x = await h().run({
      url: `${h().http.url}/echo?q=1`,
      method: 'PATCH',
      headers: [['X-Test', 'yes'], ['Content-Type', 'text/plain']],
      body: { kind: 'memory', base64: Buffer.from(text).toString('base64') },
      sink: memory(),
    });
    assertOk(x, 200);
    const echo = JSON.parse(x.body.toString()) as { method: string; url: string; headers: Record<string, string>; body: string };
    assert.equal(echo.method, 'PATCH');
    assert.equal(echo.url, '/echo?q=1');
    assert.equal(echo.headers['x-test'], 'yes');
    assert.equal(echo.body, text);
  });

  it('follows redirects, one hop per REDIRECT', async () => {
    const x = await h().run({ url: `${h().http.url}/redirect/3`, followRedirects: true, sink: memory() });
    assertOk(x, 200);
    assert.equal(x.body.toString(), 'done\n');
    const redirects = x.events.filter((e) => e.type === 'native' && e.status === 'REDIRECT');
    assert.equal(redirects.length, 3);
    assert.match(redirects[0]?.type === 'native' ? (redirects[0].info?.url ?? '') : '', /\/redirect\/2$/);
    assert.equal(x.finished.hop, 3);
    const phases = derivePhases(x.events);
    assert.deepEqual(phases.hops.map((p) => p.hop), [0, 1, 2, 3]);
  });

  it('reports every hop\'s response headers and what was sent for it', async () => {
    const x = await h().run({ url: `${h().http.url}/redirect/2`, followRedirects: true, sink: memory() });
    assertOk(x, 200);
    const heads = x.events.flatMap((e) => (e.type === 'headers' ? [e] : []));
    assert.deepEqual(heads.map((e) => [e.hop, e.statusCode]), [[0, 302], [1, 302], [2, 200]]);
    assert.match(heads[0]!.rawHeaders, /\r\nlocation: \/redirect\/1\r\n/i);
    assert.match(heads[1]!.rawHeaders, /\r\nlocation: \/redirect\/0\r\n/i);
    assert.match(heads[0]!.requestHeaders ?? '', /^GET \/redirect\/2 HTTP\/1\.1\r\n/);
    assert.match(heads[1]!.requestHeaders ?? '', /^GET \/redirect\/1 HTTP\/1\.1\r\n/);
    assert.match(heads[2]!.requestHeaders ?? '', /^GET \/redirect\/0 HTTP\/1\.1\r\n/);
  });

  it('follows a redirect from http to https', async () => {
    const target = `${h().https.url}/bytes/7`;
    const hop = http.createServer((_req, res) => res.writeHead(302, { Location: target }).end());
    await new Promise<void>((r) => hop.listen(0, '127.0.0.1', r));
    try {
      const port = (hop.address() as AddressInfo).port;
      const x = await h().run({ url: `http://127.0.0.1:${port}/`, followRedirects: true, insecure: true, sink: memory() });
      assertOk(x, 200);
      assert.equal(x.body.length, 7);
      const redirect = x.events.find((e) => e.type === 'native' && e.status === 'REDIRECT');
      assert.equal(redirect?.type === 'native' ? redirect.info?.url : undefined, target);
    } finally {
      hop.closeAllConnections();
      hop.close();
    }
  });

  it('does not follow redirects unless asked', async () => {
    const x = await h().run({ url: `${h().http.url}/redirect/2`, sink: memory() });
    assertOk(x, 302);
    assert.equal(nativeStatuses(x.events).includes('REDIRECT'), false);
    const head = x.events.find((e) => e.type === 'headers');
    assert.ok(head?.type === 'headers' && /\r\nlocation: \/redirect\/1\r\n/i.test(head.rawHeaders));
  });

  it('stops after maxRedirects', async () => {
    const x = await h().run({ url: `${h().http.url}/redirect/5`, followRedirects: true, maxRedirects: 2, sink: memory() });
    assert.equal(x.finished.ok, false);
    assert.equal(x.finished.error?.code, 'TOO_MANY_REDIRECTS');
  });

  for (const code of [404, 500]) {
    it(`a ${code} is a completed exchange`, async () => {
      const x = await h().run({ url: `${h().http.url}/status/${code}`, sink: memory() });
      assertOk(x, code);
      assert.equal(x.body.toString(), `status ${code}\n`);
    });
  }

  it('derives phases that fit inside the total', async () => {
    const x = await h().run({ url: `${h().http.url}/delay/300`, sink: memory() });
    assertOk(x, 200);
    const [hop] = derivePhases(x.events).hops;
    assert.ok(hop);
    for (const k of ['send', 'wait', 'receive'] as const) assert.ok((hop[k] ?? -1) >= 0, `${k} is derived`);
    if (!hop.reused) assert.ok((hop.connect ?? -1) >= 0, 'a new connection has its connect phase');
    // The server sleeps 300 ms before answering: that time must land in "wait".
    assert.ok((hop.wait ?? 0) >= 290, `wait ${hop.wait} covers the server's 300 ms`);
    const sum = (hop.dns ?? 0) + (hop.connect ?? 0) + (hop.send ?? 0) + (hop.wait ?? 0) + (hop.receive ?? 0);
    assert.ok(sum <= hop.total + 0.001);
  });
}
