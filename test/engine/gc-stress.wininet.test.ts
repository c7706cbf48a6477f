// The host under --expose-gc with gc() after every WinInet call: memory handed to
// WinInet must never move or die early, so transfers stay byte-exact.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileSha256, patternSha256, writePatternFile } from '../support/servers.js';
import { assertOk, memory, startHarness, type Harness } from './conformance/harness.js';

const MB = 1024 * 1024;

describe('GC stress: wininet host with gc() after every native call', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('wininet', { gcStress: true });
  });
  after(async () => {
    await h?.close();
  });

  it('downloads 24 MiB to a file byte-exact', async () => {
    const file = path.join(h.tmp, 'gc-down.bin');
    const x = await h.run({ url: `${h.http.url}/bytes/${24 * MB}?seed=gc`, sink: { kind: 'file', path: file } });
    assertOk(x, 200);
    assert.equal(await fileSha256(file), await patternSha256(24 * MB, 'gc'));
  });

  it('uploads 24 MiB from a file byte-exact', async () => {
    const file = path.join(h.tmp, 'gc-up.bin');
    const sha = await writePatternFile(file, 24 * MB, 'gc-up');
    const x = await h.run({ url: `${h.http.url}/upload`, method: 'POST', body: { kind: 'file', path: file }, sink: memory() });
    assertOk(x, 200);
    const answer = JSON.parse(x.body.toString()) as { bytes: number; sha256: string };
    assert.deepEqual([answer.bytes, answer.sha256], [24 * MB, sha]);
  });

  it('uploads 8 MiB chunked (framed by the engine) from a file byte-exact', async () => {
    const file = path.join(h.tmp, 'gc-chunked.bin');
    const sha = await writePatternFile(file, 8 * MB + 3, 'gc-ch');
    const x = await h.run({ url: `${h.http.url}/upload-any`, method: 'GET', headers: [['Transfer-Encoding', 'chunked']], body: { kind: 'file', path: file }, sink: memory() });
    assertOk(x, 200);
    const answer = JSON.parse(x.body.toString()) as { bytes: number; sha256: string; contentLength: number | null };
    assert.deepEqual([answer.bytes, answer.sha256, answer.contentLength], [8 * MB + 3, sha, null]);
  });

  it('reads a chunked body into memory byte-exact, several at once', async () => {
    const xs = await Promise.all(
      [1, 2, 3].map((i) => h.run({ url: `${h.http.url}/chunked/${2 * MB + i}?seed=gc${i}`, sink: memory() })),
    );
    for (const [i, x] of xs.entries()) {
      assertOk(x, 200);
      const sha = crypto.createHash('sha256').update(x.body).digest('hex');
      assert.equal(sha, await patternSha256(2 * MB + i + 1, `gc${i + 1}`));
    }
  });
});
