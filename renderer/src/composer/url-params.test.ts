import { describe, expect, it } from 'vitest';
import { parseParams, withParams, type ParamRow } from './url-params.js';

const rows = (...pairs: Array<[string, string]>): ParamRow[] => pairs.map(([name, value]) => ({ name, value, enabled: true }));

describe('parseParams', () => {
  it('keeps order, duplicates and empty values', () => {
    expect(parseParams('http://h/p?b=2&a=1&b=3&empty=&flag')).toEqual(
      rows(['b', '2'], ['a', '1'], ['b', '3'], ['empty', ''], ['flag', '']),
    );
  });

  it("decodes '+' as a space and %XX as UTF-8; '=' after the first belongs to the value", () => {
    expect(parseParams('http://h/?q=a+b%2Bc&x%20y=%E2%9C%93&e=a=b')).toEqual(rows(['q', 'a b+c'], ['x y', '✓'], ['e', 'a=b']));
    expect(parseParams('http://h/?amp=%26&hash=%23&eq=%3D')).toEqual(rows(['amp', '&'], ['hash', '#'], ['eq', '=']));
  });

  it('tolerates a URL without scheme, raw unicode and malformed escapes', () => {
    expect(parseParams('example.org/search?q=1')).toEqual(rows(['q', '1']));
    expect(parseParams('?q=1')).toEqual(rows(['q', '1']));
    expect(parseParams('h/?q=日本語')).toEqual(rows(['q', '日本語']));
    expect(parseParams('h/?a=100%&b=%E2%9C&c=%41%zz')).toEqual(rows(['a', '100%'], ['b', '%E2%9C'], ['c', 'A%zz']));
  });

  it('no query, only "?", empty segments, a "?" inside the fragment', () => {
    expect(parseParams('http://h/p')).toEqual([]);
    expect(parseParams('http://h/p?')).toEqual([]);
    expect(parseParams('http://h/p?#x')).toEqual([]);
    expect(parseParams('http://h/p?a=1&&b=2&')).toEqual(rows(['a', '1'], ['b', '2']));
    expect(parseParams('http://h/p#frag?a=1')).toEqual([]);
    expect(parseParams('http://h/p?a=1#frag?b=2')).toEqual(rows(['a', '1']));
    expect(parseParams('')).toEqual([]);
  });
});

describe('withParams', () => {
  it('rebuilds the query from the enabled rows, the rest untouched, the fragment kept', () => {
    const url = 'https://user@h:8443/a/b;x?old=1#sec?tion';
    expect(withParams(url, rows(['a', '1'], ['b', '2']))).toBe('https://user@h:8443/a/b;x?a=1&b=2#sec?tion');
    expect(withParams('https://h/p#f', rows(['a', '1']))).toBe('https://h/p?a=1#f');
    expect(withParams('h/p', rows(['a', '1']))).toBe('h/p?a=1');
  });

  it('leaves out disabled and blank rows; no enabled row drops the "?"', () => {
    const r: ParamRow[] = [
      { name: 'a', value: '1', enabled: false },
      { name: '', value: '', enabled: true },
      { name: 'b', value: '', enabled: true },
    ];
    expect(withParams('http://h/?a=1', r)).toBe('http://h/?b=');
    expect(withParams('http://h/?a=1#f', [])).toBe('http://h/#f');
    expect(withParams('http://h/?', [])).toBe('http://h/');
    expect(withParams('http://h/?a=1', [{ name: 'a', value: '1', enabled: false }])).toBe('http://h/');
  });

  it('encodes new values so that they parse back; readable characters stay readable', () => {
    const tricky = rows(['a b', 'x+y'], ['&', '#='], ['q', '100%'], ['path', '/a/b?c:d@e,f$'], ['u', '日本 ✓ 😀'], ['', 'v']);
    const url = withParams('http://h/', tricky);
    expect(url).toBe(
      'http://h/?a%20b=x%2By&%26=%23%3D&q=100%25&path=/a/b?c:d@e,f$&u=%E6%97%A5%E6%9C%AC%20%E2%9C%93%20%F0%9F%98%80&=v',
    );
    expect(parseParams(url)).toEqual(tricky);
    // The same through the platform's parser (the one the engines' URLs meet in the core).
    expect([...new URL(url).searchParams]).toEqual(tricky.map((r) => [r.name, r.value]));
  });

  it('a lone surrogate does not throw', () => {
    expect(withParams('h/', rows(['s', '\uD800x']))).toBe('h/?s=%EF%BF%BDx');
  });

  it('round trip: the parsed rows give back the URL as written, whatever its encoding', () => {
    for (const url of [
      'http://h/p?q=a+b&r=a%20b&s=%e2%9c%93&t=日本&flag&e=&dup=1&dup=1#frag',
      'example.org?x=%41&y=100%',
      'http://h/p#only-fragment',
      'http://h/p',
    ]) {
      expect(withParams(url, parseParams(url))).toBe(url);
    }
  });

  it('editing one row re-encodes that row only; duplicates keep their own text in order', () => {
    const url = 'http://h/?a=x+y&b=%7E&a=x%20y';
    const r = parseParams(url);
    expect(r).toEqual(rows(['a', 'x y'], ['b', '~'], ['a', 'x y']));
    r[1] = { name: 'b', value: 'new value', enabled: true };
    expect(withParams(url, r)).toBe('http://h/?a=x+y&b=new%20value&a=x%20y');
    // Reordered rows keep their text.
    expect(withParams(url, [r[2]!, r[0]!])).toBe('http://h/?a=x+y&a=x%20y');
    // A row added at the end.
    expect(withParams(url, [...parseParams(url), ...rows(['c', 'é'])])).toBe('http://h/?a=x+y&b=%7E&a=x%20y&c=%C3%A9');
  });
});
