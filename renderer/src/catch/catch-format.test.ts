import { describe, expect, it } from 'vitest';
import type { CaughtSummary } from '../../../contract/catch.js';
import { draftToRequest } from '../composer/draft.js';
import { catchEventInfo, composeDraft, composeUrl, decodeText } from './catch-format.js';
import { reduceCaught } from './catch-store.js';

const summary: CaughtSummary = {
  id: '6f1c1a34-7a9e-4b0e-9d77-0c1e6c1f6a01',
  connection: 1,
  wallTime: 0,
  remote: '127.0.0.1:5000',
  method: 'POST',
  path: '/hook?x=1',
  httpVersion: '1.1',
  headers: [['Host', '127.0.0.1:8080'], ['Content-Length', '5'], ['X-Sig', 'abc'], ['Content-Type', 'text/plain']],
  state: 'done',
  bodyBytes: 5,
  bodyComplete: true,
};

describe('composeDraft', () => {
  it('keeps method, path, query and headers, drops the engine-owned ones, carries a text body', () => {
    const url = composeUrl(summary, undefined);
    expect(url).toBe('http://127.0.0.1:8080/hook?x=1');
    const d = composeDraft(summary, url, { kind: 'text', text: 'hello' });
    const r = draftToRequest(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.method).toBe('POST');
    expect(r.request.url).toBe(url);
    expect(r.request.headers.map((h) => h.name)).toEqual(['X-Sig', 'Content-Type']);
    expect(r.request.body).toEqual({ kind: 'text', text: 'hello' });
    expect(d.params.map((p) => [p.name, p.value])).toEqual([['x', '1']]);
  });
  it('a large or binary body is sent from the caught file by token', () => {
    const d = composeDraft(summary, 'http://h/x', { kind: 'file', fileToken: 'tok', size: 5, name: 'caught.body' });
    const r = draftToRequest(d);
    expect(r.ok && r.request.body).toEqual({ kind: 'file', fileToken: 'tok' });
  });
  it('no Host header: the catch server URL', () => {
    expect(composeUrl({ ...summary, headers: [] }, 'http://127.0.0.1:9/')).toBe('http://127.0.0.1:9/hook?x=1');
  });
  it('decodeText refuses invalid UTF-8', () => {
    expect(decodeText(new Uint8Array([0x68, 0x69]))).toBe('hi');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x00]))).toBeUndefined();
  });
});

describe('catch events and pushes', () => {
  it('describes events in words', () => {
    expect(catchEventInfo({ id: summary.id, seq: 3, t: 1, type: 'BODY_CHUNK_READ', bytes: 10, total: 30 })).toBe('10 bytes (30 so far)');
    expect(catchEventInfo({ id: summary.id, seq: 4, t: 1, type: 'CLIENT_ABORTED', phase: 'body', bytes: 30 })).toMatch(/went away during the body/);
  });
  it('applies a push: new requests on top, events in order, duplicates dropped', () => {
    const a = { ...summary, id: '6f1c1a34-7a9e-4b0e-9d77-0c1e6c1f6a0a' };
    const b = { ...summary, id: '6f1c1a34-7a9e-4b0e-9d77-0c1e6c1f6a0b' };
    const ev = (id: string, seq: number) => ({ id, seq, t: seq, type: 'CONNECTION_CLOSED' as const, connection: 1 });
    let s = reduceCaught({ order: [], requests: {}, events: {} }, { kind: 'caught', requests: [a, b], events: [ev(a.id, 0), ev(b.id, 0), ev(a.id, 1)] });
    expect(s.order).toEqual([b.id, a.id]);
    s = reduceCaught(s, { kind: 'caught', requests: [{ ...a, state: 'aborted' }], events: [ev(a.id, 1), ev(a.id, 2)] });
    expect(s.order).toEqual([b.id, a.id]);
    expect(s.events[a.id]?.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(s.requests[a.id]?.state).toBe('aborted');
  });
});
