// Pure parts of the catch server: Range parsing and rule matching.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CatchRulesSchema } from '../../contract/catch.js';
import { parseRange } from '../../core/catch/range.js';
import { matchRule } from '../../core/catch/rules.js';

describe('parseRange', () => {
  const size = 1000;
  it('single, open-ended and suffix ranges', () => {
    assert.deepEqual(parseRange('bytes=0-99', size), { kind: 'single', start: 0, end: 99 });
    assert.deepEqual(parseRange('bytes=990-5000', size), { kind: 'single', start: 990, end: 999 });
    assert.deepEqual(parseRange('bytes=500-', size), { kind: 'single', start: 500, end: 999 });
    assert.deepEqual(parseRange('bytes=-100', size), { kind: 'single', start: 900, end: 999 });
    assert.deepEqual(parseRange('bytes=-5000', size), { kind: 'single', start: 0, end: 999 });
    assert.deepEqual(parseRange(' Bytes = 1 - 2 ', size), { kind: 'single', start: 1, end: 2 });
  });
  it('unsatisfiable: past the end, an empty suffix, an empty file', () => {
    assert.deepEqual(parseRange('bytes=1000-', size), { kind: 'unsatisfiable' });
    assert.deepEqual(parseRange('bytes=-0', size), { kind: 'unsatisfiable' });
    assert.deepEqual(parseRange('bytes=0-', 0), { kind: 'unsatisfiable' });
  });
  it('ignored (the whole file is sent): several ranges, other units, nonsense', () => {
    assert.equal(parseRange('bytes=0-1,5-6', size).kind, 'ignored');
    assert.equal(parseRange('items=0-1', size).kind, 'ignored');
    assert.equal(parseRange('bytes=5-1', size).kind, 'ignored');
    assert.equal(parseRange('bytes=-', size).kind, 'ignored');
    assert.equal(parseRange('bytes=a-b', size).kind, 'ignored');
    assert.deepEqual(parseRange(undefined, size), { kind: 'none' });
    assert.equal(parseRange('bytes=0000000000000001-2', size).kind, 'ignored');
    assert.equal(parseRange(`bytes=0-${' '.repeat(300)}9`, size).kind, 'ignored');
  });
  it('adversarial headers of 32 KB (runs of spaces, digits, dashes) end at once', () => {
    const n = 32 * 1024;
    const inputs = [' '.repeat(n), `bytes=${' '.repeat(n)}-`, `bytes=1${' '.repeat(n)}x`, `bytes=${'1 '.repeat(n / 2)}`, `bytes=${'-'.repeat(n)}`, `${'\t'.repeat(n)}bytes=1-2`];
    const t0 = performance.now();
    for (const h of inputs) assert.equal(parseRange(h, size).kind, 'ignored');
    // A bound far from hanging (the backtracking pattern took seconds at 2 KB).
    assert.ok(performance.now() - t0 < 5000, `${performance.now() - t0} ms`);
  });
});

describe('matchRule', () => {
  const rules = CatchRulesSchema.parse([
    { match: { path: '/exact', method: 'post' } },
    { match: { path: '/files/', prefix: true } },
    { match: { path: '/exact' }, response: { kind: 'echo' } },
  ]);
  it('first match wins; method optional and case-insensitive; the query is not part of the path', () => {
    assert.equal(matchRule(rules, 'POST', '/exact?x=1'), 0);
    assert.equal(matchRule(rules, 'GET', '/exact'), 2);
    assert.equal(matchRule(rules, 'GET', '/files/a/b.bin'), 1);
    assert.equal(matchRule(rules, 'GET', '/files'), -1);
    assert.equal(matchRule(rules, 'GET', '/exact/more'), -1);
  });
  it('rules are checked: a path starts with /, a file names one source, headers have no CR/LF', () => {
    assert.equal(CatchRulesSchema.safeParse([{ match: { path: 'x' } }]).success, false);
    assert.equal(CatchRulesSchema.safeParse([{ match: { path: '/x' }, response: { kind: 'file' } }]).success, false);
    assert.equal(CatchRulesSchema.safeParse([{ match: { path: '/x' }, response: { kind: 'file', path: 'a', fileToken: 'b' } }]).success, false);
    assert.equal(CatchRulesSchema.safeParse([{ match: { path: '/x' }, response: { kind: 'fixed', headers: { A: 'b\r\nc: d' } } }]).success, false);
    assert.equal(CatchRulesSchema.safeParse([{ match: { path: '/x' }, bogus: 1 }]).success, false);
  });
});
