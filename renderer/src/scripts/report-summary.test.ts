import { describe, expect, it } from 'vitest';
import { reportSummary } from './report-summary.js';

const test = (status: 'passed' | 'failed' | 'not-run') => ({ name: status, status });

describe('reportSummary', () => {
  it('counts passed and failed always, not run and script errors when there are any', () => {
    expect(reportSummary({ tests: [], problems: [], console: [] })).toBe('0 passed, 0 failed');
    expect(reportSummary({ tests: [test('passed'), test('passed'), test('failed')], problems: [], console: [] })).toBe('2 passed, 1 failed');
    const problem = { phase: 'test' as const, level: 'request', message: 'boom' };
    expect(reportSummary({ tests: [test('not-run')], problems: [problem], console: [] })).toBe('0 passed, 0 failed, 1 not run, 1 script error');
    expect(reportSummary({ tests: [], problems: [problem, problem], console: [] })).toBe('0 passed, 0 failed, 2 script errors');
  });
});
