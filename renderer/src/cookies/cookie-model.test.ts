import { describe, expect, it } from 'vitest';
import type { Cookie } from '../../../contract/cookies.js';
import { cookieOfForm, elide, expiryText, flagsOf, formOf, groupByDomain, hostOfUrl } from './cookie-model.js';

const c = (name: string, domain: string, patch: Partial<Cookie> = {}): Cookie => ({ name, value: `v-${name}`, domain, path: '/', secure: false, httpOnly: false, hostOnly: true, ...patch });

describe('the Cookies view model', () => {
  it('groups per domain in domain order, keeping the order within one, and searches any field', () => {
    const all = [c('b', 'z.example'), c('a', 'a.example'), c('c', 'z.example', { path: '/admin' }), c('d', 'a.example', { value: 'Token-XYZ' })];
    expect(groupByDomain(all).map((g) => [g.domain, g.cookies.map((x) => x.name)])).toEqual([
      ['a.example', ['a', 'd']],
      ['z.example', ['b', 'c']],
    ]);
    expect(groupByDomain(all, 'token').map((g) => g.cookies.map((x) => x.name))).toEqual([['d']]);
    expect(groupByDomain(all, ' /ADMIN ').map((g) => g.domain)).toEqual(['z.example']);
    expect(groupByDomain(all, 'z.ex').flatMap((g) => g.cookies).length).toBe(2);
    expect(groupByDomain(all, 'nothing')).toEqual([]);
  });

  it('elides long values in the middle, says session or the expiry, lists flags', () => {
    expect(elide('short')).toBe('short');
    const long = 'a'.repeat(30) + 'MIDDLE' + 'b'.repeat(30);
    const shown = elide(long);
    expect(shown.length).toBe(40);
    expect(shown.startsWith('aaaa') && shown.endsWith('bbbb') && shown.includes('…')).toBe(true);
    expect(expiryText(undefined)).toBe('session');
    expect(expiryText(new Date(2031, 0, 2, 3, 4).getTime())).toBe('2031-01-02 03:04');
    expect(flagsOf({ secure: true, httpOnly: true, hostOnly: false, sameSite: 'lax' })).toEqual(['Secure', 'HttpOnly', 'SameSite=Lax']);
    expect(flagsOf({ secure: false, httpOnly: false, hostOnly: true })).toEqual(['host-only']);
  });

  it('a form round-trips a cookie, keeping its expiry to the millisecond unless edited', () => {
    const expires = new Date(2031, 5, 7, 8, 9, 10, 123).getTime();
    const cookie = c('sid', 'example.org', { expires, secure: true, sameSite: 'strict', hostOnly: false });
    const form = formOf(cookie);
    expect(form.expires).toBe('2031-06-07T08:09');
    expect(cookieOfForm(form, expires)).toEqual({ ok: true, cookie });
    const edited = cookieOfForm({ ...form, expires: '2032-01-01T00:00' }, expires);
    expect(edited.ok && edited.cookie.expires).toBe(new Date(2032, 0, 1).getTime());
    const session = cookieOfForm({ ...form, expires: '' });
    expect(session.ok && session.cookie.expires).toBe(undefined);
    expect(formOf(undefined, 'a.example')).toMatchObject({ domain: 'a.example', path: '/', hostOnly: true });
  });

  it('names each wrong field, and tidies a domain as typed', () => {
    const base = formOf(c('ok', 'example.org'));
    const bad = cookieOfForm({ ...base, name: 'a b', value: 'x;y', domain: 'http://x', path: 'nope' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.name).toMatch(/^A cookie name is a token/);
    expect(bad.errors.value).toMatch(/no ';'/);
    expect(bad.errors.domain).toMatch(/lower-case host name/);
    expect(bad.errors.path).toBe('A path starts with /.');
    expect(cookieOfForm({ ...base, name: '' })).toMatchObject({ ok: false, errors: { name: 'A cookie needs a name.' } });
    expect(cookieOfForm({ ...base, domain: ' .Example.ORG ' })).toMatchObject({ ok: true, cookie: { domain: 'example.org' } });
  });

  it("a new cookie is for the active tab's host", () => {
    expect(hostOfUrl('http://Example.org:8080/a?b')).toBe('example.org');
    expect(hostOfUrl('127.0.0.1:9/x')).toBe('127.0.0.1');
    expect(hostOfUrl('')).toBe('');
    expect(hostOfUrl('{{host}}/x')).toBe('');
  });
});
