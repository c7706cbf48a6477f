// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as zod schemas: loose where
// real files differ (Chrome's `_`-prefixed extras, missing optional fields), so the same
// schemas read Chrome's files and describe what InetScope writes. Imports nothing of the app.
import { z } from 'zod';

export const HAR_VERSION = '1.2';
/** The custom field InetScope adds to each entry: the raw events of that hop. */
export const INETSCOPE_FIELD = '_inetscope';
/** The custom field with the hop's TLS facts (contract/tls.ts), where the hop ran over TLS. */
export const TLS_FIELD = '_tls';
/** A HAR file is read whole into memory (JSON.parse): bound it. */
export const MAX_HAR_FILE_BYTES = 256 * 1024 * 1024;

const NameValue = z.looseObject({ name: z.string(), value: z.string().default('') });
export type HarNameValue = { name: string; value: string };

const HarCookieSchema = z.looseObject({
  name: z.string(),
  value: z.string().default(''),
  path: z.string().optional(),
  domain: z.string().optional(),
  expires: z.string().nullish(),
  httpOnly: z.boolean().optional(),
  secure: z.boolean().optional(),
});
export type HarCookie = z.infer<typeof HarCookieSchema>;

const HarParamSchema = z.looseObject({
  name: z.string(),
  value: z.string().optional(),
  fileName: z.string().optional(),
  contentType: z.string().optional(),
});

const HarPostDataSchema = z.looseObject({
  mimeType: z.string().default(''),
  text: z.string().optional(),
  params: z.array(HarParamSchema).optional(),
  comment: z.string().optional(),
  /** Not in the spec; some tools (and InetScope, for a binary body) write base64 text with it. */
  _encoding: z.string().optional(),
  encoding: z.string().optional(),
});
export type HarPostData = z.infer<typeof HarPostDataSchema>;

const HarRequestSchema = z.looseObject({
  method: z.string().min(1),
  url: z.string().min(1),
  httpVersion: z.string().default('HTTP/1.1'),
  cookies: z.array(HarCookieSchema).default([]),
  headers: z.array(NameValue).default([]),
  queryString: z.array(NameValue).default([]),
  postData: HarPostDataSchema.optional(),
  headersSize: z.number().int().default(-1),
  bodySize: z.number().int().default(-1),
  comment: z.string().optional(),
});
export type HarRequest = z.infer<typeof HarRequestSchema>;

export const HarContentSchema = z.looseObject({
  size: z.number().default(0),
  compression: z.number().optional(),
  mimeType: z.string().default(''),
  text: z.string().optional(),
  encoding: z.string().optional(),
  comment: z.string().optional(),
});
export type HarContent = z.infer<typeof HarContentSchema>;

const HarResponseSchema = z.looseObject({
  status: z.number().int(),
  statusText: z.string().default(''),
  httpVersion: z.string().default(''),
  cookies: z.array(HarCookieSchema).default([]),
  headers: z.array(NameValue).default([]),
  content: HarContentSchema.default({ size: 0, mimeType: '' }),
  redirectURL: z.string().default(''),
  headersSize: z.number().int().default(-1),
  bodySize: z.number().int().default(-1),
  comment: z.string().optional(),
});
export type HarResponse = z.infer<typeof HarResponseSchema>;

/** -1 marks a phase that does not apply; Chrome also writes other negative values: read as -1. */
const Timing = z.number().transform((v) => (v < 0 ? -1 : v));

const HarTimingsSchema = z.looseObject({
  blocked: Timing.optional(),
  dns: Timing.optional(),
  connect: Timing.optional(),
  ssl: Timing.optional(),
  send: Timing.default(0),
  wait: Timing.default(0),
  receive: Timing.default(0),
  comment: z.string().optional(),
});
export type HarTimings = z.infer<typeof HarTimingsSchema>;

export const HarEntrySchema = z.looseObject({
  pageref: z.string().optional(),
  startedDateTime: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a date and time'),
  time: z.number().default(0),
  request: HarRequestSchema,
  response: HarResponseSchema,
  cache: z.looseObject({}).default({}),
  timings: HarTimingsSchema.default({ send: 0, wait: 0, receive: 0 }),
  serverIPAddress: z.string().optional(),
  connection: z.string().optional(),
  /** InetScope's: the route of this hop (PROXY_CHOSEN), where HAR has no field for it. */
  _proxy: z.looseObject({ proxy: z.string(), reason: z.enum(['configured', 'environment', 'system', 'bypassed', 'none']) }).optional().catch(undefined),
  comment: z.string().optional(),
});
export type HarEntry = z.infer<typeof HarEntrySchema>;

/** The file's frame: entries are checked one by one, so one bad entry does not reject the file. */
export const HarFileSchema = z.looseObject({
  log: z.looseObject({
    version: z.string().optional(),
    creator: z.looseObject({ name: z.string(), version: z.string() }).optional(),
    pages: z.array(z.unknown()).optional(),
    entries: z.array(z.unknown()),
  }),
});
