// Conformance: request bodies the engine frames itself, and response bodies that pause mid-way.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { patternSha256, writePatternFile } from '../../support/servers.js';
import { EXPECTATIONS } from './expectations.js';
import { assertError, assertOk, memory, type Harness } from './harness.js';

const CHUNKED: [string, string] = ['Transfer-Encoding', 'chunked'];

interface UploadAnswer {
  bytes: number;
  sha256: string;
  method: string;
  contentLength: number | null;
}

export function uploadCases(h: () => Harness): void {
  // Several frames (the engine writes 64 KiB at most per frame) and a last, short one.
  const size = 300_001;

  it('sends a chunked upload when the request asks for one: framed, no Content-Length, decoded byte-exact', async () => {
    const file = path.join(h().tmp, 'chunked-up.bin');
    const sha = await writePatternFile(file, size, 'chunked-up');
    // GET: the one method every engine sends chunked (see chunkedUploadAnyMethod).
    const x = await h().run({ url: `${h().http.url}/upload-any?te=get`, method: 'GET', headers: [CHUNKED], body: { kind: 'file', path: file }, sink: memory() });
    assertOk(x, 200);
    const answer = JSON.parse(x.body.toString()) as UploadAnswer;
    assert.deepEqual([answer.method, answer.bytes, answer.sha256, answer.contentLength], ['GET', size, sha, null]);
    const record = h().http.uploads.find((u) => u.url === '/upload-any?te=get');
    assert.equal(record?.headers['transfer-encoding'], 'chunked');
    assert.equal(x.finished.uploadBytes, size, 'upload bytes count the body, not the framing');
    fs.rmSync(file);
  });

  it('a chunked PUT is sent chunked, or refused by name where the stack would add a Content-Length', async () => {
    const body = Buffer.from('file body\nline 2\n');
    const x = await h().run({ url: `${h().http.url}/upload-any?te=put`, method: 'PUT', headers: [CHUNKED], body: { kind: 'memory', base64: body.toString('base64') }, sink: memory() });
    if (!EXPECTATIONS[h().engine].chunkedUploadAnyMethod) {
      assertError(x, 'BAD_REQUEST');
      assert.equal(x.finished.error?.name, 'CHUNKED_UPLOAD_UNSUPPORTED');
      assert.equal(h().http.uploads.some((u) => u.url === '/upload-any?te=put'), false, 'nothing was sent');
      return;
    }
    assertOk(x, 200);
    const answer = JSON.parse(x.body.toString()) as UploadAnswer;
    const sha = crypto.createHash('sha256').update(body).digest('hex');
    assert.deepEqual([answer.method, answer.bytes, answer.sha256, answer.contentLength], ['PUT', body.length, sha, null]);
  });

  it('a POST redirected by a 307 is sent again with its body, or fails by name where the stack drops it', async () => {
    const file = path.join(h().tmp, 'redirect-up.bin');
    const sha = await writePatternFile(file, size, 'redirect-up');
    const x = await h().run({ url: `${h().http.url}/redirect-body/307`, method: 'POST', followRedirects: true, body: { kind: 'file', path: file }, sink: memory() });
    fs.rmSync(file);
    if (!EXPECTATIONS[h().engine].uploadResentOnRedirect) {
      assertError(x, 'SEND_FAILED');
      assert.equal(x.finished.error?.name, 'REDIRECT_BODY_LOST');
      return;
    }
    assertOk(x, 200);
    const answer = JSON.parse(x.body.toString()) as UploadAnswer;
    assert.deepEqual([answer.method, answer.bytes, answer.sha256], ['POST', size, sha]);
  });

  it('a POST redirected by a 303 becomes a GET without the body, on every engine', async () => {
    const x = await h().run({ url: `${h().http.url}/redirect-body/303`, method: 'POST', followRedirects: true, body: { kind: 'memory', base64: Buffer.from('a=1').toString('base64') }, sink: memory() });
    assertOk(x, 200);
    const answer = JSON.parse(x.body.toString()) as UploadAnswer;
    assert.deepEqual([answer.method, answer.bytes], ['GET', 0]);
  });

  // A pause at each place in the chunk framing: before a chunk's CRLF, inside it, between chunks, inside a size line.
  for (const at of [0, 1, 2, 3]) {
    it(`keeps every byte of a chunked body that pauses mid-body (pause ${at} bytes past a chunk's data)`, async () => {
      const n = 600_003;
      const x = await h().run({ url: `${h().http.url}/chunked-pause/${n}?chunks=3&pause=300&at=${at}&seed=pause${at}`, sink: memory() });
      assertOk(x, 200);
      assert.equal(x.body.length, n);
      assert.equal(crypto.createHash('sha256').update(x.body).digest('hex'), await patternSha256(n, `pause${at}`));
      // WinInet: a read (or a probe for data) waits through the pause and completes with REQUEST_COMPLETE.
      if (EXPECTATIONS[h().engine].pendingCalls) assert.ok((x.finished.ioPending ?? 0) > 1, `calls went pending (${x.finished.ioPending})`);
    });
  }
}
