import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runtimeProblem, abortIsTimeout, closeStopsRedirect, cutHeaderLine, dropAtCloseMeansBrokenChunks, madeUpHead, probeAfterEmptyRead, QUIRKS, readCount, writeOffJsThread, chunkedUploadRefusal, httpVersionRefusal, proxyAuthRefusal, reopenPreconfigured } from '../../native-bridge/wininet/wine-quirks.js';

const SIZE = 256 * 1024;

describe('Wine quirks, each with Wine and Windows semantics', () => {
  it('names the Wine behaviour, the Windows behaviour and the detection of every quirk', () => {
    for (const [name, q] of Object.entries(QUIRKS)) {
      assert.ok(q.wine && q.windows && q.detected, name);
    }
  });

  it('read count: the call\'s own count; RESPONSE_RECEIVED only for Wine\'s unwritten pending count', () => {
    assert.equal(readCount(true, 0, 500, true, SIZE), 500);
    assert.equal(readCount(false, 0, 500, true, SIZE), 0);
    // Windows: several RESPONSE_RECEIVED per read, compressed bytes: the documented count wins.
    assert.equal(readCount(false, 1000, 300, true, SIZE), 1000);
    assert.equal(readCount(true, 1000, 300, true, SIZE), 1000);
    // A read that completed at once was written by the call itself.
    assert.equal(readCount(true, 0, 500, false, SIZE), 0);
  });

  it('read count: a count over the buffer is INTERNAL on both', () => {
    for (const wine of [true, false]) {
      const r = readCount(wine, SIZE + 1, undefined, false, SIZE);
      assert.equal(typeof r === 'object' && r.code, 'INTERNAL');
      const fromEvent = readCount(wine, 0, SIZE + 1, true, SIZE);
      assert.equal(typeof fromEvent === 'object' ? fromEvent.code : fromEvent, wine ? 'INTERNAL' : 0);
    }
  });

  it('a connection dropped at close means a broken chunked body only under Wine', () => {
    assert.equal(dropAtCloseMeansBrokenChunks(true), true);
    assert.equal(dropAtCloseMeansBrokenChunks(false), false);
  });

  it('a header line of 4,095 characters is refused only under Wine', () => {
    const raw = `HTTP/1.1 200 OK\r\nX-Long: ${'a'.repeat(4090)}\r\n\r\n`;
    assert.equal(cutHeaderLine(true, raw)?.name, 'HEADER_LINE_CUT');
    assert.equal(cutHeaderLine(false, raw), undefined);
    assert.equal(cutHeaderLine(true, 'HTTP/1.1 200 OK\r\nX: y\r\n\r\n'), undefined);
  });

  it('a made-up head: under Wine the missing Status header tells, on Windows a head with no header line', () => {
    const madeUp = { statusCode: 200, rawHeaders: 'HTTP/1.0 200 OK\r\n\r\n', statusHeader: false };
    assert.equal(madeUpHead(true, madeUp)?.name, 'NO_STATUS_LINE');
    assert.equal(madeUpHead(false, madeUp)?.name, 'NO_STATUS_LINE');
    // A real header-less HTTP/1.0 reply: Wine keeps its Status; Windows cannot tell it apart.
    assert.equal(madeUpHead(true, { ...madeUp, statusHeader: true }), undefined);
    assert.equal(madeUpHead(false, { ...madeUp, statusHeader: true })?.name, 'NO_STATUS_LINE');
    const withHeaders = { statusCode: 200, rawHeaders: 'HTTP/1.0 200 OK\r\nServer: x\r\n\r\n', statusHeader: false };
    assert.equal(madeUpHead(true, withHeaders)?.name, 'NO_STATUS_LINE');
    assert.equal(madeUpHead(false, withHeaders), undefined);
    const empty = { statusCode: 0, rawHeaders: '\r\n', statusHeader: false };
    assert.equal(madeUpHead(true, empty)?.name, 'EMPTY_REPLY');
  });

  it('closing at REDIRECT stops the next hop on Windows, not under Wine', () => {
    assert.equal(closeStopsRedirect(false), true);
    assert.equal(closeStopsRedirect(true), false);
  });

  it('12030 is a timeout only under Wine and only after silence for the whole receive timeout', () => {
    assert.equal(abortIsTimeout(true, 12030, 1000, 1000), true);
    assert.equal(abortIsTimeout(false, 12030, 1000, 1000), false);
    // Data arrived 100 ms ago: a genuine abort, not a timeout.
    assert.equal(abortIsTimeout(true, 12030, 100, 1000), false);
    assert.equal(abortIsTimeout(true, 12030, 5000, undefined), false);
    assert.equal(abortIsTimeout(true, 12031, 5000, 1000), false);
  });

  it('a 0-byte read is probed under Wine, the end on Windows', () => {
    assert.equal(probeAfterEmptyRead(true), true);
    assert.equal(probeAfterEmptyRead(false), false);
  });

  it('a 32-bit runtime is refused with a message naming it', () => {
    assert.equal(runtimeProblem('x64'), undefined);
    assert.equal(runtimeProblem('arm64'), undefined);
    assert.match(runtimeProblem('ia32') ?? '', /64-bit.*ia32/);
  });

  it('InternetWriteFile runs off the JS thread under Wine (it blocks there), on it on Windows (it pends)', () => {
    assert.equal(writeOffJsThread(true), true);
    assert.equal(writeOffJsThread(false), false);
  });

  it('a chunked upload: refused by name under Wine unless GET (Wine adds a Content-Length), sent on Windows', () => {
    assert.equal(chunkedUploadRefusal(true, 'PUT', true)?.name, 'CHUNKED_UPLOAD_UNSUPPORTED');
    assert.match(chunkedUploadRefusal(true, 'POST', true)?.message ?? '', /Content-Length to every POST/);
    assert.equal(chunkedUploadRefusal(true, 'GET', true), undefined);
    assert.equal(chunkedUploadRefusal(true, 'PUT', false), undefined);
    assert.equal(chunkedUploadRefusal(false, 'PUT', true), undefined);
  });

  it('HTTP versions: 2 over TLS on Windows only; h2c and 3 refused on both; 1.x always sent', () => {
    assert.equal(httpVersionRefusal(false, '2', true), undefined);
    assert.equal(httpVersionRefusal(true, '2', true)?.name, 'HTTP2_UNSUPPORTED');
    assert.match(httpVersionRefusal(true, '2', true)?.message ?? '', /Wine/);
    for (const wine of [true, false]) {
      assert.equal(httpVersionRefusal(wine, '2', false)?.name, 'HTTP2_UNSUPPORTED');
      assert.equal(httpVersionRefusal(wine, '2-prior-knowledge', true)?.name, 'HTTP2_UNSUPPORTED');
      assert.equal(httpVersionRefusal(wine, '3', true)?.name, 'HTTP3_UNSUPPORTED');
      for (const v of ['1.0', '1.1', undefined] as const) assert.equal(httpVersionRefusal(wine, v, true), undefined);
      assert.equal(httpVersionRefusal(wine, '2', true)?.code ?? 'BAD_REQUEST', 'BAD_REQUEST');
    }
  });

  it('proxy Digest: refused by name under Wine only; the other schemes go to the stack', () => {
    assert.equal(proxyAuthRefusal(true, 'digest')?.name, 'PROXY_DIGEST_UNSUPPORTED');
    assert.equal(proxyAuthRefusal(false, 'digest'), undefined);
    for (const s of ['basic', 'ntlm', 'any', undefined] as const) assert.equal(proxyAuthRefusal(true, s), undefined);
  });

  it('OS proxy: Wine reopens it with the loopback bypass; Windows keeps PRECONFIG (its autoproxy) unless a no-proxy list is added', () => {
    assert.equal(reopenPreconfigured(true, true, undefined), true);
    assert.equal(reopenPreconfigured(false, true, undefined), false);
    assert.equal(reopenPreconfigured(false, true, 'example.com'), true);
    assert.equal(reopenPreconfigured(true, false, 'example.com'), false, 'nothing configured: nothing to reopen');
  });
});
