import { describe, expect, it } from 'vitest';
import { AssertionsSchema, type Assertion } from '../../../contract/assertions.js';
import { ComposerDraftSchema } from '../../../contract/composer-draft.js';
import { emptyDraft } from '../composer/draft.js';
import { assertionToRow, jsonPathProblem, KIND_ORDER, newRow, rowProblem, rowsToAssertions, withAssertions, type AssertionRow } from './assertion-rows.js';

const row = (kind: AssertionRow['kind'], target: string, value = ''): AssertionRow => ({ kind, target, value });

describe('rowProblem', () => {
  it('takes a row of each kind filled in as it should be', () => {
    const good = [row('statusEquals', '200'), row('statusOneOf', '200, 201 204'), row('headerPresent', 'ETag'), row('headerEquals', 'Content-Type', 'application/json'), row('jsonPathEquals', '$.user.id', '42'), row('jsonPathExists', "$.items[0]['name']"), row('timeBelow', '500')];
    expect(good.map(rowProblem)).toEqual(good.map(() => undefined));
  });

  it('names a status that is not a number, or out of range, at the target field', () => {
    expect(rowProblem(row('statusEquals', 'abc'))).toEqual({ field: 'target', message: '"abc" is not a status code (a number from 100 to 999).' });
    expect(rowProblem(row('statusEquals', '99'))?.message).toMatch(/"99" is not a status code/);
    expect(rowProblem(row('statusEquals', '200.5'))?.message).toMatch(/"200\.5" is not a status code/);
    expect(rowProblem(row('statusOneOf', '200, x2'))?.message).toMatch(/"x2" is not a status code/);
    expect(rowProblem(row('statusEquals', ''))?.message).toBe('Enter a status code.');
  });

  it('names a bad JSON path: not from the root, brackets or quotes open, a filter expression', () => {
    expect(jsonPathProblem('user.id')).toMatch(/starts at the root, \$/);
    expect(jsonPathProblem('$.items[0')).toMatch(/leaves a bracket open/);
    expect(jsonPathProblem("$['a]")).toMatch(/leaves a quote open/);
    expect(jsonPathProblem('$.a]')).toMatch(/closes a bracket it did not open/);
    expect(jsonPathProblem('$..book[?(@.price<10)]')).toMatch(/filter or script expression/);
    expect(jsonPathProblem('$.user.')).toMatch(/ends with a dot/);
    expect(jsonPathProblem("$['a(b)']")).toBeUndefined();
  });

  it('asks for JSON text where a path equals a value, pointing at the value field', () => {
    expect(rowProblem(row('jsonPathEquals', '$.status', 'ok'))).toEqual({ field: 'value', message: 'ok is not a JSON value: put text in double quotes ("ok").' });
    expect(rowProblem(row('jsonPathEquals', '$.status', '"ok"'))).toBeUndefined();
  });

  it('refuses a header name that is not a token and a time that is not whole milliseconds', () => {
    expect(rowProblem(row('headerPresent', 'Content Type'))?.message).toMatch(/"Content Type" is not a header name/);
    expect(rowProblem(row('timeBelow', '0'))?.message).toMatch(/"0" is not a time in milliseconds/);
    expect(rowProblem(row('timeBelow', '1.5'))?.message).toMatch(/"1\.5" is not a time/);
  });
});

describe('rows ↔ assertions', () => {
  it('turns rows into assertions the contract takes, and a bad row into a message naming it', () => {
    const r = rowsToAssertions([row('statusOneOf', '200,204'), row('headerEquals', ' X-A ', ''), row('jsonPathEquals', '$.n', '{"a":[1,null]}'), row('timeBelow', '250')]);
    expect(r).toEqual({ ok: true, assertions: [{ kind: 'status', oneOf: [200, 204] }, { kind: 'header', name: 'X-A', equals: '' }, { kind: 'jsonPath', path: '$.n', equals: { a: [1, null] } }, { kind: 'time', belowMs: 250 }] });
    expect(AssertionsSchema.safeParse(r.ok && r.assertions).success).toBe(true);
    expect(rowsToAssertions([row('statusEquals', '200'), row('statusEquals', 'abc')])).toEqual({ ok: false, message: 'Assertion 2 (status equals): "abc" is not a status code (a number from 100 to 999).' });
  });

  it('brings every assertion of a request file back as the row it was made from', () => {
    const saved: Assertion[] = [
      { kind: 'status', equals: 201 },
      { kind: 'status', oneOf: [200, 301] },
      { kind: 'header', name: 'ETag' },
      { kind: 'header', name: 'Content-Type', equals: 'text/plain' },
      { kind: 'jsonPath', path: '$.a', equals: 'x' },
      { kind: 'jsonPath', path: '$.b' },
      { kind: 'time', belowMs: 900 },
    ];
    const rows = saved.map(assertionToRow);
    expect(rows.map((r) => r.kind)).toEqual(KIND_ORDER);
    expect(rowsToAssertions(rows)).toEqual({ ok: true, assertions: saved });
  });

  it('gives a loaded draft its rows (an empty list for none), valid for the tab session', () => {
    const d = emptyDraft('curl');
    expect(withAssertions(d, undefined).assertions).toEqual([]);
    const withRows = withAssertions(d, [{ kind: 'status', equals: 200 }]);
    expect(withRows.assertions).toEqual([row('statusEquals', '200')]);
    // An unfinished row is kept by the session too (it is what was typed).
    expect(ComposerDraftSchema.safeParse({ ...d, assertions: [newRow(), row('jsonPathEquals', 'nope', '{')] }).success).toBe(true);
  });
});
