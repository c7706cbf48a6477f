import { describe, expect, it } from 'vitest';
import { errorOffset, jsonDiagnostics } from './json-lint.js';

describe('jsonDiagnostics', () => {
  it('accepts JSON and an empty body', () => {
    expect(jsonDiagnostics('{"a": [1, 2]}')).toEqual([]);
    expect(jsonDiagnostics('  \n')).toEqual([]);
  });
  it('takes {{references}} as values, in a string or not, and keeps offsets', () => {
    expect(jsonDiagnostics('{"id": {{userId}}, "name": "{{name}}"}')).toEqual([]);
    expect(jsonDiagnostics('{"id": {{userId}},, "x": 1}')[0]?.from).toBe(18);
  });
  it('places a syntax error where JSON.parse says', () => {
    const text = '{"a": 1,, "b": 2}';
    const d = jsonDiagnostics(text)[0]!;
    expect(d.severity).toBe('error');
    expect(d.from).toBe(8);
    expect(d.to).toBe(9);
    expect(d.message).toMatch(/JSON/);
  });
  it('puts an unexpected end at the end of the text', () => {
    const d = jsonDiagnostics('{"a": ')[0]!;
    expect(d.from).toBe(6);
    expect(d.to).toBe(6);
  });
});

describe('errorOffset', () => {
  it('reads "at position N" and "line L column C"', () => {
    expect(errorOffset('Unexpected token } in JSON at position 3', 'abcdef')).toBe(3);
    expect(errorOffset('Bad control character (line 2 column 3)', 'ab\ncdef')).toBe(5);
    expect(errorOffset('Unexpected end of JSON input', 'abc')).toBe(3);
  });
});
