// A HAR file → history exchanges. Entries InetScope wrote (`_inetscope`, one per hop) come
// back exactly: the draft, every event, the body. Any other entry (Chrome's…) becomes one
// exchange with synthesized lifecycle events (started, headers, body, finished) placed at
// its HAR timings, never invented native callbacks. Bad entries are skipped with a reason.
// Pure (the caller mints ids and stores bodies). Imports nothing of the app.
import { z } from 'zod';
import { HistorySummarySchema } from '../../contract/api.js';
import { RequestDraftSchema, type RequestDraft } from '../../contract/request.js';
import { InetEventSchema, type InetEvent } from '../../contract/events.js';
import { HarContentSchema, HarEntrySchema, HarFileSchema, INETSCOPE_FIELD, type HarContent } from './har.js';
import { synthesizeEvents } from './synth.js';
import { draftBodyFrom } from './post-data.js';
import { contentBytes } from './text.js';

type HistorySummaryDto = z.infer<typeof HistorySummarySchema>;

interface ImportedExchange {
  summary: HistorySummaryDto;
  request: RequestDraft;
  events: InetEvent[];
  /** The final response's body, when the HAR holds it. */
  body?: Uint8Array;
}

export interface HarImportResult {
  exchanges: ImportedExchange[];
  skipped: Array<{ index: number; reason: string }>;
}

/** The file as a whole is not a HAR: nothing is imported. */
export class HarFileError extends Error {}

const ExtraSchema = z.looseObject({
  exchange: z.number().int().min(0),
  hop: z.number().int().min(0),
  hops: z.number().int().min(1).max(1000),
  events: z.array(z.looseObject({})),
  request: z.unknown().optional(),
  bodyOmitted: z.string().optional(),
});
type Extra = z.infer<typeof ExtraSchema>;

function describeZod(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`;
}

export function harToExchanges(file: unknown, newId: () => string): HarImportResult {
  const frame = HarFileSchema.safeParse(file);
  if (!frame.success) throw new HarFileError(`not a HAR file (${describeZod(frame.error)})`);
  const entries = frame.data.log.entries;
  const result: HarImportResult = { exchanges: [], skipped: [] };
  for (let i = 0; i < entries.length; ) {
    const group = inetscopeGroup(entries, i);
    const built = group && safely(() => fromInetscope(group, entries, i, newId()));
    if (built && !(built instanceof Error)) {
      result.exchanges.push(built);
      i += group.length;
      continue;
    }
    // Not ours, or ours but edited out of shape: read it as any HAR entry.
    const plain = safely(() => fromPlainEntry(entries[i], newId()));
    if (plain instanceof Error) result.skipped.push({ index: i, reason: `entry ${i}: ${plain.message}` });
    else result.exchanges.push(plain);
    i++;
  }
  return result;
}

function safely<T>(fn: () => T): T | Error {
  try {
    return fn();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function extraOf(entry: unknown): Extra | undefined {
  const raw = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)[INETSCOPE_FIELD] : undefined;
  const r = ExtraSchema.safeParse(raw);
  return r.success ? r.data : undefined;
}

/** The entries of one exchange InetScope wrote: hop 0…hops-1 in a row. */
function inetscopeGroup(entries: unknown[], at: number): Extra[] | undefined {
  const first = extraOf(entries[at]);
  if (!first || first.hop !== 0) return undefined;
  const group = [first];
  for (let k = 1; k < first.hops; k++) {
    const x = extraOf(entries[at + k]);
    if (!x || x.exchange !== first.exchange || x.hop !== k || x.hops !== first.hops) return undefined;
    group.push(x);
  }
  return group;
}

function fromInetscope(group: Extra[], entries: unknown[], at: number, id: string): ImportedExchange {
  const request = RequestDraftSchema.parse(group[0]!.request);
  const events = group.flatMap((x) => x.events).map((e) => InetEventSchema.parse({ ...e, id }));
  const lastEntry = entries[at + group.length - 1] as { response?: { content?: unknown } };
  const content = HarContentSchema.parse(lastEntry.response?.content ?? {});
  const omittedAs = group.at(-1)!.bodyOmitted;
  const body = omittedAs === undefined ? bodyOf(content) : undefined;
  const started = events.find((e) => e.type === 'started');
  const finished = events.find((e) => e.type === 'finished');
  const summary = HistorySummarySchema.parse({
    id, method: request.method, url: request.url, engine: started?.type === 'started' ? started.engine : 'har',
    startedAt: started?.type === 'started' ? started.wallTime : 0, source: 'har',
    ...(finished?.type === 'finished' ? { ok: finished.ok, statusCode: finished.statusCode, bodyBytes: finished.bodyBytes, durationMs: finished.t, error: finished.error?.code } : {}),
    bodyOmitted: omittedAs ?? (body ? undefined : omitted(content, finished?.type === 'finished' ? finished.bodyBytes : 0)),
  });
  return { summary, request, events, ...(body ? { body } : {}) };
}

/** Why a response has no body to show, when the HAR says it had one (size > 0) but left it out. */
function omitted(content: HarContent, bodyBytes: number): string | undefined {
  const size = Math.max(content.size, bodyBytes);
  if (content.text !== undefined || size <= 0) return undefined;
  return content.comment?.trim() || `the HAR file has no content.text for this ${size}-byte body`;
}

function bodyOf(content: HarContent): Uint8Array | undefined {
  if (content.text === undefined) return undefined;
  try {
    return contentBytes(content.text, content.encoding);
  } catch {
    throw new Error('response.content.text is not valid base64');
  }
}

function fromPlainEntry(raw: unknown, id: string): ImportedExchange {
  const parsed = HarEntrySchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeZod(parsed.error));
  const entry = parsed.data;
  const url = entry.request.url;
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) throw new Error(`request.url: ${JSON.stringify(url.slice(0, 200))} is not an http(s) URL`);
  // Pseudo-headers (HTTP/2's :authority…) and Content-Length are the engine's to write.
  const headers = entry.request.headers
    .filter((h) => !h.name.startsWith(':') && h.name.toLowerCase() !== 'content-length')
    .map((h) => ({ name: h.name, value: h.value, enabled: true }));
  let body: RequestDraft['body'];
  try {
    body = draftBodyFrom(entry.request.postData);
  } catch {
    throw new Error('request.postData.text is not valid base64');
  }
  const request = RequestDraftSchema.parse({ url, method: entry.request.method, headers, body });
  const responseBody = entry.response.status > 0 ? bodyOf(entry.response.content) : undefined;
  const events = synthesizeEvents(entry, id, responseBody?.length ?? 0);
  const finished = events.at(-1) as Extract<InetEvent, { type: 'finished' }>;
  const summary = HistorySummarySchema.parse({
    id, method: request.method, url, engine: 'har', startedAt: Date.parse(entry.startedDateTime), source: 'har',
    ok: finished.ok, statusCode: finished.statusCode, bodyBytes: finished.bodyBytes, durationMs: finished.t, error: finished.error?.code,
    bodyOmitted: entry.response.status > 0 ? omitted(entry.response.content, 0) : undefined,
  });
  return { summary, request, events, ...(responseBody ? { body: responseBody } : {}) };
}

/** The request of entry `index` (--replay, "send again"): InetScope's draft where the entry
 * holds it, else what the HAR entry says. Throws HarFileError naming the problem. */
export function harEntryDraft(file: unknown, index: number): RequestDraft {
  const frame = HarFileSchema.safeParse(file);
  if (!frame.success) throw new HarFileError(`not a HAR file (${describeZod(frame.error)})`);
  const entries = frame.data.log.entries;
  if (index >= entries.length) throw new HarFileError(`has no entry ${index} (it has ${entries.length} entries, numbered from 0)`);
  const extra = extraOf(entries[index]);
  const own = extra?.hop === 0 ? RequestDraftSchema.safeParse(extra.request) : undefined;
  if (own?.success) return own.data;
  const plain = safely(() => fromPlainEntry(entries[index], '00000000-0000-4000-8000-000000000000'));
  if (plain instanceof Error) throw new HarFileError(`entry ${index}: ${plain.message}`);
  return plain.request;
}
