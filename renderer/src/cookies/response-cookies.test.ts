import { describe, expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import { hopCookies, parseCookieHeader, parseSetCookie } from './response-cookies.js';

const id = '6f1c1a34-7a9e-4b0e-9d77-0c1e6c1f6a01';

describe("the response's cookies", () => {
  it('reads a Set-Cookie header for display: attributes any case, Max-Age over Expires, host-only without Domain', () => {
    expect(parseSetCookie('sid=abc; Path=/; HttpOnly; SameSite=Lax')).toMatchObject({ name: 'sid', value: 'abc', path: '/', expiry: 'session', flags: ['HttpOnly', 'SameSite=Lax', 'host-only'] });
    expect(parseSetCookie('t=1; domain=.Example.org; expires=Wed, 21 Oct 2037 07:28:00 GMT; secure')).toMatchObject({ domain: 'example.org', expiry: 'Wed, 21 Oct 2037 07:28:00 GMT', flags: ['Secure'] });
    expect(parseSetCookie('t=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Max-Age=60').expiry).toBe('Max-Age=60');
    expect(parseSetCookie('t="a=b"').value).toBe('"a=b"');
    expect(parseSetCookie('novalue')).toMatchObject({ name: '', value: 'novalue' });
  });

  it('reads a Cookie header into its pairs', () => {
    expect(parseCookieHeader('a=1; b=x=y;c=')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'x=y' },
      { name: 'c', value: '' },
    ]);
    expect(parseCookieHeader('')).toEqual([]);
  });

  it('per hop: what each request sent and each response set', () => {
    const ev = (seq: number, hop: number, e: object) => ({ id, seq, hop, t: seq, ...e }) as InetEvent;
    const events: InetEvent[] = [
      ev(0, 0, { type: 'started', engine: 'curl', method: 'GET', url: 'http://127.0.0.1:1/login', wallTime: 0 }),
      ev(1, 0, { type: 'headers', statusCode: 302, statusLine: 'HTTP/1.1 302 Found', httpVersion: '1.1', rawHeaders: 'HTTP/1.1 302 Found\r\nLocation: /home\r\nSet-Cookie: sid=1; Path=/\r\nset-cookie: theme=dark\r\n\r\n', requestHeaders: 'GET /login HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n' }),
      ev(2, 1, { type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: '1.1', rawHeaders: 'HTTP/1.1 200 OK\r\n\r\n', requestHeaders: 'GET /home HTTP/1.1\r\nCookie: sid=1; theme=dark\r\n\r\n' }),
    ];
    const hops = hopCookies(events);
    expect(hops.map((h) => [h.hop, h.sent.map((s) => s.name), h.set.map((s) => s.name)])).toEqual([
      [0, [], ['sid', 'theme']],
      [1, ['sid', 'theme'], []],
    ]);
    expect(hops[0]!.url).toBe('http://127.0.0.1:1/login');
    expect(hops[0]!.set.map((c) => c.outcome)).toEqual([undefined, undefined]);
  });

  it("each set cookie gets what the jar did with it from the hop's cookies event", () => {
    const ev = (seq: number, e: object) => ({ id, seq, hop: 0, t: seq, ...e }) as InetEvent;
    const headers = ev(1, { type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: '1.1', rawHeaders: 'HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2; Domain=other.example\r\n\r\n' });
    const a = { name: 'a', domain: '127.0.0.1', path: '/', stored: true };
    const b = { name: 'b', domain: 'other.example', path: '/', stored: false, reason: 'Cookie not in this host\'s domain' };
    expect(hopCookies([headers, ev(2, { type: 'cookies', sent: [], received: [a, b] })])[0]!.set.map((c) => c.outcome)).toEqual([a, b]);
    // Counts that differ: matched by name.
    expect(hopCookies([headers, ev(2, { type: 'cookies', sent: [], received: [b] })])[0]!.set.map((c) => c.outcome)).toEqual([undefined, b]);
  });
});
