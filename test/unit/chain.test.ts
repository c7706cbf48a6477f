// Chained variables' pure parts: a value out of a response (status, header, JSONPath with
// script evaluation off), the NEEDS_RESPONSE message and its request read back, resolution
// through a chain lookup (nested in another value), the dry pass that names the chains a
// request reaches, and the composer's preview of a chained variable.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChainFrom, VariableLayer } from '../../contract/variables.js';
import { describeChain, needsResponseMessage, needsResponseRequest } from '../../domain/chain.js';
import { resolveRequest, variablePreviewer } from '../../domain/variables.js';
import { chainsUsed } from '../../core/chain/chain-values.js';
import { extractChained, MAX_CHAIN_BODY_BYTES, type ChainResponse } from '../../core/chain/extract.js';
import { RequestDraftSchema } from '../../contract/request.js';

const response = (body: string, more: Partial<ChainResponse> = {}): ChainResponse => ({
  status: 200,
  headers: [{ name: 'X-Token', value: 't-1' }, { name: 'x-token', value: 't-2' }],
  bodyBytes: Buffer.byteLength(body),
  readBody: () => Promise.resolve(Buffer.from(body)),
  ...more,
});
const body = (path: string): ChainFrom => ({ request: 'auth/Login', source: 'body', path });
const JSON_BODY = JSON.stringify({ token: 'abc', n: 42, ok: true, user: { id: 7 }, list: [{ v: 'first' }, { v: 'second' }], nil: null });

describe('extractChained', () => {
  it('a string as is; a number, a boolean, null and an object as their JSON; the first of several matches', async () => {
    const r = response(JSON_BODY);
    assert.deepEqual(await extractChained('t', body('$.token'), r), { value: 'abc' });
    assert.deepEqual(await extractChained('t', body('$.n'), r), { value: '42' });
    assert.deepEqual(await extractChained('t', body('$.ok'), r), { value: 'true' });
    assert.deepEqual(await extractChained('t', body('$.nil'), r), { value: 'null' });
    assert.deepEqual(await extractChained('t', body('$.user'), r), { value: '{"id":7}' });
    assert.deepEqual(await extractChained('t', body('$.list[*].v'), r), { value: 'first' });
  });

  it('the status, and a header by name whatever its case (the first of that name)', async () => {
    assert.deepEqual(await extractChained('s', { request: 'r', source: 'status' }, response('', { status: 204 })), { value: '204' });
    assert.deepEqual(await extractChained('h', { request: 'r', source: 'header', path: 'X-TOKEN' }, response('')), { value: 't-1' });
  });

  it('no match, an absent header, no status, a non-JSON body and a body over the bound: CHAIN_FAILED naming the variable, the request and the path', async () => {
    const failed = async (from: ChainFrom, r: ChainResponse, why: RegExp) => {
      const v = await extractChained('tok', from, r);
      assert.ok('code' in v && v.code === 'CHAIN_FAILED', JSON.stringify(v));
      assert.match(v.message, /^\{\{tok\}\} takes its value from .* of the latest response of "(auth\/Login|r)", but /);
      assert.match(v.message, why);
    };
    await failed(body('$.missing'), response(JSON_BODY), /JSON path \$\.missing .* matches nothing/);
    await failed({ request: 'r', source: 'header', path: 'X-None' }, response(''), /header X-None .* no such header/);
    await failed({ request: 'r', source: 'status' }, response('', { status: undefined }), /has no status/);
    await failed(body('$.a'), response('<html>'), /its body is not JSON/);
    let read = false;
    const big = response('', { bodyBytes: MAX_CHAIN_BODY_BYTES + 1, readBody: () => ((read = true), Promise.resolve(Buffer.alloc(0))) });
    await failed(body('$'), big, new RegExp(`its body is ${MAX_CHAIN_BODY_BYTES + 1} bytes, over the 10 MiB`));
    assert.equal(read, false, 'a body over the bound is not read');
  });

  it('a script in a path is never run (eval off): refused, not evaluated', async () => {
    const g = globalThis as { chainPwned?: boolean };
    const v = await extractChained('t', body('$.list[?(globalThis.chainPwned = true)]'), response(JSON_BODY));
    assert.ok('code' in v && v.code === 'CHAIN_FAILED');
    assert.equal(g.chainPwned, undefined);
  });
});

describe('NEEDS_RESPONSE message', () => {
  it('names the variable and the request, and the request reads back out of it (quotes and all)', () => {
    const m = needsResponseMessage('token', 'auth/Log "in".yaml');
    assert.equal(m, '{{token}} takes its value from the response of "auth/Log \\"in\\".yaml", which has not been sent yet: send it first');
    assert.equal(needsResponseRequest(`Not sent: ${m}, used in headers[0].value; other.`), 'auth/Log "in".yaml');
    assert.equal(needsResponseRequest('{{x}} is not defined'), undefined);
  });

  it('describeChain says what a chain reads', () => {
    assert.equal(describeChain(body('$.token')), 'auth/Login: $.token');
    assert.equal(describeChain({ request: 'a', source: 'header', path: 'X-Id' }), 'a: header X-Id');
    assert.equal(describeChain({ request: 'a', source: 'status' }), 'a: status');
  });
});

describe('resolution with chains', () => {
  const layers: VariableLayer[] = [
    {
      kind: 'workspace',
      label: 'ws',
      variables: [
        { name: 'auth', value: 'Bearer {{token}}', secret: false, enabled: true },
        { name: 'token', value: '', secret: false, enabled: true, from: body('$.token') },
        { name: 'unused', value: '', secret: false, enabled: true, from: body('$.other') },
      ],
    },
  ];
  const request = RequestDraftSchema.parse({ url: 'http://h/', headers: [{ name: 'Authorization', value: '{{auth}}' }] });

  it('a chained value reached through another value resolves from the lookup; used names its scope', () => {
    const r = resolveRequest(request, layers, {}, (name) => (name === 'token' ? { value: 'abc' } : { code: 'CHAIN_FAILED', message: 'no' }));
    assert.ok(r.ok);
    assert.equal(r.request.headers[0]!.value, 'Bearer abc');
    assert.deepEqual(r.used.map((u) => u.name).sort(), ['auth', 'token']);
  });

  it('without a lookup it is NEEDS_RESPONSE; the dry pass names only the chains the request reaches', () => {
    const r = resolveRequest(request, layers, {});
    assert.ok(!r.ok);
    assert.equal(r.problems[0]!.code, 'NEEDS_RESPONSE');
    assert.match(r.problems[0]!.message, /\{\{token\}\} takes its value from the response of "auth\/Login".*, used in headers\[0\]\.value/);
    assert.deepEqual(chainsUsed(request, layers), [{ name: 'token', from: body('$.token') }]);
  });

  it('the preview of a chained variable says where it comes from; a value using one shows it in place', () => {
    const preview = variablePreviewer(layers);
    const token = preview('token');
    assert.ok(token.ok);
    assert.deepEqual(token.from, body('$.token'));
    const auth = preview('auth');
    assert.ok(auth.ok);
    assert.equal(auth.value, 'Bearer ‹auth/Login: $.token›');
  });
});
