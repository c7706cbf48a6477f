// The catch server's side of the contract: its server-side timeline events, the response
// rules a user configures per path, and what is known of each caught request. The event
// shape follows events.ts (id, seq without gaps, t in ms, monotonic) with server-side
// types modelled on seed 004 (one read pending at a time, write completions, transmit
// file, done with the session). Imports nothing of the app.
import { z } from 'zod';

/** A caught request's id (minted by the server). */
export const CaughtIdSchema = z.string().uuid();

const base = { id: CaughtIdSchema, seq: z.number().int().min(0), t: z.number() };
const HeaderPairs = z.array(z.tuple([z.string(), z.string()]));

const catchEventVariants = [
  /** t = 0 is the accept; `connection` numbers connections of one server run. */
  z.object({ ...base, type: z.literal('CONNECTION_ACCEPTED'), connection: z.number().int(), remoteAddress: z.string(), remotePort: z.number().int(), wallTime: z.number() }),
  /** A later request on a kept-alive connection: t = 0 is when its headers were read. */
  z.object({ ...base, type: z.literal('CONNECTION_REUSED'), connection: z.number().int(), remoteAddress: z.string(), remotePort: z.number().int(), wallTime: z.number() }),
  z.object({ ...base, type: z.literal('REQUEST_HEADERS_READ'), method: z.string(), path: z.string(), httpVersion: z.string(), headers: HeaderPairs }),
  /** One read completed (the next is issued only after these bytes are in the body file). */
  z.object({ ...base, type: z.literal('BODY_CHUNK_READ'), bytes: z.number().int().min(1), total: z.number().int() }),
  z.object({ ...base, type: z.literal('BODY_READ_COMPLETE'), total: z.number().int(), sha256: z.string() }),
  /** Which response rule answers (index into the rules, or -1: the default summary). */
  z.object({ ...base, type: z.literal('RULE_MATCHED'), rule: z.number().int(), response: z.string() }),
  z.object({ ...base, type: z.literal('RESPONSE_DELAYED'), ms: z.number().int() }),
  z.object({ ...base, type: z.literal('RESPONSE_HEADERS_WRITTEN'), statusCode: z.number().int(), headers: HeaderPairs }),
  /** A write's completion callback: `bytes` of this write, `total` of the body so far. */
  z.object({ ...base, type: z.literal('BODY_WRITE_COMPLETED'), bytes: z.number().int(), total: z.number().int() }),
  /** A file (or a range of it) sent; zeroCopy says whether the kernel copied it (sendfile) or the server streamed it. */
  z.object({ ...base, type: z.literal('FILE_TRANSMITTED'), bytes: z.number().int(), zeroCopy: z.boolean(), start: z.number().int(), end: z.number().int(), size: z.number().int() }),
  /** The client went away: while its body was read (`phase: body`, its partial body kept) or while answered. */
  z.object({ ...base, type: z.literal('CLIENT_ABORTED'), phase: z.enum(['body', 'response']), bytes: z.number().int() }),
  z.object({ ...base, type: z.literal('SERVER_ERROR'), message: z.string() }),
  /** The body is over a limit (CatchLimits): answered 413, what arrived before it kept, marked partial. */
  z.object({ ...base, type: z.literal('LIMIT_EXCEEDED'), limit: z.enum(['body', 'total']), max: z.number().int(), bytes: z.number().int() }),
  /** No byte of the body for `idleMs`: answered 408, the partial body kept. */
  z.object({ ...base, type: z.literal('CLIENT_TIMEOUT'), phase: z.literal('body'), idleMs: z.number().int(), bytes: z.number().int() }),
  /** A Host the server does not answer to (bound to loopback: a DNS-rebinding page): answered 403. */
  z.object({ ...base, type: z.literal('HOST_REFUSED'), host: z.string() }),
  z.object({
    ...base,
    type: z.literal('SESSION_DONE'),
    outcome: z.enum(['complete', 'aborted', 'error', 'refused']),
    statusCode: z.number().int().optional(),
    bytesRead: z.number().int(),
    bytesWritten: z.number().int(),
  }),
  z.object({ ...base, type: z.literal('CONNECTION_CLOSED'), connection: z.number().int() }),
] as const;

export const CatchEventSchema = z.discriminatedUnion('type', [...catchEventVariants]);
export type CatchEvent = z.infer<typeof CatchEventSchema>;

const HeaderText = z.string().regex(/^[^\r\n]*$/, 'must not contain CR or LF');
const HeaderMap = z.record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'is not a header name'), HeaderText);

const CatchResponseSchema = z.discriminatedUnion('kind', [
  /** The default: a JSON summary of what arrived (method, path, headers, body length and sha256). */
  z.object({ kind: z.literal('summary') }),
  z.object({
    kind: z.literal('fixed'),
    status: z.number().int().min(200).max(599).default(200),
    headers: HeaderMap.default({}),
    body: z.string().max(16 * 1024 * 1024).default(''),
  }),
  /** The request's body (streamed back from the caught file), its Content-Type, status 200. */
  z.object({ kind: z.literal('echo') }),
  /**
   * A file, streamed, with single-range support. The UI names it by a token from
   * pickUploadFile/beginUpload (a page cannot name a path); a rules file given to the CLI
   * names a path (relative to the rules file).
   */
  z.object({
    kind: z.literal('file'),
    fileToken: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    contentType: HeaderText.min(1).optional(),
  }).refine((f) => (f.fileToken === undefined) !== (f.path === undefined), { message: 'a file response names exactly one of fileToken and path' }),
]);
export type CatchResponse = z.infer<typeof CatchResponseSchema>;

const CatchRuleSchema = z.object({
  match: z.object({
    path: z.string().startsWith('/', 'a rule path starts with /'),
    /** Prefix match: "/files/" matches "/files/a.bin"; otherwise the path (without the query) must be equal. */
    prefix: z.boolean().default(false),
    method: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'is not a method token').optional(),
  }).strict(),
  response: CatchResponseSchema.default({ kind: 'summary' }),
  /** ms to wait before the response headers (to test a client's timeout). */
  delayMs: z.number().int().min(0).max(10 * 60 * 1000).optional(),
  /** The response body is written at most this fast. */
  throttleBytesPerSecond: z.number().int().min(1).optional(),
}).strict();
export type CatchRule = z.infer<typeof CatchRuleSchema>;

export const CatchRulesSchema = z.array(CatchRuleSchema).max(1000);

/** What is known of a caught request; updated as its events come. */
export const CaughtSummarySchema = z.object({
  id: CaughtIdSchema,
  connection: z.number().int(),
  wallTime: z.number(),
  remote: z.string(),
  method: z.string(),
  path: z.string(),
  httpVersion: z.string(),
  headers: HeaderPairs,
  /** receiving → responding → done; aborted: the client went away. */
  state: z.enum(['receiving', 'responding', 'done', 'aborted']),
  bodyBytes: z.number().int(),
  /** The stored body is all the client sent (false: it disconnected mid-body; the file holds what arrived). */
  bodyComplete: z.boolean(),
  bodySha256: z.string().optional(),
  response: z
    .object({
      rule: z.number().int(),
      kind: z.string(),
      statusCode: z.number().int().optional(),
      headers: HeaderPairs.optional(),
      bytes: z.number().int(),
      /** The body as sent, when it is text the server made (summary, fixed) and short. */
      preview: z.string().optional(),
    })
    .optional(),
});
export type CaughtSummary = z.infer<typeof CaughtSummarySchema>;

const GiB = 1024 ** 3;

/**
 * What the catch server accepts from a peer: it must not fill the disk, hold connections
 * forever, or be reached under another name by a DNS-rebinding page.
 */
export const CatchLimitsSchema = z
  .object({
    /** One request body; over it: 413. */
    maxBodyBytes: z.number().int().min(0).max(2 ** 50).default(GiB),
    /** All caught bodies kept in this run. */
    maxTotalBytes: z.number().int().min(0).max(2 ** 50).default(8 * GiB),
    /** No byte of a body for this long: 408, the partial body kept. */
    idleTimeoutMs: z.number().int().min(100).max(3_600_000).default(30_000),
    /** The request head must be in within this (Node answers 408). */
    headersTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
    /** Bound to loopback: Host names answered besides localhost and loopback addresses; "*" answers any (a tunnel). */
    allowHosts: z.array(z.string().min(1).max(255).regex(/^[^\s/]+$/, 'is not a host name')).max(64).default([]),
  })
  .strict();
export type CatchLimits = z.infer<typeof CatchLimitsSchema>;

export const CatchStatusSchema = z.union([
  z.object({ running: z.literal(false) }),
  z.object({ running: z.literal(true), host: z.string(), port: z.number().int(), url: z.string(), loopback: z.boolean(), rules: CatchRulesSchema, limits: CatchLimitsSchema }),
]);
export type CatchStatus = z.infer<typeof CatchStatusSchema>;

/** Pushed: a frame's catch events and the summaries of the requests they changed. */
export const CaughtPushSchema = z.object({ kind: z.literal('caught'), events: z.array(CatchEventSchema), requests: z.array(CaughtSummarySchema) });
export type CaughtPush = z.infer<typeof CaughtPushSchema>;

/** A rule as written (defaults not filled in yet). */
export type CatchRuleInput = z.input<typeof CatchRuleSchema>;
