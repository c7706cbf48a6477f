import { describe, expect, it } from 'vitest';
import { draftToRequest, emptyDraft, methodHasBody, normalizeUrl, type Draft } from './draft.js';

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
    expect(draftToRequest(draft({ method: 'GE T' })).ok).toBe(false);
    expect(draftToRequest(draft({}, { timeoutS: 'abc' })).ok).toBe(false);
    expect(draftToRequest(draft({}, { timeoutS: '-1' })).ok).toBe(false);
  });

});

describe('URL and method helpers', () => {
  it('adds http:// to a URL without a scheme', () => {
    expect(normalizeUrl('example.org/a')).toBe('http://example.org/a');
    expect(normalizeUrl('https://example.org')).toBe('https://example.org');
    expect(methodHasBody('head')).toBe(false);
    expect(methodHasBody('DELETE')).toBe(true);
  });
});
