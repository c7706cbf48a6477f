import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadRequestSpec, parseRequestSpec } from '../../engine/request-spec.js';

const bad = (input: object, kind: string, message: RegExp) =>
  assert.throws(() => parseRequestSpec(input), (e: unknown) => e instanceof BadRequestSpec && e.kind === kind && message.test(e.message));

describe('request spec validation', () => {
  it('fills defaults', () => {
    const s = parseRequestSpec({ url: 'http://127.0.0.1/' });
    assert.equal(s.method, 'GET');
    assert.deepEqual(s.sink, { kind: 'discard' });
    assert.equal(s.followRedirects, false);
  });

  it('names what is wrong', () => {
    bad({ url: 'http//x' }, 'BAD_URL', /not valid/);
    bad({ url: 'file:///etc/passwd' }, 'UNSUPPORTED_SCHEME', /"file" is not supported/);
    bad({ url: 'http://h/', method: 'GET\nX' }, 'BAD_REQUEST', /CR or LF/);
    bad({ url: 'http://h/', method: '' }, 'BAD_REQUEST', /empty/);
    bad({ url: 'http://h/', headers: [['A', 'b\r\nC: d']] }, 'BAD_REQUEST', /"A" contains CR, LF or NUL/);
    bad({ url: 'http://h/', headers: [['A B', 'c']] }, 'BAD_REQUEST', /not a valid HTTP token/);
    bad({ url: 'http://h/', timeouts: { totalMs: -1 } }, 'BAD_REQUEST', /timeouts\.totalMs/);
  });

  it('accepts custom methods', () => {
    assert.equal(parseRequestSpec({ url: 'https://h/', method: 'PURGE' }).method, 'PURGE');
  });
});
