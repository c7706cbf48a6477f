import { describe, expect, it } from 'vitest';
import { hexRow, hexRows, offsetWidth } from './hex.js';
import { ByteSearcher, encodeQuery } from './search.js';
import { contentTypeOf, viewersFor } from './kinds.js';
import { formatJson, formatXml } from './pretty-format.js';

describe('hex rows', () => {
  it('formats offset, hex and ASCII', () => {
    const r = hexRow(new TextEncoder().encode('GIF89a\x00\x01ABCDEFGH'), 0x20, 8);
    expect(r).toEqual({ offset: '00000020', hex: '47 49 46 38 39 61 00 01  41 42 43 44 45 46 47 48', ascii: 'GIF89a..ABCDEFGH' });
  });
  it('pads a short last row and widens offsets for big bodies', () => {
    const rows = hexRows(Uint8Array.of(1, 2, 3), 16, 19);
    expect(rows[0]?.hex).toBe(`01 02 03${'   '.repeat(5)}  ${'   '.repeat(7)}  `);
    expect(offsetWidth(2 ** 36)).toBe(9);
  });
});

describe('search over chunks', () => {
  const run = (text: string, q: string, size: number) => {
    const bytes = new TextEncoder().encode(text);
    const s = new ByteSearcher(encodeQuery(q));
    const found: number[] = [];
    for (let o = 0; o < bytes.length; o += size) found.push(...s.feed(bytes.subarray(o, o + size), o));
    return { found, count: s.count };
  };
  it('finds matches spanning chunk boundaries, case-insensitively', () => {
    const text = 'xxNeedlexxxneedLExneedle';
    for (const size of [1, 2, 3, 5, 7, 100]) expect(run(text, 'NEEDLE', size).found).toEqual([2, 11, 18]);
  });
  it('does not count overlapping or carried matches twice', () => {
    for (const size of [1, 2, 3, 4]) expect(run('aaaa', 'aa', size)).toEqual({ found: [0, 2], count: 2 });
  });
});

describe('viewer kinds and formatting', () => {
  it('offers viewers by content type', () => {
    expect(viewersFor('application/json; charset=utf-8')).toEqual({ offered: ['raw', 'pretty', 'hex'], initial: 'pretty' });
    expect(viewersFor('image/png')).toEqual({ offered: ['raw', 'hex', 'image'], initial: 'image' });
    expect(viewersFor('text/html')).toEqual({ offered: ['raw', 'hex', 'html'], initial: 'raw' });
    expect(viewersFor('application/octet-stream').initial).toBe('hex');
    expect(contentTypeOf('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n')).toBe('text/xml');
  });
  it('pretty-prints JSON and XML', () => {
    expect(formatJson('{"a":[1]}')).toEqual({ ok: true, text: '{\n  "a": [\n    1\n  ]\n}' });
    expect(formatJson('{').ok).toBe(false);
    expect(formatXml('<?xml version="1.0"?><a><b x="1">t</b><c/></a>')).toEqual({ ok: true, text: '<?xml version="1.0"?>\n<a>\n  <b x="1">\n    t\n  </b>\n  <c/>\n</a>' });
  });
});
