import { describe, expect, it } from 'vitest';
import { eventInfo, eventStatus, formatBytes, parseHeaders, statusText } from './format.js';

describe('format', () => {
  it('status text', () => {
    expect(statusText(200, 'HTTP/1.1 200 OK')).toBe('200 OK');
    expect(statusText(404, 'HTTP/2 404')).toBe('404 Not Found');
    expect(statusText(299, 'HTTP/1.1 299')).toBe('299');
  });
  it('bytes', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(2048)).toBe('2.00 KiB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MiB');
  });
  it('events', () => {
    const n = { type: 'native', id: 'a', seq: 1, hop: 0, t: 1, status: 'NAME_RESOLVED', code: 11, info: { address: '127.0.0.1' } } as const;
    expect(eventStatus(n)).toBe('NAME_RESOLVED');
    expect(eventInfo(n)).toBe('address=127.0.0.1');
    const f = { type: 'finished', id: 'a', seq: 2, hop: 0, t: 2, ok: false, bodyBytes: 0, uploadBytes: 0, error: { code: 'CONNECT_FAILED', name: 'CURLE_COULDNT_CONNECT', message: 'refused' } } as const;
    expect(eventStatus(f)).toBe('finished');
    expect(eventInfo(f)).toBe('CONNECT_FAILED CURLE_COULDNT_CONNECT: refused');
    const c = { id: 'r', seq: 3, hop: 0, t: 2, type: 'cookies' as const, sent: ['a', 'b'], received: [{ name: 'c', domain: 'h', path: '/', stored: true }] };
    expect([eventStatus(c), eventInfo(c)]).toEqual(['cookies', 'jar: sent a, b; received c (stored)']);
  });
  it('headers', () => {
    expect(parseHeaders('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-A: b: c\r\n\r\n')).toEqual([
      ['Content-Type', 'text/html'],
      ['X-A', 'b: c'],
    ]);
  });
});

describe('request headers', () => {
  it('skips the request line', () => {
    expect(parseHeaders('GET http://a:1/x HTTP/1.1\r\nHost: a:1\r\n\r\n')).toEqual([['Host', 'a:1']]);
  });
});
