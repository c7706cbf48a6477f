// The run's file reports: json (one document: the workspace, every request with its
// assertions, the totals) and junit (JUnit XML as CI systems read it: a testsuite per folder,
// a testcase per request, a failed assertion or script test (or one not run) as <failure>, a request that could not complete
// as <error>; every text XML-escaped, characters XML cannot hold replaced).
import type { RequestResult, RunOutcome } from '../core/run/collection-run.js';

export interface RunHeader {
  workspace: string;
  location: string;
  environment: string | undefined;
  engine: string;
  startedAt: Date;
}

export interface RunTotals {
  requests: number;
  run: number;
  passed: number;
  failed: number;
  assertions: number;
  assertionsFailed: number;
  /** Script tests (pm.test), and those not run (untrusted, or the request failed). */
  tests: number;
  testsPassed: number;
  testsFailed: number;
  testsNotRun: number;
}

export function totalsOf(outcome: RunOutcome): RunTotals {
  const r = outcome.results;
  const assertions = r.flatMap((x) => x.assertions);
  const passed = r.filter((x) => x.passed).length;
  const tests = r.flatMap((x) => x.scripts?.tests ?? []);
  const count = (status: string): number => tests.filter((t) => t.status === status).length;
  return {
    requests: outcome.planned,
    run: r.length,
    passed,
    failed: r.length - passed,
    assertions: assertions.length,
    assertionsFailed: assertions.filter((a) => !a.passed).length,
    tests: tests.length,
    testsPassed: count('passed'),
    testsFailed: count('failed'),
    testsNotRun: count('not-run'),
  };
}

export function jsonReport(header: RunHeader, outcome: RunOutcome): string {
  const doc = {
    workspace: { name: header.workspace, location: header.location },
    environment: header.environment ?? null,
    engine: header.engine,
    startedAt: header.startedAt.toISOString(),
    timeMs: outcome.timeMs,
    ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
    totals: totalsOf(outcome),
    requests: outcome.results,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// XML 1.0 holds neither these controls nor a lone surrogate: they become U+FFFD.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** In an attribute a newline or tab would be read back as a space: written as references. */
function xmlAttr(text: string): string {
  return xmlText(text).replace(/[\n\r\t]/g, (c) => ESCAPES[c] as string);
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

/** A check as a line of the failure text, and as the failure's message if it is the first failed. */
interface Check {
  passed: boolean;
  line: string;
  message: string;
}

function checksOf(r: RequestResult): Check[] {
  const assertions = r.assertions.map((a) => ({ passed: a.passed, line: `${a.passed ? 'passed' : 'FAILED'}: ${a.description}${a.passed ? '' : ` (expected ${a.expected}, got ${a.actual})`}`, message: `${a.description} (expected ${a.expected}, got ${a.actual})` }));
  const s = r.scripts;
  const label = { passed: 'passed', failed: 'FAILED', 'not-run': 'NOT RUN' } as const;
  const tests = (s?.tests ?? []).map((t) => ({ passed: t.status === 'passed', line: `${label[t.status]}: test ${JSON.stringify(t.name)}${t.error ? ` (${t.error})` : ''}`, message: `test ${JSON.stringify(t.name)} ${t.status === 'failed' ? 'failed' : 'not run'}${t.error ? `: ${t.error}` : ''}` }));
  const problems = (s?.problems ?? []).map((p) => {
    const what = `${p.phase === 'prerequest' ? 'pre-request' : 'test'} script of the ${p.level} failed: ${p.message}`;
    return { passed: false, line: `FAILED: ${what}`, message: what };
  });
  return [...assertions, ...tests, ...problems];
}

function failureOf(r: RequestResult): string {
  if (r.error) return `      <error message="${xmlAttr(r.error.message)}" type="${xmlAttr(r.error.code)}"/>\n`;
  const checks = checksOf(r);
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return '';
  const message = `${failed.length} of ${checks.length} ${r.scripts ? 'checks' : 'assertions'} failed: ${failed[0]!.message}`;
  return `      <failure message="${xmlAttr(message)}" type="AssertionFailure">${xmlText(checks.map((c) => c.line).join('\n'))}</failure>\n`;
}

function testcase(r: RequestResult, classname: string): string {
  const out = `${r.method} ${r.url} → ${r.status ?? '-'}`;
  return (
    `    <testcase name="${xmlAttr(r.name)}" classname="${xmlAttr(classname)}" time="${seconds(r.timeMs)}">\n` +
    failureOf(r) +
    `      <system-out>${xmlText(out)}</system-out>\n` +
    '    </testcase>\n'
  );
}

/** A testsuite per folder, in collection order (the workspace's root requests under its name). */
export function junitReport(header: RunHeader, outcome: RunOutcome): string {
  const suites = new Map<string, RequestResult[]>();
  for (const r of outcome.results) suites.set(r.folder, [...(suites.get(r.folder) ?? []), r]);
  const count = (list: RequestResult[]) => ({
    tests: list.length,
    failures: list.filter((r) => !r.error && !r.passed).length,
    errors: list.filter((r) => r.error).length,
    time: seconds(list.reduce((s, r) => s + (r.timeMs ?? 0), 0)),
  });
  const all = count(outcome.results);
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<testsuites name="${xmlAttr(header.workspace)}" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}" time="${seconds(outcome.timeMs)}">\n`;
  let id = 0;
  for (const [folder, list] of suites) {
    const c = count(list);
    const name = folder === '' ? header.workspace : folder;
    const classname = folder === '' ? header.workspace : `${header.workspace}/${folder}`;
    xml += `  <testsuite id="${id++}" name="${xmlAttr(name)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="0" time="${c.time}" timestamp="${header.startedAt.toISOString().slice(0, 19)}">\n`;
    xml += list.map((r) => testcase(r, classname)).join('');
    xml += '  </testsuite>\n';
  }
  return `${xml}</testsuites>\n`;
}
