import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunkedUpload, FRAME_OVERHEAD, frameChunk } from '../../native-bridge/wininet/chunk-framing.js';

describe('chunked upload framing (the engine writes it; WinInet sends bytes as given)', () => {
  it('asks for chunks only when the last coding of Transfer-Encoding is chunked', () => {
    assert.equal(chunkedUpload([['Transfer-Encoding', 'chunked']]), true);
    assert.equal(chunkedUpload([['transfer-encoding', 'gzip, Chunked']]), true);
    assert.equal(chunkedUpload([['Transfer-Encoding', 'gzip'], ['Transfer-Encoding', 'chunked']]), true);
    assert.equal(chunkedUpload([['Transfer-Encoding', 'chunked, gzip']]), false);
    assert.equal(chunkedUpload([['X-Transfer-Encoding', 'chunked']]), false);
    assert.equal(chunkedUpload([]), false);
  });

  it('frames a chunk as <hex>CRLF<data>CRLF, and the last one as 0CRLFCRLF', () => {
    const out = Buffer.alloc(64);
    const n = frameChunk(out, Buffer.from('file body\nline 2\n'), 17);
    assert.equal(out.subarray(0, n).toString('latin1'), '11\r\nfile body\nline 2\n\r\n');
    const last = frameChunk(out, Buffer.alloc(0), 0);
    assert.equal(out.subarray(0, last).toString('latin1'), '0\r\n\r\n');
  });

  it('the largest frame fits its buffer', () => {
    const room = 64 * 1024 - FRAME_OVERHEAD;
    const out = Buffer.alloc(64 * 1024);
    assert.ok(frameChunk(out, Buffer.alloc(room, 1), room) <= out.length);
  });
});
