import { describe, expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import { hopHeads, rawExchange } from './hop-heads.js';

const head = (hop: number, code: number, req?: string): InetEvent =>
  ({
    type: 'headers',
    seq: hop * 10,
    t: hop,
    hop,
    statusCode: code,
    statusLine: `HTTP/1.1 ${code} X`,
    httpVersion: 'HTTP/1.1',
    rawHeaders: `HTTP/1.1 ${code} X\r\nA: ${hop}\r\n\r\n`,
    requestHeaders: req,
  }) as InetEvent;

describe('hopHeads and rawExchange', () => {
  it('lists each hop with its heads, in order', () => {
    const heads = hopHeads([head(0, 302, 'GET /a HTTP/1.1\r\nHost: h\r\n\r\n'), head(1, 200)]);
    expect(heads.map((h) => [h.hop, h.statusLine])).toEqual([
      [0, 'HTTP/1.1 302 X'],
      [1, 'HTTP/1.1 200 X'],
    ]);
    expect(rawExchange(heads)).toBe(
      '# hop 0\nGET /a HTTP/1.1\nHost: h\n\nHTTP/1.1 302 X\nA: 0\n\n# hop 1\n(the request head was not reported by the engine)\n\nHTTP/1.1 200 X\nA: 1',
    );
  });
  it('has no hop titles for a single hop', () => {
    expect(rawExchange(hopHeads([head(0, 200, 'GET / HTTP/1.1\r\n\r\n')]))).toBe('GET / HTTP/1.1\n\nHTTP/1.1 200 X\nA: 0');
  });
});
