// core/body-decode.ts on real files: every coding, raw deflate, a stack, corrupt and cut
// data named by coding, and the decoded-size bound stopping a bomb.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, describe, it } from 'node:test';
import { decodeFile, DecodeError } from '../../core/body-decode.js';
import { parseCodings, type Coding } from '../../domain/content-coding.js';
import { originalBody } from '../support/encoded-server.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-decode-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function decode(wire: Buffer, header: string, limit = 1 << 30): Promise<Buffer> {
  const codings = parseCodings(header);
  assert.equal(codings.kind, 'codings');
  const src = path.join(dir, 'in');
  const dst = path.join(dir, 'out');
  fs.writeFileSync(src, wire);
  const n = await decodeFile(src, dst, (codings as { applied: Coding[] }).applied, limit);
  const out = fs.readFileSync(dst);
  assert.equal(n, out.length);
  return out;
}

describe('decoding a body file', () => {
  const original = originalBody();

  it('undoes gzip, deflate (zlib and raw), br and a "gzip, br" stack', async () => {
    assert.deepEqual(await decode(zlib.gzipSync(original), 'gzip'), original);
    assert.deepEqual(await decode(zlib.deflateSync(original), 'deflate'), original);
    assert.deepEqual(await decode(zlib.deflateRawSync(original), 'Deflate'), original);
    assert.deepEqual(await decode(zlib.brotliCompressSync(original), 'br'), original);
    assert.deepEqual(await decode(zlib.brotliCompressSync(zlib.gzipSync(original)), 'gzip, br'), original);
  });

  it('reads the header as the list of codings it is', () => {
    assert.deepEqual(parseCodings(' GZIP , identity, br'), { kind: 'codings', applied: ['gzip', 'br'] });
    assert.deepEqual(parseCodings('x-gzip'), { kind: 'codings', applied: ['gzip'] });
    assert.deepEqual(parseCodings('identity'), { kind: 'none' });
    assert.deepEqual(parseCodings('gzip, compress'), { kind: 'unknown', name: 'compress' });
  });

  it('names the coding of corrupt or cut data and leaves no output file', async () => {
    const bad = zlib.gzipSync(original);
    bad.fill(0xff, 500, 600);
    await assert.rejects(decode(bad, 'gzip'), (e: DecodeError) => e instanceof DecodeError && e.coding === 'gzip' && /the gzip coding is corrupt \(.+\), within its first \d+ bytes/.test(e.message));
    assert.equal(fs.existsSync(path.join(dir, 'out')), false);
    const cut = zlib.brotliCompressSync(original).subarray(0, 1000);
    await assert.rejects(decode(cut, 'br'), /the br coding is corrupt/);
    await assert.rejects(decode(Buffer.from('not zstd at all'), 'zstd'), /the zstd coding is corrupt/);
    // The inner coding of a stack fails by its own name.
    await assert.rejects(decode(zlib.brotliCompressSync(Buffer.from('plain, not gzip')), 'gzip, br'), /the gzip coding is corrupt/);
  });

  it('stops at the decoded-size bound, saying so', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024));
    assert.ok(bomb.length < 8192);
    await assert.rejects(decode(bomb, 'gzip', 1024 * 1024), (e: DecodeError) => e.coding === 'limit' && /passes the limit of 1048576 bytes/.test(e.message));
    assert.equal(fs.existsSync(path.join(dir, 'out')), false);
  });
});
