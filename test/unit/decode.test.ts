import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSockaddr } from '../../native-bridge/sockaddr.js';
import { decodeText } from '../../native-bridge/wininet/decode.js';
import { formatTimelineLine } from '../../domain/timeline-text.js';
import { exitCodeFor, exitCodeForError } from '../../cli/exit-codes.js';
import { curlError } from '../../native-bridge/curl/errors.js';

describe('status information decoding', () => {
  it('reads ANSI and UTF-16 text', () => {
    assert.equal(decodeText(Buffer.from('127.0.0.1\0')), '127.0.0.1');
    assert.equal(decodeText(Buffer.from('http://h/x\0', 'utf16le')), 'http://h/x');
    assert.equal(decodeText(Buffer.from([1, 2, 3, 200])), undefined);
  });

  it('reads SOCKADDR_IN and SOCKADDR_IN6', () => {
    assert.equal(decodeSockaddr(Buffer.from([2, 0, 0x1f, 0x90, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])), '127.0.0.1:8080');
    const v6 = Buffer.alloc(28);
    v6.writeUInt16LE(23, 0);
    v6.writeUInt16BE(443, 2);
    v6[23] = 1;
    assert.equal(decodeSockaddr(v6), '[0:0:0:0:0:0:0:1]:443');
  });
});

describe('CLI formatting', () => {
  it('formats a timeline line with ms, hop, status and info', () => {
    const line = formatTimelineLine({ type: 'native', id: 'r', seq: 3, hop: 1, t: 12.3456, status: 'REQUEST_SENT', code: 31, info: { bytes: 120 } });
    assert.equal(line, '    12.346 ms  hop 1  REQUEST_SENT (31)  bytes=120');
  });

  it("maps error codes to curl's exit codes", () => {
    assert.deepEqual(
      (['BAD_URL', 'RESOLVE_FAILED', 'CONNECT_FAILED', 'PARTIAL_BODY', 'BODY_WRITE_FAILED', 'UPLOAD_READ_FAILED', 'TIMEOUT', 'TLS_HANDSHAKE', 'TLS_CERT'] as const).map(exitCodeFor),
      [3, 6, 7, 18, 23, 26, 28, 35, 60],
    );
  });

  it("exits with libcurl's own CURLcode where the error carries one", () => {
    const ctx = { bodyStarted: false };
    // The stable codes group these (BAD_RESPONSE, PARTIAL_BODY); curl's exit code does not.
    assert.equal(exitCodeForError(curlError(52, 'Server returned nothing', ctx)), 52);
    assert.equal(exitCodeForError(curlError(1, 'x', { ...ctx, detail: 'Unsupported HTTP/1 subversion in response' })), 1);
    assert.equal(exitCodeForError(curlError(56, 'x', { bodyStarted: true, detail: 'invalid chunk size' })), 56);
    // Errors of another stack, or of the engine's own checks, go by their stable code.
    assert.equal(exitCodeForError({ code: 'BAD_RESPONSE', name: 'ERROR_HTTP_INVALID_SERVER_RESPONSE', native: 12152, message: 'm' }), 8);
    assert.equal(exitCodeForError({ code: 'BODY_CAP_EXCEEDED', name: 'BODY_CAP_EXCEEDED', message: 'm' }), 63);
  });
});
