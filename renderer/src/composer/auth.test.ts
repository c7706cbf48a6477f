// The Auth tab's schemes on their way into the request and back.
import { describe, expect, it } from 'vitest';
import { draftToRequest, emptyDraft } from './draft.js';
import { requestToDraft } from '../interop/request-to-draft.js';

describe('auth schemes the engine negotiates', () => {
  it('Digest (with {{variables}}) goes as the request auth, no header', () => {
    const d = { ...emptyDraft(), url: 'http://h/', auth: { kind: 'digest' as const, user: 'alice', password: '{{pw}}' } };
    const r = draftToRequest(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.auth).toEqual({ kind: 'digest', user: 'alice', password: '{{pw}}' });
    expect(r.request.headers.some((h) => h.name.toLowerCase() === 'authorization')).toBe(false);
    expect(requestToDraft(r.request).auth).toEqual({ kind: 'digest', user: 'alice', password: '{{pw}}' });
  });

  it('Basic stays the header it was', () => {
    const r = draftToRequest({ ...emptyDraft(), url: 'http://h/', auth: { kind: 'basic', user: 'a', password: 'b' } });
    expect(r.ok && r.request.auth).toBe(undefined);
    expect(r.ok && r.request.headers.find((h) => h.name === 'Authorization')?.value).toBe('Basic YTpi');
  });
});
