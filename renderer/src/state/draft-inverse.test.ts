import { describe, expect, it } from 'vitest';
import { RequestDraftSchema, type RequestDraft } from '../../../contract/api.js';
import { draftToRequest, emptyDraft, requestToDraft, type Draft } from './draft.js';

const req = (patch: Partial<RequestDraft> & { url?: string } = {}): RequestDraft => RequestDraftSchema.parse({ url: 'http://127.0.0.1:8080/a?x=1&y=two', ...patch });

/** request → draft → request gives the request back. */
function roundTrip(r: RequestDraft): RequestDraft {
  const back = draftToRequest(requestToDraft(r).draft);
  if (!back.ok) throw new Error(back.message);
  return back.request;
}

describe('requestToDraft', () => {
  it('round-trips a GET with headers, options and query parameters', () => {
    const r = req({
      method: 'GET',
      headers: [
        { name: 'Accept', value: 'text/plain', enabled: true },
        { name: 'X-Off', value: '1', enabled: false },
      ],
      engine: 'curl',
      followRedirects: false,
      insecure: true,
      timeouts: { totalMs: 2500 },
      proxy: '127.0.0.1:3128',
    });
    const { draft, notes } = requestToDraft(r);
    expect(notes).toEqual([]);
    expect(draft.params).toEqual([
      { name: 'x', value: '1', enabled: true },
      { name: 'y', value: 'two', enabled: true },
    ]);
    expect(draft.options).toEqual({ engine: 'curl', timeoutS: '2.5', followRedirects: false, insecure: true, proxy: '127.0.0.1:3128' });
    expect(roundTrip(r)).toEqual(r);
  });

  it('round-trips text, form and implied headers (they come back as explicit rows, not doubled)', () => {
    const d: Draft = { ...emptyDraft(), method: 'POST', url: 'http://h/p', body: '{"a":1}', auth: { kind: 'bearer', token: 'tok' } };
    d.bodyDraft = { ...d.bodyDraft, rawType: 'json' };
    const first = draftToRequest(d);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const { draft } = requestToDraft(first.request);
    expect(draft.bodyDraft.rawType).toBe('json');
    expect(draft.body).toBe('{"a":1}');
    expect(draft.auth).toEqual({ kind: 'none' });
    expect(roundTrip(first.request)).toEqual(first.request);

    const form = req({ method: 'POST', body: { kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }, { name: 'b', value: '2', enabled: false }] } });
    expect(requestToDraft(form).draft.bodyDraft.mode).toBe('form');
    expect(roundTrip(form)).toEqual(form);
  });

});

describe('requestToDraft: what the composer cannot hold', () => {
  it('takes a UTF-8 base64 body (HAR import) as text; binary data and file bodies are named as needing a file', () => {
    // btoa takes Latin-1: the UTF-8 bytes' base64.
    const b64 = btoa(String.fromCharCode(...new TextEncoder().encode('héllo')));
    const asText = requestToDraft(req({ method: 'PUT', body: { kind: 'base64', base64: b64 } }));
    expect([asText.draft.body, asText.notes]).toEqual(['héllo', []]);

    const binary = requestToDraft(req({ method: 'PUT', body: { kind: 'base64', base64: btoa('\xff\xfe\x00') } }));
    expect(binary.draft.bodyDraft.mode).toBe('binary');
    expect(binary.notes.join(' ')).toMatch(/binary/);
    const again = draftToRequest(binary.draft);
    expect(again).toEqual({ ok: false, message: 'Choose a file for the binary body.' });

    const file = requestToDraft(req({ method: 'POST', body: { kind: 'file', fileToken: 'used-up' } }));
    expect(file.draft.bodyDraft.binary).toBeUndefined();
    expect(file.notes[0]).toMatch(/choose it again/);
  });

  it('keeps multipart text parts and names the file parts to choose again', () => {
    const r = req({
      method: 'POST',
      body: {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 'note', value: 'hi' },
          { kind: 'file', name: 'upload', fileToken: 't', filename: 'a.bin', contentType: 'application/octet-stream' },
        ],
      },
    });
    const { draft, notes } = requestToDraft(r);
    expect(draft.bodyDraft.multipart).toEqual([
      { kind: 'text', name: 'note', value: 'hi', enabled: true },
      { kind: 'file', name: 'upload', value: 'application/octet-stream', enabled: true },
    ]);
    expect(notes).toEqual(['Part "upload" (a.bin): the file it sent is not kept: choose it again.']);
    expect(draftToRequest(draft)).toEqual({ ok: false, message: 'Choose a file for the part "upload".' });
  });

  it('says what the composer cannot hold: connect/receive timeouts, a non-default redirect limit', () => {
    const { draft, notes } = requestToDraft(req({ timeouts: { connectMs: 1000, totalMs: 5000 }, maxRedirects: 3 }));
    expect(draft.options.timeoutS).toBe('5');
    expect(notes).toHaveLength(2);
    expect(requestToDraft(req({ followRedirects: false, maxRedirects: 3 })).notes).toEqual([]);
  });

  it('gives an empty header row to type into when the request had none, and keeps a custom method', () => {
    const { draft } = requestToDraft(req({ method: 'PURGE' }));
    expect(draft.headers).toEqual([{ name: '', value: '', enabled: true }]);
    expect(draft.method).toBe('PURGE');
  });
});
