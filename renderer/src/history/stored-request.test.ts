import { describe, expect, it } from 'vitest';
import { RequestDraftSchema, type RequestDraft } from '../../../contract/request.js';
import { draftToRequest } from '../composer/draft.js';
import { storedRequestToDraft } from './stored-request.js';

// As the composer sends it: its redirect settings always stated (COMPOSER_DEFAULTS).
const req = (patch: Partial<RequestDraft> = {}): RequestDraft =>
  RequestDraftSchema.parse({ url: 'http://127.0.0.1:8080/a?x=1', followRedirects: true, maxRedirects: 20, ...patch });

/** stored request → draft → request. */
function resent(r: RequestDraft) {
  return draftToRequest(storedRequestToDraft(r).draft);
}

describe('storedRequestToDraft', () => {
  it('gives back the request that was sent: headers, text and form bodies, options, carried settings', () => {
    const get = req({ headers: [{ name: 'Accept', value: 'text/plain', enabled: true }], engine: 'curl', timeouts: { connectMs: 1000, totalMs: 2500 }, maxRedirects: 3, proxy: '127.0.0.1:3128' });
    expect(resent(get)).toEqual({ ok: true, request: get });
    const post = req({ method: 'POST', headers: [{ name: 'Content-Type', value: 'application/json', enabled: true }], body: { kind: 'text', text: '{"a":1}' } });
    expect(resent(post)).toEqual({ ok: true, request: post });
    const form = req({ method: 'POST', body: { kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }] } });
    expect(resent(form)).toEqual({ ok: true, request: form });
    expect(storedRequestToDraft(post).notes).toEqual([]);
  });

  it('takes a UTF-8 base64 body (HAR import) as text', () => {
    const b64 = btoa(String.fromCharCode(...new TextEncoder().encode('héllo')));
    const { draft, notes } = storedRequestToDraft(req({ method: 'PUT', body: { kind: 'base64', base64: b64 } }));
    expect([draft.body, draft.bodyDraft.mode, notes]).toEqual(['héllo', 'raw', []]);
  });

  it('names the files to choose again (their upload tokens were used up) and binary data the raw editor cannot hold', () => {
    const file = storedRequestToDraft(req({ method: 'POST', body: { kind: 'file', fileToken: 'used-up' } }));
    expect([file.draft.bodyDraft.mode, file.draft.bodyDraft.binary, file.notes]).toEqual(['binary', undefined, ['Binary body: the file it sent is not kept: choose it again.']]);
    expect(draftToRequest(file.draft)).toEqual({ ok: false, message: 'Choose a file for the binary body.' });

    const binary = storedRequestToDraft(req({ method: 'PUT', body: { kind: 'base64', base64: btoa('\xff\xfe\x00') } }));
    expect([binary.draft.bodyDraft.mode, binary.draft.body]).toEqual(['binary', '']);
    expect(binary.notes[0]).toMatch(/binary data/);

    const multi = storedRequestToDraft(
      req({
        method: 'POST',
        body: { kind: 'multipart', parts: [{ kind: 'text', name: 'note', value: 'hi' }, { kind: 'file', name: 'upload', fileToken: 't', filename: 'a.bin' }] },
      }),
    );
    expect(multi.draft.bodyDraft.multipart.map((r) => [r.kind, r.name, r.file])).toEqual([
      ['text', 'note', undefined],
      ['file', 'upload', undefined],
    ]);
    expect(multi.notes).toEqual(['Part "upload" (a.bin): the file it sent is not kept: choose it again.']);
    expect(draftToRequest(multi.draft)).toEqual({ ok: false, message: 'Choose a file for the part "upload".' });
  });
});
