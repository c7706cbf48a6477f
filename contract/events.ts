// The event vocabulary shared by every engine and every side: one event per native status
// callback, lifecycle events around them. The zod schemas are the only definition; every
// type is inferred from them. Strict objects: an unknown field is refused, never dropped.
// Imports nothing of the app.
import { z } from 'zod';
import { CookieOutcomeSchema } from './cookies.js';
import { TlsFactsSchema } from './tls.js';

/** INTERNET_STATUS_* codes (wininet.h), name → code. The curl engine emits the same names. */
export const STATUS = {
  RESOLVING_NAME: 10,
  NAME_RESOLVED: 11,
  CONNECTING_TO_SERVER: 20,
  CONNECTED_TO_SERVER: 21,
  SENDING_REQUEST: 30,
  REQUEST_SENT: 31,
  RECEIVING_RESPONSE: 40,
  RESPONSE_RECEIVED: 41,
  CTL_RESPONSE_RECEIVED: 42,
  PREFETCH: 43,
  CLOSING_CONNECTION: 50,
  CONNECTION_CLOSED: 51,
  HANDLE_CREATED: 60,
  HANDLE_CLOSING: 70,
  DETECTING_PROXY: 80,
  REQUEST_COMPLETE: 100,
  REDIRECT: 110,
  INTERMEDIATE_RESPONSE: 120,
  USER_INPUT_REQUIRED: 140,
  STATE_CHANGE: 200,
  COOKIE_SENT: 320,
  COOKIE_RECEIVED: 321,
  PRIVACY_IMPACTED: 324,
  P3P_HEADER: 325,
  P3P_POLICYREF: 326,
  COOKIE_HISTORY: 327,
  // InetScope's own codes for what WinInet cannot report (the curl engine sees them).
  TLS_HANDSHAKE_DONE: 1001,
  /** The HTTP version the response came in (ALPN's choice over TLS), once per hop, before its head. */
  PROTOCOL_NEGOTIATED: 1002,
  /** The proxy the request goes through, or "direct" (info.proxy, info.reason), once per hop before connecting. */
  PROXY_CHOSEN: 1003,
  /** A CONNECT tunnel through the proxy is asked for (info.address: the tunnel's target host:port). */
  TUNNEL_REQUESTED: 1004,
  /** The proxy answered the CONNECT (info.value: its status; 200 means the tunnel is up). */
  TUNNEL_ESTABLISHED: 1005,
  /** A 401 (or 407) head that the engine answers: info.value the status, info.schemes what the server offered. */
  AUTH_CHALLENGE: 1006,
  /** Closes the challenged hop as REDIRECT does: the next request (with credentials) is hop + 1. */
  AUTH_LEG: 1007,
  /** The server asked for a client certificate (WinInet: ERROR_INTERNET_CLIENT_AUTH_CERT_NEEDED). */
  CLIENT_CERT_REQUESTED: 1010,
  /** A client certificate was handed to the TLS stack; info.subject names it. */
  CLIENT_CERT_SENT: 1011,
} as const;

export type KnownStatusName = keyof typeof STATUS;
const KNOWN_STATUS_NAMES = Object.keys(STATUS) as [KnownStatusName, ...KnownStatusName[]];
const NAME_OF_CODE = new Map<number, KnownStatusName>(KNOWN_STATUS_NAMES.map((name) => [STATUS[name], name]));

/** Unknown codes keep their number: "STATUS_<code>". */
export const StatusNameSchema = z.union([z.enum(KNOWN_STATUS_NAMES), z.templateLiteral(['STATUS_', z.number().int()])]);
export type StatusName = z.infer<typeof StatusNameSchema>;

export function statusName(code: number): StatusName {
  return NAME_OF_CODE.get(code) ?? `STATUS_${code}`;
}

/** Stable error codes, the same for every engine. */
export const ERROR_CODES = [
  'BAD_URL', 'UNSUPPORTED_SCHEME', 'BAD_REQUEST', 'RESOLVE_FAILED', 'CONNECT_FAILED', 'PROXY_FAILED', 'TIMEOUT',
  'TLS_CERT', 'TLS_HANDSHAKE', 'SEND_FAILED', 'RECV_FAILED', 'PARTIAL_BODY', 'BAD_RESPONSE', 'TOO_MANY_REDIRECTS',
  'UPLOAD_READ_FAILED', 'BODY_WRITE_FAILED', 'BODY_CAP_EXCEEDED', 'CANCELLED', 'HOST_CRASHED', 'ENGINE_UNAVAILABLE',
  'INTERNAL',
  /** The client certificate cannot be used: a wrong password, an unreadable or mismatched cert or key (the file is named). */
  'CLIENT_CERT',
  /** This engine cannot send a client certificate here (the message names why, e.g. Wine). */
  'CLIENT_CERT_UNSUPPORTED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const base = {
  /** Request id, minted by the caller. */
  id: z.string(),
  /** 0, 1, 2… per request, no gaps (a push to the page skips superseded progress: core/progress-coalesce.ts). */
  seq: z.number().int().min(0),
  /** Redirect hop or auth leg: 0 for the first request, +1 after each REDIRECT or AUTH_LEG. */
  hop: z.number().int().min(0),
  /** Milliseconds since the request started (monotonic, sub-ms), stamped in the host. */
  t: z.number(),
};

/** Decoded lpvStatusInformation; which fields are present depends on the status. */
export const StatusInfoSchema = z.strictObject({
  /** Byte counts (REQUEST_SENT, RESPONSE_RECEIVED). */
  bytes: z.number().optional(),
  /** Host name or IP address (RESOLVING_NAME, NAME_RESOLVED, CONNECTING/CONNECTED). */
  address: z.string().optional(),
  /** Target of a REDIRECT. */
  url: z.string().optional(),
  /** HINTERNET value as hex (HANDLE_CREATED, HANDLE_CLOSING). */
  handle: z.string().optional(),
  /** INTERNET_ASYNC_RESULT of REQUEST_COMPLETE. */
  result: z.string().optional(),
  error: z.number().optional(),
  /** Which call the REQUEST_COMPLETE finishes (the engine knows what it had pending). */
  op: z.string().optional(),
  /** INTERMEDIATE_RESPONSE status code, STATE_CHANGE flags, other DWORDs. */
  value: z.number().optional(),
  /** Raw bytes as hex when nothing better is known. */
  raw: z.string().optional(),
  /** CONNECTED_TO_SERVER: an existing connection was reused. */
  reused: z.boolean().optional(),
  /** PROTOCOL_NEGOTIATED: "HTTP/1.0", "HTTP/1.1", "HTTP/2" or "HTTP/3". */
  protocol: z.string().optional(),
  /** PROTOCOL_NEGOTIATED: the version the request asked for, when it asked (see HttpVersionChoice). */
  requested: z.string().optional(),
  /** AUTH_CHALLENGE: the schemes of the WWW-Authenticate (or Proxy-Authenticate) headers, as offered. */
  schemes: z.array(z.string()).optional(),
  /** PROXY_CHOSEN: the proxy URL, or "direct". */
  proxy: z.string().optional(),
  /** PROXY_CHOSEN: why ("configured": the request's own; "environment": http_proxy and the like; "system": the OS settings; "bypassed": a no-proxy entry; "none"). */
  reason: z.enum(['configured', 'environment', 'system', 'bypassed', 'none']).optional(),
  /** CLIENT_CERT_SENT: the client certificate's subject. */
  subject: z.string().optional(),
});
export type StatusInfo = z.infer<typeof StatusInfoSchema>;

export const ErrorInfoSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  /** The native error's name, e.g. "ERROR_INTERNET_INVALID_CA", or the code again. */
  name: z.string(),
  message: z.string(),
  /** Native error number, when there is one. */
  native: z.number().optional(),
});
export type EngineErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** libcurl's figures, each measured from the start of the transfer (ms). */
const EngineTimingsSchema = z.strictObject({
  namelookup: z.number(),
  connect: z.number(),
  appconnect: z.number(),
  pretransfer: z.number(),
  starttransfer: z.number(),
  total: z.number(),
  redirect: z.number(),
});
export type EngineTimings = z.infer<typeof EngineTimingsSchema>;

const NativeEventSchema = z.strictObject({
  ...base,
  type: z.literal('native'),
  status: StatusNameSchema,
  code: z.number().int(),
  info: StatusInfoSchema.optional(),
});

const StartedEventSchema = z.strictObject({
  ...base,
  type: z.literal('started'),
  engine: z.string(),
  method: z.string(),
  url: z.string(),
  /** Wall-clock time of t = 0 (ms since the epoch). */
  wallTime: z.number(),
});

const HeadersEventSchema = z.strictObject({
  ...base,
  type: z.literal('headers'),
  statusCode: z.number().int(),
  statusLine: z.string(),
  httpVersion: z.string(),
  /** Raw header block as received (status line first), one char per byte (latin1). */
  rawHeaders: z.string(),
  contentLength: z.number().optional(),
  /** The request headers as the stack sent them, when it can tell. */
  requestHeaders: z.string().optional(),
  /** The 1xx heads (and, on curl, the proxy's 407s it answered) received before this response, as received (curl -i prints them). */
  interimHeads: z.string().optional(),
});

const BodyProgressEventSchema = z.strictObject({
  ...base,
  type: z.literal('body'),
  /** Body bytes received so far. */
  bytes: z.number(),
  total: z.number().optional(),
});

const UploadProgressEventSchema = z.strictObject({ ...base, type: z.literal('upload'), bytes: z.number(), total: z.number() });

/** After a hop's headers, when a cookie jar takes part: the cookies the hop sent, and what its Set-Cookie headers did. */
const CookiesEventSchema = z.strictObject({
  ...base,
  type: z.literal('cookies'),
  /** The names of the jar's cookies in the hop's Cookie header, in the order sent. */
  sent: z.array(z.string()),
  received: z.array(CookieOutcomeSchema),
});

/** A hop's TLS connection: after its handshake (or at the handshake's failure), before its request goes out. */
const TlsEventSchema = z.strictObject({ ...base, type: z.literal('tls'), facts: TlsFactsSchema });

const FinishedEventSchema = z.strictObject({
  ...base,
  type: z.literal('finished'),
  ok: z.boolean(),
  error: ErrorInfoSchema.optional(),
  statusCode: z.number().int().optional(),
  bodyBytes: z.number(),
  uploadBytes: z.number(),
  /** How many native calls returned ERROR_IO_PENDING (each must see a REQUEST_COMPLETE). */
  ioPending: z.number().optional(),
  /**
   * A native call still pending when the request had to end (Wine does not complete a
   * pending receive when its handle is closed): its REQUEST_COMPLETE never came.
   */
  abandoned: z.string().optional(),
  /** The stack's own phase clock where it has one (libcurl's CURLINFO_*_TIME_T), in ms. */
  engineTimings: EngineTimingsSchema.optional(),
  /** Memory sink only: the body, base64. */
  bodyBase64: z.string().optional(),
  /**
   * A request that failed inside a response head: the header lines received before the
   * failure, as received (curl -i prints them). Only where the stack hands lines over one by one.
   */
  partialHead: z.string().optional(),
});

export type NativeEvent = z.infer<typeof NativeEventSchema>;
export type StartedEvent = z.infer<typeof StartedEventSchema>;
export type HeadersEvent = z.infer<typeof HeadersEventSchema>;
export type FinishedEvent = z.infer<typeof FinishedEventSchema>;
export type CookiesEvent = z.infer<typeof CookiesEventSchema>;
export type TlsEvent = z.infer<typeof TlsEventSchema>;

export const eventVariants = [
  NativeEventSchema,
  StartedEventSchema,
  HeadersEventSchema,
  BodyProgressEventSchema,
  UploadProgressEventSchema,
  CookiesEventSchema,
  TlsEventSchema,
  FinishedEventSchema,
] as const;

export const InetEventSchema = z.discriminatedUnion('type', [...eventVariants]);
export type InetEvent = z.infer<typeof InetEventSchema>;

/** Every event without its id/seq/hop/t, which the emitter stamps. */
export type EventPayload = InetEvent extends infer E ? (E extends InetEvent ? Omit<E, keyof typeof base> : never) : never;
