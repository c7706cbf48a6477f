// A chained variable's value out of a response: the status, a header (the first of that
// name), or a JSONPath into a JSON body through jsonpath-plus with script evaluation off (a
// workspace may come from anyone: a path never runs code). A body over MAX_CHAIN_BODY_BYTES
// is not read. Every refusal names the variable, the request and what it looked for.
import { jsonPathMatches } from '../json-path.js';
import type { ChainFrom } from '../../contract/variables.js';
import type { ChainValue } from '../../domain/variables.js';

export const MAX_CHAIN_BODY_BYTES = 10 * 1024 * 1024;

/** What a chain reads of a response (the app's history or a run's own). */
export interface ChainResponse {
  status: number | undefined;
  headers: ReadonlyArray<{ name: string; value: string }>;
  bodyBytes: number;
  /** The whole body (called only for a body source, after the size check). */
  readBody(): Promise<Buffer>;
}

/** A JSON match as text: a string as is, anything else as its JSON. */
const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));

export async function extractChained(name: string, from: ChainFrom, response: ChainResponse): Promise<ChainValue> {
  const failed = (why: string): ChainValue => ({ code: 'CHAIN_FAILED', message: `{{${name}}} takes its value from ${what(from)} of the latest response of ${JSON.stringify(from.request)}, but ${why}` });
  if (from.source === 'status') return response.status === undefined ? failed('that response has no status') : { value: String(response.status) };
  if (from.source === 'header') {
    const lower = from.path.toLowerCase();
    const h = response.headers.find((x) => x.name.toLowerCase() === lower);
    return h ? { value: h.value } : failed('that response has no such header');
  }
  if (response.bodyBytes > MAX_CHAIN_BODY_BYTES) return failed(`its body is ${response.bodyBytes} bytes, over the ${MAX_CHAIN_BODY_BYTES / 1024 / 1024} MiB a chained value is read from`);
  let body: Buffer;
  try {
    body = await response.readBody();
  } catch (e) {
    return failed(`its body cannot be read: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return failed(`its body is not JSON (${(e as Error).message})`);
  }
  const found = jsonPathMatches(from.path, json);
  if ('why' in found) return failed(found.why);
  return found.matches.length === 0 ? failed('the path matches nothing in its body') : { value: asText(found.matches[0]) };
}

function what(from: ChainFrom): string {
  if (from.source === 'body') return `the JSON path ${from.path}`;
  return from.source === 'header' ? `the header ${from.path}` : 'the status';
}
