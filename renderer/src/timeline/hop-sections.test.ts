import { describe, expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import { hopSections, listLayout, sectionStatus } from './hop-sections.js';

const ev = (e: Omit<InetEvent, 'id'> & Record<string, unknown>) => ({ id: 'r', ...e }) as InetEvent;
const native = (seq: number, hop: number, status: string, info?: Record<string, unknown>) => ev({ seq, hop, t: seq, type: 'native', status, code: 1, ...(info ? { info } : {}) });
const headers = (seq: number, hop: number, code: number, line: string, raw: string) =>
  ev({ seq, hop, t: seq, type: 'headers', statusCode: code, statusLine: line, httpVersion: '1.1', rawHeaders: raw });

/** A 3-hop chain: 302, 301, then 200; the engine sends a headers event per hop. */
const chain: InetEvent[] = [
  ev({ seq: 0, hop: 0, t: 0, type: 'started', engine: 'curl', method: 'GET', url: 'http://h/a', wallTime: 1 }),
  native(1, 0, 'CONNECTED_TO_SERVER'),
  headers(2, 0, 302, 'HTTP/1.1 302 Found', 'HTTP/1.1 302 Found\r\nLocation: /b\r\nContent-Length: 0\r\n\r\n'),
  native(3, 0, 'REDIRECT', { url: 'http://h/b' }),
  native(4, 1, 'SENDING_REQUEST'),
  headers(5, 1, 301, 'HTTP/1.1 301 Moved Permanently', 'HTTP/1.1 301 Moved Permanently\r\nLocation: /c\r\n\r\n'),
  native(6, 1, 'REDIRECT', { url: 'http://h/c' }),
  native(7, 2, 'SENDING_REQUEST'),
  headers(8, 2, 200, 'HTTP/1.1 200 OK', 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n'),
  ev({ seq: 9, hop: 2, t: 9, type: 'finished', ok: true, statusCode: 200, bodyBytes: 4, uploadBytes: 0 }),
];

describe('hop sections', () => {
  it('makes a section per hop with its URL, status line and headers', () => {
    const s = hopSections(chain);
    expect(s.map((x) => [x.hop, x.first, x.url, sectionStatus(x), x.redirected])).toEqual([
      [0, 0, 'http://h/a', '302 Found', true],
      [1, 4, 'http://h/b', '301 Moved Permanently', true],
      [2, 7, 'http://h/c', '200 OK', false],
    ]);
    expect(s[0]?.headers).toEqual([
      ['Location', '/b'],
      ['Content-Length', '0'],
    ]);
  });

  it('says 3xx for a followed redirect without a headers event, … for a hop under way', () => {
    const noHeaders = chain.filter((e) => e.type !== 'headers' && e.type !== 'finished');
    expect(hopSections(noHeaders).map(sectionStatus)).toEqual(['3xx', '3xx', '…']);
  });

  it('lays out headings, expanded headers and events as rows of one height', () => {
    const s = hopSections(chain);
    const collapsed = listLayout(s, chain.length, new Set());
    expect(collapsed.count).toBe(chain.length + 3);
    const names = (l: ReturnType<typeof listLayout>) =>
      Array.from({ length: l.count }, (_, i) => {
        const r = l.rowAt(i);
        return r.kind === 'section' ? `S${r.section.hop}` : r.kind === 'header' ? `H:${r.name}` : `E${r.index}`;
      });
    expect(names(collapsed)).toEqual(['S0', 'E0', 'E1', 'E2', 'E3', 'S1', 'E4', 'E5', 'E6', 'S2', 'E7', 'E8', 'E9']);
    const open = listLayout(s, chain.length, new Set([0, 2]));
    expect(names(open)).toEqual(['S0', 'H:Location', 'H:Content-Length', 'E0', 'E1', 'E2', 'E3', 'S1', 'E4', 'E5', 'E6', 'S2', 'H:Content-Type', 'E7', 'E8', 'E9']);
  });

  it('finds any row of a long list without walking it', () => {
    const many: InetEvent[] = [chain[0] as InetEvent];
    for (let i = 1; i < 50_000; i++) many.push(native(i, 0, 'RESPONSE_RECEIVED', { bytes: 100 }));
    const l = listLayout(hopSections(many), many.length, new Set());
    expect(l.count).toBe(50_001);
    expect(l.rowAt(50_000)).toEqual({ kind: 'event', index: 49_999 });
    expect(l.rowAt(0).kind).toBe('section');
  });

  it('has no rows for no events', () => {
    expect(listLayout(hopSections([]), 0, new Set()).count).toBe(0);
  });
});
