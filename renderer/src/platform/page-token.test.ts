import { describe, expect, it } from 'vitest';
import { takePageToken, type TokenWindow } from './page-token.js';

function fakeWindow(search: string, stored: Record<string, string> = {}) {
  const calls: string[] = [];
  const w: TokenWindow = {
    location: { pathname: '/', search, hash: '#x' },
    history: { state: { s: 1 }, replaceState: (_d, _u, url) => void calls.push(url) },
    sessionStorage: { getItem: (k) => stored[k] ?? null, setItem: (k, v) => void (stored[k] = v) },
  };
  return { w, calls, stored };
}

describe('page token', () => {
  it('takes the token out of the address bar and keeps it for reloads', () => {
    const { w, calls, stored } = fakeWindow('?a=1&token=abc');
    expect(takePageToken(w)).toBe('abc');
    expect(calls).toEqual(['/?a=1#x']);
    expect(stored['inetscope-token']).toBe('abc');
  });

  it('a reload (no token in the URL) uses the stored one and leaves the URL alone', () => {
    const { w, calls } = fakeWindow('', { 'inetscope-token': 'abc' });
    expect(takePageToken(w)).toBe('abc');
    expect(calls).toEqual([]);
  });

  it('a new URL token replaces a stored one (a new server run)', () => {
    const { w, stored } = fakeWindow('?token=new', { 'inetscope-token': 'old' });
    expect(takePageToken(w)).toBe('new');
    expect(stored['inetscope-token']).toBe('new');
  });
});
