// The assertions editor's rows ↔ the assertions a saved request carries (contract/assertions.ts).
// A row holds what was typed; its check here names what is wrong with it (a status that is not
// a number, a JSON path the core could not take), and only checked rows become assertions.
// The core checks the result again at its boundary. Pure.
import type { Assertion } from '../../../contract/assertions.js';
import type { AssertionRow, AssertionRowKind } from '../../../contract/composer-draft.js';

export type { AssertionRow, AssertionRowKind } from '../../../contract/composer-draft.js';

interface Field {
  label: string;
  placeholder: string;
}

/** Each kind as the editor shows it: its name and the fields it asks for. */
export const ROW_KINDS: Record<AssertionRowKind, { label: string; target: Field; value?: Field }> = {
  statusEquals: { label: 'status equals', target: { label: 'Status', placeholder: '200' } },
  statusOneOf: { label: 'status is one of', target: { label: 'Statuses', placeholder: '200, 201, 204' } },
  headerPresent: { label: 'header present', target: { label: 'Header name', placeholder: 'Content-Type' } },
  headerEquals: { label: 'header equals', target: { label: 'Header name', placeholder: 'Content-Type' }, value: { label: 'Value', placeholder: 'application/json' } },
  jsonPathEquals: { label: 'JSON path equals', target: { label: 'JSON path', placeholder: '$.user.id' }, value: { label: 'JSON value', placeholder: '42 or "text"' } },
  jsonPathExists: { label: 'JSON path exists', target: { label: 'JSON path', placeholder: '$.items[0]' } },
  timeBelow: { label: 'time below (ms)', target: { label: 'Milliseconds', placeholder: '500' } },
};
export const KIND_ORDER = Object.keys(ROW_KINDS) as AssertionRowKind[];

export const newRow = (kind: AssertionRowKind = 'statusEquals'): AssertionRow => ({ kind, target: '', value: '' });

export interface RowProblem {
  field: 'target' | 'value';
  message: string;
}

const MAX_MS = 24 * 3600 * 1000;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function statusProblem(text: string): string | undefined {
  if (text === '') return 'Enter a status code.';
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return n >= 100 && n <= 999 ? undefined : `"${text}" is not a status code (a number from 100 to 999).`;
}

const statusList = (text: string): string[] => text.split(/[\s,]+/).filter((s) => s !== '');

/** What the core's JSON path reader would refuse, said before a send: not from the root,
 * unbalanced brackets or quotes, or a filter/script expression (a path never runs code). */
export function jsonPathProblem(path: string): string | undefined {
  if (path === '') return 'Enter a JSON path, such as $.user.id.';
  if (!path.startsWith('$')) return `"${path}" is not a JSON path: it starts at the root, $ (such as $.user.id).`;
  let quote: string | undefined;
  let depth = 0;
  for (const c of path) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth < 0) return `"${path}" closes a bracket it did not open.`;
    else if (c === '(' || c === ')') return `"${path}" holds a filter or script expression: paths are read without running code, so only names, indexes, slices and * are taken.`;
  }
  if (quote) return `"${path}" leaves a quote open.`;
  if (depth > 0) return `"${path}" leaves a bracket open.`;
  if (/\.$/.test(path)) return `"${path}" ends with a dot: name what follows it.`;
  return undefined;
}

function jsonValueProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter the JSON value it equals (42, true, null, "text" in quotes).';
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    return `${text} is not a JSON value: put text in double quotes ("${text.replace(/"/g, '\\"')}").`;
  }
}

function targetProblem(row: AssertionRow): string | undefined {
  const t = row.target.trim();
  switch (row.kind) {
    case 'statusEquals':
      return statusProblem(t);
    case 'statusOneOf': {
      const list = statusList(t);
      if (list.length === 0) return 'Enter one or more status codes, separated by commas.';
      if (list.length > 100) return 'At most 100 status codes.';
      return list.map(statusProblem).find((p) => p !== undefined);
    }
    case 'headerPresent':
    case 'headerEquals':
      if (t === '') return 'Enter a header name.';
      return TOKEN.test(t) && t.length <= 200 ? undefined : `"${t}" is not a header name (letters, digits and !#$%&'*+.^_\`|~- only).`;
    case 'jsonPathEquals':
    case 'jsonPathExists':
      return t.length > 1000 ? 'A JSON path is at most 1000 characters.' : jsonPathProblem(t);
    case 'timeBelow': {
      if (t === '') return 'Enter a time in milliseconds.';
      const n = /^\d+$/.test(t) ? Number(t) : NaN;
      return n > 0 && n <= MAX_MS ? undefined : `"${t}" is not a time in milliseconds (a whole number from 1 to ${MAX_MS}).`;
    }
  }
}

/** What is wrong with a row, at the field it is wrong in; undefined: it is an assertion. */
export function rowProblem(row: AssertionRow): RowProblem | undefined {
  const target = targetProblem(row);
  if (target) return { field: 'target', message: target };
  if (row.kind === 'jsonPathEquals') {
    const value = jsonValueProblem(row.value);
    if (value) return { field: 'value', message: value };
  }
  if (row.kind === 'headerEquals' && row.value.length > 64 * 1024) return { field: 'value', message: 'A header value is at most 64 KiB.' };
  return undefined;
}

function toAssertion(row: AssertionRow): Assertion {
  const t = row.target.trim();
  switch (row.kind) {
    case 'statusEquals':
      return { kind: 'status', equals: Number(t) };
    case 'statusOneOf':
      return { kind: 'status', oneOf: statusList(t).map(Number) };
    case 'headerPresent':
      return { kind: 'header', name: t };
    case 'headerEquals':
      return { kind: 'header', name: t, equals: row.value };
    case 'jsonPathEquals':
      // The row's check parsed it already: JSON text is a JSON value.
      return { kind: 'jsonPath', path: t, equals: JSON.parse(row.value) as Extract<Assertion, { kind: 'jsonPath' }>['equals'] };
    case 'jsonPathExists':
      return { kind: 'jsonPath', path: t };
    case 'timeBelow':
      return { kind: 'time', belowMs: Number(t) };
  }
}

export type AssertionsResult = { ok: true; assertions: Assertion[] } | { ok: false; message: string };

/** The rows as assertions, or the first row's problem ("Assertion 2 (status equals): …"). */
export function rowsToAssertions(rows: readonly AssertionRow[]): AssertionsResult {
  const assertions: Assertion[] = [];
  for (const [i, row] of rows.entries()) {
    const problem = rowProblem(row);
    if (problem) return { ok: false, message: `Assertion ${i + 1} (${ROW_KINDS[row.kind].label}): ${problem.message}` };
    assertions.push(toAssertion(row));
  }
  return { ok: true, assertions };
}

export function assertionToRow(a: Assertion): AssertionRow {
  switch (a.kind) {
    case 'status':
      return a.oneOf ? { kind: 'statusOneOf', target: a.oneOf.join(', '), value: '' } : { kind: 'statusEquals', target: String(a.equals), value: '' };
    case 'header':
      return a.equals === undefined ? { kind: 'headerPresent', target: a.name, value: '' } : { kind: 'headerEquals', target: a.name, value: a.equals };
    case 'jsonPath':
      return a.equals === undefined ? { kind: 'jsonPathExists', target: a.path, value: '' } : { kind: 'jsonPathEquals', target: a.path, value: JSON.stringify(a.equals) };
    case 'time':
      return { kind: 'timeBelow', target: String(a.belowMs), value: '' };
  }
}

/** A draft loaded from a saved request, with its assertions as rows (none: an empty list, so
 * a save writes what the editor holds). */
export function withAssertions<D extends { assertions?: AssertionRow[] }>(draft: D, assertions: readonly Assertion[] | undefined): D {
  return { ...draft, assertions: (assertions ?? []).map(assertionToRow) };
}
