import { describe, expect, it } from 'vitest';
import { draftToRequest, emptyDraft, methodHasBody, urlFieldProblem, type Draft } from './draft.js';

const draft = (patch: Partial<Draft> = {}, options: Partial<Draft['options']> = {}): Draft => {
  const d = emptyDraft();
  return { ...d, url: 'http://127.0.0.1:8080/x', ...patch, options: { ...d.options, ...options } };
};

describe('draftToRequest', () => {
  it('converts a plain GET with defaults', () => {
    const r = draftToRequest(draft());
    expect(r).toEqual({
      ok: true,
      request: {
        url: 'http://127.0.0.1:8080/x',
        method: 'GET',
        headers: [],
        body: { kind: 'none' },
        engine: 'auto',
        followRedirects: true,
        maxRedirects: 20,
        timeouts: {},
        insecure: false,
      },
    });
  });

  it('keeps named header rows with their enabled flag, drops empty names', () => {
    const r = draftToRequest(
      draft({
        headers: [
          { name: ' Accept ', value: 'text/plain', enabled: true },
          { name: 'X-Off', value: '1', enabled: false },
          { name: '  ', value: 'ignored', enabled: true },
        ],
      }),
    );
    expect(r.ok && r.request.headers).toEqual([
      { name: 'Accept', value: 'text/plain', enabled: true },
      { name: 'X-Off', value: '1', enabled: false },
    ]);
  });

  it('sends the body text only for methods with a body', () => {
    const post = draftToRequest(draft({ method: 'post', body: 'a=1' }));
    expect(post.ok && [post.request.method, post.request.body]).toEqual(['POST', { kind: 'text', text: 'a=1' }]);
    const get = draftToRequest(draft({ method: 'GET', body: 'a=1' }));
    expect(get.ok && get.request.body).toEqual({ kind: 'none' });
    const custom = draftToRequest(draft({ method: 'PURGE', body: 'x' }));
    expect(custom.ok && [custom.request.method, custom.request.body.kind]).toEqual(['PURGE', 'text']);
  });

  it('maps the options: engine, redirects, insecure, timeout in seconds, proxy', () => {
    const r = draftToRequest(draft({}, { engine: 'curl', followRedirects: false, insecure: true, timeoutS: '2.5', proxy: ' 127.0.0.1:3128 ' }));
    expect(r.ok && r.request).toMatchObject({
      engine: 'curl',
      followRedirects: false,
      insecure: true,
      timeouts: { totalMs: 2500 },
      proxy: '127.0.0.1:3128',
    });
  });

  it('names what is wrong', () => {
    expect(draftToRequest(draft({ url: '  ' }))).toEqual({ ok: false, message: 'Enter a URL.' });
    expect(draftToRequest(draft({ url: 'htp//foo bar' }))).toEqual({ ok: false, message: '"htp//" is not a scheme: a scheme ends in "://" (e.g. http://).' });
    expect(draftToRequest(draft({ url: 'http://exa mple.com/' }))).toMatchObject({ message: 'The host "exa mple.com" contains a space.' });
    expect(draftToRequest(draft({ method: 'GE T' })).ok).toBe(false);
    expect(draftToRequest(draft({}, { timeoutS: 'abc' })).ok).toBe(false);
    expect(draftToRequest(draft({}, { timeoutS: '-1' })).ok).toBe(false);
  });

});

describe('URL and method helpers', () => {
  it('adds http:// to a URL without a scheme', () => {
    expect(draftToRequest(draft({ url: 'example.org/a' }))).toMatchObject({ ok: true, request: { url: 'http://example.org/a' } });
    expect(draftToRequest(draft({ url: ' https://example.org ' }))).toMatchObject({ ok: true, request: { url: 'https://example.org' } });
    expect(urlFieldProblem('')).toBeUndefined();
    expect(urlFieldProblem('example.org:99999')).toBe('The port 99999 is out of range (1–65535).');
    expect(methodHasBody('head')).toBe(false);
    expect(methodHasBody('DELETE')).toBe(true);
  });
});

describe('the proxy settings', () => {
  it('maps the proxy settings: the no-proxy list, and credentials only with a user', () => {
    const r = draftToRequest(draft({}, { proxy: 'p:3128', noProxy: ' a.test, .b.test ', proxyUser: ' u ', proxyPassword: 'p w', proxyScheme: 'digest' }));
    expect(r.ok && r.request).toMatchObject({ noProxy: 'a.test, .b.test', proxyAuth: { user: 'u', password: 'p w', scheme: 'digest' } });
    const none = draftToRequest(draft({}, { noProxy: ' ', proxyUser: '', proxyPassword: 'left over' }));
    expect(none.ok && [none.request.noProxy, none.request.proxyAuth]).toEqual([undefined, undefined]);
    const basic = draftToRequest(draft({}, { proxyUser: 'u' }));
    expect(basic.ok && basic.request.proxyAuth).toEqual({ user: 'u', password: '', scheme: 'basic' });
  });
});
