// The event stream as the UI receives it: one event per native callback plus lifecycle
// events (see engine/events.ts for their meaning). Imports nothing of the app.
import { z } from 'zod';

export const ERROR_CODES = [
  'BAD_URL', 'UNSUPPORTED_SCHEME', 'BAD_REQUEST', 'RESOLVE_FAILED', 'CONNECT_FAILED', 'PROXY_FAILED', 'TIMEOUT',
  'TLS_CERT', 'TLS_HANDSHAKE', 'SEND_FAILED', 'RECV_FAILED', 'PARTIAL_BODY', 'BAD_RESPONSE', 'TOO_MANY_REDIRECTS',
  'UPLOAD_READ_FAILED', 'BODY_WRITE_FAILED', 'BODY_CAP_EXCEEDED', 'CANCELLED', 'HOST_CRASHED', 'ENGINE_UNAVAILABLE',
  'INTERNAL',
] as const;

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

const EngineTimingsSchema = z.object({
  namelookup: z.number(),
  connect: z.number(),
  appconnect: z.number(),
  pretransfer: z.number(),
  starttransfer: z.number(),
  total: z.number(),
  redirect: z.number(),
});

export const eventVariants = [
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
    interimHeads: z.string().optional(),
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
    engineTimings: EngineTimingsSchema.optional(),
    bodyBase64: z.string().optional(),
    partialHead: z.string().optional(),
  }),
] as const;

export const InetEventSchema = z.discriminatedUnion('type', [...eventVariants]);
export type InetEventDto = z.infer<typeof InetEventSchema>;
