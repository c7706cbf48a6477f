// The engine-host protocol: NDJSON over an authenticated loopback TCP connection (stdio
// does not work for Windows Node under Wine). Both ends parse what they receive here.
import { z } from 'zod';
import { ERROR_CODES, type InetEvent } from './events.js';
import { RequestSpecSchema } from './request-spec.js';

export const EngineNameSchema = z.enum(['wininet', 'curl']);

export const HostCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('send'), id: z.string().min(1).max(200), spec: RequestSpecSchema }),
  z.object({ type: z.literal('cancel'), id: z.string().min(1).max(200) }),
  z.object({ type: z.literal('shutdown') }),
  z.object({ type: z.literal('stats') }),
]);
export type HostCommand = z.input<typeof HostCommandSchema>;

const base = { id: z.string(), seq: z.number().int().min(0), hop: z.number().int().min(0), t: z.number() };

const StatusInfoSchema = z
  .object({
    bytes: z.number(),
    address: z.string(),
    url: z.string(),
    handle: z.string(),
    result: z.string(),
    error: z.number(),
    op: z.string(),
    value: z.number(),
    raw: z.string(),
    reused: z.boolean(),
  })
  .partial();

export const ErrorInfoSchema = z.object({
  code: z.enum(ERROR_CODES),
  name: z.string(),
  message: z.string(),
  native: z.number().optional(),
});

const eventVariants = [
  z.object({ ...base, type: z.literal('native'), status: z.string(), code: z.number().int(), info: StatusInfoSchema.optional() }),
  z.object({ ...base, type: z.literal('started'), engine: z.string(), method: z.string(), url: z.string(), wallTime: z.number() }),
  z.object({
    ...base,
    type: z.literal('headers'),
    statusCode: z.number().int(),
    statusLine: z.string(),
    httpVersion: z.string(),
    rawHeaders: z.string(),
    contentLength: z.number().optional(),
    requestHeaders: z.string().optional(),
  }),
  z.object({ ...base, type: z.literal('body'), bytes: z.number(), total: z.number().optional() }),
  z.object({ ...base, type: z.literal('upload'), bytes: z.number(), total: z.number() }),
  z.object({
    ...base,
    type: z.literal('finished'),
    ok: z.boolean(),
    error: ErrorInfoSchema.optional(),
    statusCode: z.number().int().optional(),
    bodyBytes: z.number(),
    uploadBytes: z.number(),
    ioPending: z.number().optional(),
    abandoned: z.string().optional(),
    engineTimings: z
      .object({ namelookup: z.number(), connect: z.number(), appconnect: z.number(), pretransfer: z.number(), starttransfer: z.number(), total: z.number(), redirect: z.number() })
      .optional(),
    bodyBase64: z.string().optional(),
  }),
] as const;

export const InetEventSchema = z.discriminatedUnion('type', [...eventVariants]);

export const HelloSchema = z.object({
  type: z.literal('hello'),
  token: z.string(),
  engine: EngineNameSchema,
  pid: z.number(),
  runtime: z.string(),
});

/** Answer to `stats`: the host's own memory figures, in bytes. */
export const HostStatsSchema = z.object({ type: z.literal('stats'), rss: z.number(), maxRss: z.number() });
export type HostStats = z.infer<typeof HostStatsSchema>;

export const HostFatalSchema = z.object({ type: z.literal('host-error'), token: z.string(), message: z.string() });

/** One discriminated union: the hot path (thousands of events a second) dispatches on `type` at once. */
export const HostMessageSchema = z.discriminatedUnion('type', [HelloSchema, HostFatalSchema, HostStatsSchema, ...eventVariants]);

export function parseEvent(value: unknown): InetEvent {
  return InetEventSchema.parse(value) as InetEvent;
}

/** Splits a byte stream into lines; keeps the unfinished tail. */
export class LineSplitter {
  private tail = '';
  push(chunk: string): string[] {
    const text = this.tail + chunk;
    const lines = text.split('\n');
    this.tail = lines.pop() ?? '';
    return lines.filter((l) => l.length > 0);
  }
}
