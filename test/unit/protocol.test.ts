// The core→host and host→core boundaries: one parse each, and an unknown field is an
// error there (strict zod objects), never silently dropped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HostCommandSchema, HostMessageSchema } from '../../engine/protocol.js';
import { BadRequestSpec, parseRequestSpec } from '../../engine/request-spec.js';

describe('boundary parses are strict', () => {
  it('a request spec with an unknown field, at any depth, is refused', () => {
    assert.equal(parseRequestSpec({ url: 'http://127.0.0.1/' }).method, 'GET');
    for (const input of [
      { url: 'http://127.0.0.1/', folowRedirects: true },
      { url: 'http://127.0.0.1/', sink: { kind: 'discard', path: '/tmp/x' } },
      { url: 'http://127.0.0.1/', timeouts: { totalMS: 5 } },
      { url: 'http://127.0.0.1/', body: { kind: 'memory', base64: '', size: 0 } },
    ]) {
      assert.throws(() => parseRequestSpec(input), (e: unknown) => e instanceof BadRequestSpec && /unrecognized key/i.test(e.message), JSON.stringify(input));
    }
  });

  it('the host refuses a command with an unknown field', () => {
    assert.equal(HostCommandSchema.safeParse({ type: 'cancel', id: 'a' }).success, true);
    assert.equal(HostCommandSchema.safeParse({ type: 'cancel', id: 'a', force: true }).success, false);
    assert.equal(HostCommandSchema.safeParse({ type: 'send', id: 'a', spec: { url: 'http://127.0.0.1/', extra: 1 } }).success, false);
  });

  it('the connection refuses a host message or event with an unknown field', () => {
    const body = { type: 'body', id: 'a', seq: 1, hop: 0, t: 1, bytes: 10 };
    assert.equal(HostMessageSchema.safeParse(body).success, true);
    assert.equal(HostMessageSchema.safeParse({ ...body, secret: 'x' }).success, false);
    assert.equal(HostMessageSchema.safeParse({ type: 'stats', rss: 1, maxRss: 2, extra: 0 }).success, false);
  });
});
