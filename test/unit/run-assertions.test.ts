// The runner's assertions on a response, without a network: each kind passing and failing
// with expected and actual, the JSON body bound (not read at all past it), and a JSON path
// that would evaluate script refused rather than run (a workspace may come from anyone).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AssertionSchema, type Assertion } from '../../contract/assertions.js';
import { checkAssertions, MAX_JSON_BYTES, type ResponseFacts } from '../../core/run/assertions.js';

const facts = (body: unknown, over: Partial<ResponseFacts> = {}): ResponseFacts => {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return { status: 200, headers: [{ name: 'Set-Cookie', value: 'a=1' }, { name: 'set-cookie', value: 'b=2' }], timeMs: 12.4, bodyBytes: bytes.length, readBody: async () => bytes, ...over };
};
const check = async (a: Assertion, f: ResponseFacts) => (await checkAssertions([AssertionSchema.parse(a)], f))[0]!;

test('status equals / is one of', async () => {
  assert.equal((await check({ kind: 'status', equals: 200 }, facts({}))).passed, true);
  assert.deepEqual(await check({ kind: 'status', oneOf: [201, 204] }, facts({})), { kind: 'status', description: 'status is one of 201, 204', passed: false, expected: '201, 204', actual: '200' });
  assert.throws(() => AssertionSchema.parse({ kind: 'status', equals: 200, oneOf: [200] }), /either equals or oneOf/);
});

test('a header by any case of its name; equals passes when one of its repeats has the value', async () => {
  assert.equal((await check({ kind: 'header', name: 'SET-COOKIE', equals: 'b=2' }, facts({}))).passed, true);
  assert.deepEqual(await check({ kind: 'header', name: 'set-cookie', equals: 'c=3' }, facts({})), { kind: 'header', description: 'header set-cookie equals "c=3"', passed: false, expected: '"c=3"', actual: '"a=1", "b=2"' });
  assert.equal((await check({ kind: 'header', name: 'X-None' }, facts({}))).actual, 'absent');
});

test('JSON path exists / equals (deep), no match, not JSON', async () => {
  const body = { items: [{ id: 1, tags: ['a'] }, { id: 2 }] };
  assert.equal((await check({ kind: 'jsonPath', path: '$.items[1].id' }, facts(body))).passed, true);
  assert.equal((await check({ kind: 'jsonPath', path: '$.items[0]', equals: { id: 1, tags: ['a'] } }, facts(body))).passed, true);
  assert.equal((await check({ kind: 'jsonPath', path: '$.items[0]', equals: { id: 1 } }, facts(body))).passed, false);
  assert.equal((await check({ kind: 'jsonPath', path: '$.nope' }, facts(body))).actual, 'no match');
  assert.match((await check({ kind: 'jsonPath', path: '$.a' }, facts('<html>'))).actual, /^the body is not JSON/);
  // A body that cannot be read (the app's stored copy evicted) says so, not "not JSON".
  const gone = facts({}, { readBody: () => Promise.reject(new Error('its stored copy is gone')) });
  assert.equal((await check({ kind: 'jsonPath', path: '$.a' }, gone)).actual, 'the body cannot be read: its stored copy is gone');
});

test('a body over the bound is not read: its JSON assertions fail saying so', async () => {
  let read = false;
  const r = await check({ kind: 'jsonPath', path: '$.a' }, facts({}, { bodyBytes: MAX_JSON_BYTES + 1, readBody: async () => ((read = true), Buffer.from('{}')) }));
  assert.equal(r.passed, false);
  assert.match(r.actual, /over the 16 MiB a JSON path is checked in/);
  assert.equal(read, false);
});

test('probe: a JSON path with a script expression is refused, never evaluated', async () => {
  const marker = '__inetscopeProbe';
  const path = `$[?(globalThis.${marker} = 1)]`;
  const r = await check({ kind: 'jsonPath', path }, facts({ a: 1 }));
  assert.equal(r.passed, false);
  assert.match(r.actual, /^the path cannot be evaluated: /);
  assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
});

test('time below N ms', async () => {
  assert.equal((await check({ kind: 'time', belowMs: 13 }, facts({}))).passed, true);
  assert.deepEqual(await check({ kind: 'time', belowMs: 12 }, facts({})), { kind: 'time', description: 'time below 12 ms', passed: false, expected: '< 12 ms', actual: '12 ms' });
});
