import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RequestDraftSchema } from '../../contract/request.js';
import { draftToHarRequest } from '../../domain/har/request.js';

const draft = (d: object) => RequestDraftSchema.parse({ url: 'https://h.example/p?q=a+b&x=%C3%A9&x=2', ...d });

describe('draft → HAR 1.2 request', () => {
  it('a GET: decoded query, cookies split, disabled headers left out, sizes', () => {
    const r = draftToHarRequest(
      draft({ headers: [{ name: 'Cookie', value: 'a=1; b=two=2' }, { name: 'X-Off', value: '1', enabled: false }, { name: 'Accept', value: '*/*' }] }),
    );
    assert.deepEqual(r, {
      method: 'GET',
      url: 'https://h.example/p?q=a+b&x=%C3%A9&x=2',
      httpVersion: 'HTTP/1.1',
      cookies: [{ name: 'a', value: '1' }, { name: 'b', value: 'two=2' }],
      headers: [{ name: 'Cookie', value: 'a=1; b=two=2' }, { name: 'Accept', value: '*/*' }],
      queryString: [{ name: 'q', value: 'a b' }, { name: 'x', value: 'é' }, { name: 'x', value: '2' }],
      headersSize: -1,
      bodySize: 0,
    });
  });

  it('the version asked for is the HAR httpVersion (h2c as HTTP/2)', () => {
    assert.equal(draftToHarRequest(draft({ httpVersion: '1.0' })).httpVersion, 'HTTP/1.0');
    assert.equal(draftToHarRequest(draft({ httpVersion: '2-prior-knowledge' })).httpVersion, 'HTTP/2');
    assert.equal(draftToHarRequest(draft({ httpVersion: '3' }), { httpVersion: 'HTTP/1.1' }).httpVersion, 'HTTP/1.1');
  });

  it('a text body takes the Content-Type header as its mimeType; bodySize in UTF-8 bytes', () => {
    const r = draftToHarRequest(draft({ method: 'POST', headers: [{ name: 'content-type', value: 'application/json' }], body: { kind: 'text', text: '{"é":1}' } }));
    assert.deepEqual(r.postData, { mimeType: 'application/json', text: '{"é":1}' });
    assert.equal(r.bodySize, 8);
  });

  it('form and multipart: params, and the type the core adds', () => {
    const form = draftToHarRequest(draft({ method: 'POST', body: { kind: 'form', fields: [{ name: 'a b', value: 'c&d' }, { name: 'off', value: '1', enabled: false }] } }));
    assert.deepEqual(form.headers, [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }]);
    assert.deepEqual(form.postData, { mimeType: 'application/x-www-form-urlencoded', text: 'a+b=c%26d', params: [{ name: 'a b', value: 'c&d' }] });
    const mp = draftToHarRequest(
      draft({ method: 'POST', body: { kind: 'multipart', parts: [{ kind: 'text', name: 't', value: 'v' }, { kind: 'file', name: 'f', fileToken: 'tok', filename: 'a.png', contentType: 'image/png' }] } }),
    );
    assert.equal(mp.postData?.mimeType, 'multipart/form-data');
    assert.deepEqual(mp.postData?.params, [{ name: 't', value: 'v' }, { name: 'f', fileName: 'a.png', contentType: 'image/png' }]);
    assert.equal(mp.bodySize, -1);
  });

  it('a file body has no bytes here; base64 bodies are decoded', () => {
    const f = draftToHarRequest(draft({ method: 'PUT', body: { kind: 'file', fileToken: 'tok' } }));
    assert.equal(f.postData?.mimeType, 'application/octet-stream');
    assert.equal(f.postData?.text, '');
    assert.equal(f.bodySize, -1);
    const b = draftToHarRequest(draft({ method: 'PUT', body: { kind: 'base64', base64: Buffer.from('hé').toString('base64') } }));
    assert.equal(b.postData?.text, 'hé');
    assert.equal(b.bodySize, 3);
  });
});
