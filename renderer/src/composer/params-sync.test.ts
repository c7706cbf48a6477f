import { describe, expect, it } from 'vitest';
import { rowsForUrl, urlForRows } from './params-sync.js';

describe('params table ↔ URL', () => {
  it('takes the rows from the URL, keeping disabled and blank rows in place', () => {
    const kept = [
      { name: 'a', value: '1', enabled: true },
      { name: 'off', value: 'x', enabled: false },
      { name: 'b', value: '2', enabled: true },
      { name: '', value: '', enabled: true },
    ];
    expect(rowsForUrl('http://h/p?a=9&b=2&c=3', kept)).toEqual([
      { name: 'a', value: '9', enabled: true },
      { name: 'off', value: 'x', enabled: false },
      { name: 'b', value: '2', enabled: true },
      { name: '', value: '', enabled: true },
      { name: 'c', value: '3', enabled: true },
    ]);
    expect(rowsForUrl('http://h/p', kept)).toEqual([kept[1], kept[3]]);
  });

  it('rebuilds the URL from the enabled rows', () => {
    const rows = [
      { name: 'q', value: 'a b', enabled: true },
      { name: 'off', value: 'x', enabled: false },
    ];
    expect(urlForRows('http://h/p?old=1#f', rows)).toBe('http://h/p?q=a%20b#f');
    expect(rowsForUrl(urlForRows('http://h/p', rows), rows)).toEqual(rows);
  });
});
