// The resolver (domain/variables.ts) and the secret masking (domain/secret-mask.ts): scopes
// and overrides, every field kind, undefined names with where they are used, nested values,
// cycles, the bounds, built-ins, the composer's spans, and masking as a property.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RequestDraftSchema, type RequestDraft } from '../../contract/request.js';
import type { VariableLayer } from '../../contract/variables.js';
import { maskSecrets, maskStrings } from '../../domain/secret-mask.js';
import { findVariables, MAX_NESTING, MAX_RESOLVED_CHARS, resolveRequest, type ResolveProblem } from '../../domain/variables.js';

const draft = (d: Partial<RequestDraft> & { url: string }): RequestDraft => RequestDraftSchema.parse(d);
const layer = (kind: VariableLayer['kind'], label: string, vars: Record<string, string>, secret: string[] = []): VariableLayer => ({
  kind,
  label,
  variables: Object.entries(vars).map(([name, value]) => ({ name, value, secret: secret.includes(name), enabled: true })),
});

function resolved(d: RequestDraft, layers: VariableLayer[]) {
  const r = resolveRequest(d, layers);
  if (!r.ok) assert.fail(`expected it to resolve: ${r.problems.map((p) => p.message).join('; ')}`);
  return r;
}
function problems(d: RequestDraft, layers: VariableLayer[]): ResolveProblem[] {
  const r = resolveRequest(d, layers);
  assert.equal(r.ok, false, 'expected problems');
  return r.ok ? [] : r.problems;
}

describe('findVariables', () => {
  it('finds each {{name}} with its span, spaces inside the braces allowed', () => {
    const text = 'http://{{host}}:{{ port }}/a/{{$guid}}?x={{a.b-c_1}}';
    const spans = findVariables(text);
    assert.deepEqual(
      spans.map((s) => s.name),
      ['host', 'port', '$guid', 'a.b-c_1'],
    );
    for (const s of spans) assert.match(text.slice(s.start, s.end), /^\{\{ ?[$\w.-]+ ?\}\}$/);
    assert.deepEqual(spans[1], { start: 16, end: 26, name: 'port' });
  });
  it('leaves {{ without a name and }} literal', () => {
    for (const t of ['{{', '{{}}', '{{ }}', '{{1a}}', '{{a b}}', '{{a}', '{a}}', '{{a-}x}}', '{{$}}', '{{$$a}}']) assert.deepEqual(findVariables(t), [], t);
  });
  it('finds a reference after extra braces ({{{a}}} holds {{a}})', () => {
    assert.deepEqual(findVariables('{{{a}}}'), [{ start: 1, end: 6, name: 'a' }]);
    assert.deepEqual(findVariables('{{{{ {{b}}'), [{ start: 5, end: 10, name: 'b' }]);
  });
  it('scans hostile input in linear time (a bound that only catches a hang)', () => {
    const n = 2_000_000;
    const started = Date.now();
    for (const t of ['{'.repeat(n), '{{ '.repeat(n / 3), `{{${' '.repeat(n)}`, '{{a'.repeat(n / 3), `{{${'a'.repeat(n)} `]) assert.deepEqual(findVariables(t), []);
    assert.ok(Date.now() - started < 20_000, 'scanning took far too long');
  });
});

describe('resolveRequest: scopes', () => {
  it('a later layer overrides an earlier one; used names the scope the value came from', () => {
    const layers = [
      layer('workspace', 'Shop', { host: 'ws.example', path: 'p' }),
      layer('folder', 'api', { host: 'folder.example' }),
      layer('environment', 'dev', { host: 'dev.example' }),
      layer('run', 'overrides', {}),
    ];
    const r = resolved(draft({ url: 'http://{{host}}/{{path}}' }), layers);
    assert.equal(r.request.url, 'http://dev.example/p');
    assert.deepEqual(r.used, [
      { name: 'host', scope: { kind: 'environment', label: 'dev' }, secret: false },
      { name: 'path', scope: { kind: 'workspace', label: 'Shop' }, secret: false },
    ]);
    assert.deepEqual(r.secrets, []);
  });
  it('a disabled variable does not define its name; the outer one shows through', () => {
    const env = layer('environment', 'dev', { host: 'dev' });
    env.variables[0]!.enabled = false;
    assert.equal(resolved(draft({ url: 'http://{{host}}/' }), [layer('workspace', 'w', { host: 'outer' }), env]).request.url, 'http://outer/');
  });
  it('a nested value resolves in the whole chain (an inner scope overrides what the outer value names)', () => {
    const layers = [layer('workspace', 'w', { base: 'http://{{host}}:{{port}}', port: '80' }), layer('environment', 'e', { host: 'h', port: '8080' })];
    assert.equal(resolved(draft({ url: '{{base}}/x' }), layers).request.url, 'http://h:8080/x');
  });
  it('a secret is reported with its resolved value (for masking), nested ones too', () => {
    const layers = [layer('environment', 'e', { token: 't-{{part}}', part: 'xyz', auth: 'Bearer {{token}}' }, ['token'])];
    const r = resolved(draft({ url: 'http://h/', headers: [{ name: 'Authorization', value: '{{auth}}', enabled: true }] }), layers);
    assert.equal(r.request.headers[0]!.value, 'Bearer t-xyz');
    assert.deepEqual(r.secrets, [{ name: 'token', value: 't-xyz' }]);
    assert.equal(r.used.find((u) => u.name === 'token')?.secret, true);
  });
});

describe('resolveRequest: every field kind', () => {
  const L = [layer('workspace', 'w', { v: 'V' })];
  it('url, header names and values, text body, proxy and CA file name', () => {
    const r = resolved(
      draft({ url: 'http://h/{{v}}', headers: [{ name: 'X-{{v}}', value: 'a{{ v }}b', enabled: true }], body: { kind: 'text', text: '{"k":"{{v}}"}' }, proxy: '{{v}}:3128', caFileName: 'ca-{{v}}.pem' }),
      L,
    );
    assert.deepEqual([r.request.url, r.request.headers[0]!.name, r.request.headers[0]!.value, r.request.proxy, r.request.caFileName], ['http://h/V', 'X-V', 'aVb', 'V:3128', 'ca-V.pem']);
    assert.deepEqual(r.request.body, { kind: 'text', text: '{"k":"V"}' });
  });
  it('form fields; multipart text parts and file part names and filenames', () => {
    const form = resolved(draft({ url: 'http://h/', body: { kind: 'form', fields: [{ name: 'n{{v}}', value: '{{v}}', enabled: true }] } }), L).request.body;
    assert.deepEqual(form, { kind: 'form', fields: [{ name: 'nV', value: 'V', enabled: true }] });
    const parts = resolved(
      draft({ url: 'http://h/', body: { kind: 'multipart', parts: [{ kind: 'text', name: 't{{v}}', value: '{{v}}' }, { kind: 'file', name: 'f{{v}}', fileToken: 'tok{{v}}', filename: '{{v}}.txt' }] } }),
      L,
    ).request.body;
    assert.deepEqual(parts, { kind: 'multipart', parts: [{ kind: 'text', name: 'tV', value: 'V' }, { kind: 'file', name: 'fV', fileToken: 'tok{{v}}', filename: 'V.txt' }] });
  });
  it('disabled headers and form fields are not resolved (they are not sent)', () => {
    const r = resolved(draft({ url: 'http://h/', headers: [{ name: 'X', value: '{{nope}}', enabled: false }], body: { kind: 'form', fields: [{ name: '{{nope}}', value: '', enabled: false }] } }), L);
    assert.equal(r.request.headers[0]!.value, '{{nope}}');
  });
  it('text without a reference is returned as it is', () => {
    const d = draft({ url: 'http://h/{{ not a var }}', body: { kind: 'text', text: 'a {{ b' } });
    assert.deepEqual(resolved(d, []).request, d);
  });
});

describe('resolveRequest: problems', () => {
  it('names every undefined variable with where it is used', () => {
    const ps = problems(
      draft({ url: 'http://{{host}}/', headers: [{ name: 'A', value: 'x', enabled: true }, { name: 'B', value: 'x', enabled: true }, { name: 'C', value: '{{token}}', enabled: true }], body: { kind: 'form', fields: [{ name: 'f', value: '{{host}}', enabled: true }] } }),
      [],
    );
    assert.deepEqual(
      ps.map((p) => [p.code, p.name, p.where]),
      [
        ['UNDEFINED_VARIABLE', 'host', 'url'],
        ['UNDEFINED_VARIABLE', 'token', 'headers[2].value'],
        ['UNDEFINED_VARIABLE', 'host', 'body.fields[0].value'],
      ],
    );
    assert.equal(ps[1]!.message, '{{token}} is not defined, used in headers[2].value');
  });
  it('an undefined name inside a value says which value holds it', () => {
    const [p] = problems(draft({ url: '{{base}}/x' }), [layer('workspace', 'w', { base: 'http://{{host}}' })]);
    assert.deepEqual([p!.name, p!.where, p!.message], ['host', 'url', '{{host}} is not defined (in the value of {{base}}), used in url']);
  });
  it("a name an object's prototype has is undefined like any other", () => {
    assert.deepEqual(problems(draft({ url: 'http://h/{{__proto__}}{{constructor}}{{toString}}' }), []).map((p) => p.name), ['__proto__', 'constructor', 'toString']);
  });
  it('an unknown built-in is undefined', () => {
    assert.match(problems(draft({ url: 'http://h/{{$nope}}' }), [])[0]!.message, /\{\{\$nope\}\} is not a built-in variable/);
  });
  it('a cycle (a→a, a→b→a) is named, not followed', () => {
    const self = problems(draft({ url: 'http://h/{{a}}' }), [layer('workspace', 'w', { a: 'x{{a}}' })]);
    assert.deepEqual(self.map((p) => [p.code, p.message]), [['VARIABLE_CYCLE', 'the variables refer to each other in a cycle: a → a, used in url']]);
    const two = problems(draft({ url: 'http://h/{{a}}', headers: [{ name: 'H', value: '{{b}}', enabled: true }] }), [layer('workspace', 'w', { a: '{{b}}', b: '{{a}}' })]);
    assert.equal(two[0]!.message, 'the variables refer to each other in a cycle: a → b → a, used in url');
    assert.equal(two[1]!.code, 'VARIABLE_CYCLE');
    assert.equal(two[1]!.where, 'headers[0].value');
  });
  it(`nesting deeper than ${MAX_NESTING} is refused`, () => {
    const vars: Record<string, string> = {};
    for (let i = 0; i < MAX_NESTING + 5; i++) vars[`v${i}`] = `{{v${i + 1}}}`;
    vars[`v${MAX_NESTING + 5}`] = 'end';
    const [p] = problems(draft({ url: 'http://h/{{v0}}' }), [layer('workspace', 'w', vars)]);
    assert.equal(p!.code, 'VARIABLE_LIMIT');
    assert.match(p!.message, /nested more than 64 variables deep/);
    vars.v10 = 'end';
    assert.equal(resolved(draft({ url: 'http://h/{{v0}}' }), [layer('workspace', 'w', vars)]).request.url, 'http://h/end');
  });
  it('a doubling chain hits the size bound instead of memory (and each value is resolved once)', () => {
    const vars: Record<string, string> = { d0: 'x'.repeat(1024) };
    for (let i = 1; i <= 40; i++) vars[`d${i}`] = `{{d${i - 1}}}{{d${i - 1}}}`;
    const [p] = problems(draft({ url: 'http://h/{{d40}}' }), [layer('workspace', 'w', vars)]);
    assert.equal(p!.code, 'VARIABLE_LIMIT');
    assert.match(p!.message, /larger than 32 Mi characters/);
    // d13 is 8 Mi; with the values it is built from, 24 Mi are built: under the bound.
    const big = resolved(draft({ url: 'http://h/', body: { kind: 'text', text: '{{d13}}' } }), [layer('workspace', 'w', vars)]).request.body;
    assert.equal(big.kind === 'text' && big.text.length, 8 * 1024 * 1024);
    assert.ok(MAX_RESOLVED_CHARS === 32 * 1024 * 1024);
  });
  it('a chain of empty values doubling 60 times ends quickly (values are memoized)', () => {
    const vars: Record<string, string> = { e0: '' };
    for (let i = 1; i <= 60; i++) vars[`e${i}`] = `{{e${i - 1}}}{{e${i - 1}}}`;
    assert.equal(resolved(draft({ url: 'http://h/{{e60}}' }), [layer('workspace', 'w', vars)]).request.url, 'http://h/');
  });
});

describe('resolveRequest: built-ins', () => {
  it('$guid, $timestamp, $isoTimestamp, $randomInt: each use a fresh value', () => {
    const r = resolved(draft({ url: 'http://h/{{$guid}}/{{$guid}}?t={{$timestamp}}&i={{$isoTimestamp}}&r={{$randomInt}}' }), []);
    const m = /^http:\/\/h\/([0-9a-f-]{36})\/([0-9a-f-]{36})\?t=(\d+)&i=([^&]+)&r=(\d+)$/.exec(r.request.url);
    assert.ok(m, r.request.url);
    assert.notEqual(m[1], m[2]);
    assert.ok(Math.abs(Number(m[3]) - Date.now() / 1000) < 3600);
    assert.ok(!Number.isNaN(Date.parse(m[4]!)));
    assert.ok(Number(m[5]) >= 0 && Number(m[5]) <= 1000);
    assert.deepEqual(r.used, []);
  });
  it('a variable holding a built-in has one value per request (every use agrees)', () => {
    const r = resolved(draft({ url: 'http://h/{{id}}', headers: [{ name: 'X-Id', value: '{{id}}', enabled: true }] }), [layer('workspace', 'w', { id: '{{$guid}}' })]);
    assert.equal(r.request.url, `http://h/${r.request.headers[0]!.value}`);
  });
  it('a literal {{name}} is written through a variable whose value is {{', () => {
    const r = resolved(draft({ url: 'http://h/', body: { kind: 'text', text: '{{lb}}name}}' } }), [layer('workspace', 'w', { lb: '{{' })]);
    assert.deepEqual(r.request.body, { kind: 'text', text: '{{name}}' });
  });
});

describe('maskSecrets', () => {
  const S = (name: string, value: string) => ({ name, value });
  it('replaces each occurrence, repeated ones too, by {{name}}', () => {
    assert.equal(maskSecrets('Bearer abc; again abc.', [S('token', 'abc')]), 'Bearer {{token}}; again {{token}}.');
    assert.equal(maskSecrets('abcabc', [S('t', 'abc')]), '{{t}}{{t}}');
  });
  it('overlapping values merge into one masked region: no part of either is left', () => {
    assert.equal(maskSecrets('xabcdey', [S('one', 'abc'), S('two', 'cde')]), 'x{{one}}{{two}}y');
    assert.equal(maskSecrets('aaaa', [S('a2', 'aa')]), '{{a2}}');
    assert.equal(maskSecrets('secret-token', [S('inner', 'token'), S('outer', 'secret-token')]), '{{outer}}');
  });
  it('masks the percent- and form-encoded forms of a value', () => {
    assert.equal(maskSecrets('http://h/?q=a%20b%26c&f=a+b%26c', [S('s', 'a b&c')]), 'http://h/?q={{s}}&f={{s}}');
  });
  it('an empty value masks nothing; maskStrings walks objects and arrays', () => {
    assert.equal(maskSecrets('abc', [S('e', '')]), 'abc');
    assert.deepEqual(maskStrings({ a: ['x-k', { b: 'k' }], n: 1 }, (t) => maskSecrets(t, [S('K', 'k')])), { a: ['x-{{K}}', { b: '{{K}}' }], n: 1 });
  });
  it('property: the output never holds a secret value, and text without one is unchanged', () => {
    // Values over a,b,c and names in capitals: a name's {{…}} cannot form a value.
    const value = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 6 });
    const secrets = fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[A-Z]{1,4}$/), value }), { minLength: 1, maxLength: 5, selector: (s) => s.name });
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', ' ', '/'), maxLength: 80 });
    fc.assert(
      fc.property(secrets, text, (ss, t) => {
        const out = maskSecrets(t, ss);
        for (const s of ss) assert.ok(!out.includes(s.value), `${JSON.stringify(s.value)} left in ${JSON.stringify(out)} (from ${JSON.stringify(t)})`);
        if (!ss.some((s) => t.includes(s.value))) assert.equal(out, t);
      }),
      { numRuns: 2000 },
    );
  });
  it('property: non-overlapping occurrences come back when the names are replaced by the values', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('x', '/', 'SECRET', 'KEY'), { maxLength: 30 }), (words) => {
        const t = words.join('');
        const out = maskSecrets(t, [S('s', 'SECRET'), S('k', 'KEY')]);
        assert.equal(out.replaceAll('{{s}}', 'SECRET').replaceAll('{{k}}', 'KEY'), t);
      }),
    );
  });
  it('is linear on long repetitive text (a bound that only catches a hang)', () => {
    const started = Date.now();
    const out = maskSecrets('a'.repeat(1_000_000), [S('s', `${'a'.repeat(1000)}b`), S('t', 'a'.repeat(999))]);
    assert.equal(out, '{{t}}');
    assert.ok(Date.now() - started < 20_000);
  });
});
