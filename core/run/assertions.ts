// A saved request's assertions checked against its response, each passed or failed with what
// was expected and what came. JSON paths go through jsonpath-plus with script evaluation off
// (a workspace may come from anyone: a path never runs code, so filter expressions are
// refused), and a body over MAX_JSON_BYTES is not parsed: its JSON assertions fail saying so.
import { isDeepStrictEqual } from 'node:util';
import { jsonPathMatches } from '../json-path.js';
import type { Assertion, AssertionResult } from '../../contract/assertions.js';
import type { FinishedEvent, InetEvent } from '../../contract/events.js';
import { parseHeaderBlock } from '../../domain/har/text.js';

export type { AssertionResult } from '../../contract/assertions.js';

export const MAX_JSON_BYTES = 16 * 1024 * 1024;
/** Longest value text a result shows. */
const SHOWN_CHARS = 200;

export interface ResponseFacts {
  status: number | undefined;
  headers: ReadonlyArray<{ name: string; value: string }>;
  timeMs: number;
  bodyBytes: number;
  /** The body's bytes (called only when a JSON path needs them, once). */
  readBody(): Promise<Buffer>;
}

/** What a finished exchange's assertions are checked on: the final head's status and headers
 * (the last hop's), the whole exchange's time (to a tenth of a ms), the body's size. */
export function responseFacts(events: readonly InetEvent[], finished: FinishedEvent, readBody: () => Promise<Buffer>): ResponseFacts {
  const head = [...events].reverse().find((e) => e.type === 'headers');
  const headers = head?.type === 'headers' ? parseHeaderBlock(head.rawHeaders).headers : [];
  return { status: finished.statusCode, headers, timeMs: Math.round(finished.t * 10) / 10, bodyBytes: finished.bodyBytes, readBody };
}

const shown = (text: string): string => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);
const json = (value: unknown): string => shown(JSON.stringify(value) ?? String(value));

type Json = { ok: true; value: unknown } | { ok: false; why: string };

/** The body as JSON, parsed at most once per response. */
function bodyJson(facts: ResponseFacts): () => Promise<Json> {
  let parsed: Promise<Json> | undefined;
  return () =>
    (parsed ??= (async (): Promise<Json> => {
      if (facts.bodyBytes > MAX_JSON_BYTES) return { ok: false, why: `the body is ${facts.bodyBytes} bytes, over the ${MAX_JSON_BYTES / 1024 / 1024} MiB a JSON path is checked in` };
      let bytes: Buffer;
      try {
        bytes = await facts.readBody();
      } catch (e) {
        return { ok: false, why: `the body cannot be read: ${(e as Error).message}` };
      }
      try {
        return { ok: true, value: JSON.parse(bytes.toString('utf8')) as unknown };
      } catch (e) {
        return { ok: false, why: `the body is not JSON (${(e as Error).message})` };
      }
    })());
}

function checkStatus(a: Extract<Assertion, { kind: 'status' }>, facts: ResponseFacts): AssertionResult {
  const actual = facts.status === undefined ? 'no status' : String(facts.status);
  if (a.oneOf) {
    const expected = a.oneOf.join(', ');
    return { kind: 'status', description: `status is one of ${expected}`, passed: facts.status !== undefined && a.oneOf.includes(facts.status), expected, actual };
  }
  return { kind: 'status', description: `status equals ${a.equals}`, passed: facts.status === a.equals, expected: String(a.equals), actual };
}

function checkHeader(a: Extract<Assertion, { kind: 'header' }>, facts: ResponseFacts): AssertionResult {
  const lower = a.name.toLowerCase();
  const values = facts.headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
  const actual = values.length === 0 ? 'absent' : shown(values.map((v) => JSON.stringify(v)).join(', '));
  if (a.equals === undefined) return { kind: 'header', description: `header ${a.name} is present`, passed: values.length > 0, expected: 'present', actual };
  // One of the headers of that name has the value (a response may repeat a header).
  return { kind: 'header', description: `header ${a.name} equals ${JSON.stringify(a.equals)}`, passed: values.includes(a.equals), expected: JSON.stringify(a.equals), actual };
}

async function checkJsonPath(a: Extract<Assertion, { kind: 'jsonPath' }>, body: () => Promise<Json>): Promise<AssertionResult> {
  const exists = a.equals === undefined;
  const description = exists ? `${a.path} exists` : `${a.path} equals ${json(a.equals)}`;
  const expected = exists ? 'a match' : json(a.equals);
  const fail = (actual: string): AssertionResult => ({ kind: 'jsonPath', description, passed: false, expected, actual });
  const parsed = await body();
  if (!parsed.ok) return fail(parsed.why);
  const found = jsonPathMatches(a.path, parsed.value);
  if ('why' in found) return fail(found.why);
  if (found.matches.length === 0) return fail('no match');
  const first = found.matches[0];
  if (exists) return { kind: 'jsonPath', description, passed: true, expected, actual: json(first) };
  return { kind: 'jsonPath', description, passed: isDeepStrictEqual(first, a.equals), expected, actual: json(first) };
}

function checkTime(a: Extract<Assertion, { kind: 'time' }>, facts: ResponseFacts): AssertionResult {
  return { kind: 'time', description: `time below ${a.belowMs} ms`, passed: facts.timeMs < a.belowMs, expected: `< ${a.belowMs} ms`, actual: `${Math.round(facts.timeMs)} ms` };
}

/** Every assertion's result, in the order the request file lists them. */
export async function checkAssertions(assertions: readonly Assertion[], facts: ResponseFacts): Promise<AssertionResult[]> {
  const body = bodyJson(facts);
  const results: AssertionResult[] = [];
  for (const a of assertions) {
    if (a.kind === 'status') results.push(checkStatus(a, facts));
    else if (a.kind === 'header') results.push(checkHeader(a, facts));
    else if (a.kind === 'jsonPath') results.push(await checkJsonPath(a, body));
    else results.push(checkTime(a, facts));
  }
  return results;
}
