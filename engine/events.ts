// The event vocabulary shared by every engine: one event per native status callback,
// lifecycle events around them, and pure phase derivation. Imports nothing of the app.

/** INTERNET_STATUS_* codes (wininet.h). The curl engine maps onto the same names. */
export const STATUS_NAMES = {
  10: 'RESOLVING_NAME',
  11: 'NAME_RESOLVED',
  20: 'CONNECTING_TO_SERVER',
  21: 'CONNECTED_TO_SERVER',
  30: 'SENDING_REQUEST',
  31: 'REQUEST_SENT',
  40: 'RECEIVING_RESPONSE',
  41: 'RESPONSE_RECEIVED',
  42: 'CTL_RESPONSE_RECEIVED',
  43: 'PREFETCH',
  50: 'CLOSING_CONNECTION',
  51: 'CONNECTION_CLOSED',
  60: 'HANDLE_CREATED',
  70: 'HANDLE_CLOSING',
  80: 'DETECTING_PROXY',
  100: 'REQUEST_COMPLETE',
  110: 'REDIRECT',
  120: 'INTERMEDIATE_RESPONSE',
  140: 'USER_INPUT_REQUIRED',
  200: 'STATE_CHANGE',
  320: 'COOKIE_SENT',
  321: 'COOKIE_RECEIVED',
  324: 'PRIVACY_IMPACTED',
  325: 'P3P_HEADER',
  326: 'P3P_POLICYREF',
  327: 'COOKIE_HISTORY',
  // InetScope's own codes for what WinInet cannot report (the curl engine sees them).
  1001: 'TLS_HANDSHAKE_DONE',
} as const;

export type StatusCode = keyof typeof STATUS_NAMES;
export type KnownStatusName = (typeof STATUS_NAMES)[StatusCode];
/** Unknown codes keep their number: "STATUS_<code>". */
export type StatusName = KnownStatusName | `STATUS_${number}`;

export function statusName(code: number): StatusName {
  return (STATUS_NAMES as Record<number, KnownStatusName>)[code] ?? `STATUS_${code}`;
}

/** Decoded lpvStatusInformation; which fields are present depends on the status. */
export interface StatusInfo {
  /** Byte counts (REQUEST_SENT, RESPONSE_RECEIVED). */
  bytes?: number;
  /** Host name or IP address (RESOLVING_NAME, NAME_RESOLVED, CONNECTING/CONNECTED). */
  address?: string;
  /** Target of a REDIRECT. */
  url?: string;
  /** HINTERNET value as hex (HANDLE_CREATED, HANDLE_CLOSING). */
  handle?: string;
  /** INTERNET_ASYNC_RESULT of REQUEST_COMPLETE. */
  result?: string;
  error?: number;
  /** Which call the REQUEST_COMPLETE finishes (the engine knows what it had pending). */
  op?: string;
  /** INTERMEDIATE_RESPONSE status code, STATE_CHANGE flags, other DWORDs. */
  value?: number;
  /** Raw bytes as hex when nothing better is known. */
  raw?: string;
  /** CONNECTED_TO_SERVER: an existing connection was reused. */
  reused?: boolean;
}

interface Base {
  /** Request id, minted by the caller. */
  id: string;
  /** 0, 1, 2… per request, no gaps. */
  seq: number;
  /** Redirect hop: 0 for the first request, +1 after each REDIRECT. */
  hop: number;
  /** Milliseconds since the request started (monotonic, sub-ms), stamped in the host. */
  t: number;
}

export interface StartedEvent extends Base {
  type: 'started';
  engine: string;
  method: string;
  url: string;
  /** Wall-clock time of t = 0 (ms since the epoch). */
  wallTime: number;
}

export interface NativeEvent extends Base {
  type: 'native';
  status: StatusName;
  code: number;
  info?: StatusInfo;
}

export interface HeadersEvent extends Base {
  type: 'headers';
  statusCode: number;
  statusLine: string;
  httpVersion: string;
  /** Raw header block as received (status line first), one char per byte (latin1). */
  rawHeaders: string;
  contentLength?: number;
  /** The request headers as the stack sent them, when it can tell. */
  requestHeaders?: string;
  /** The 1xx heads received before this response, one after another as received (curl -i prints them). */
  interimHeads?: string;
}

export interface BodyProgressEvent extends Base {
  type: 'body';
  /** Body bytes received so far. */
  bytes: number;
  total?: number;
}

export interface UploadProgressEvent extends Base {
  type: 'upload';
  bytes: number;
  total: number;
}

/** Stable error codes, the same for every engine. */
export const ERROR_CODES = [
  'BAD_URL',
  'UNSUPPORTED_SCHEME',
  'BAD_REQUEST',
  'RESOLVE_FAILED',
  'CONNECT_FAILED',
  'PROXY_FAILED',
  'TIMEOUT',
  'TLS_CERT',
  'TLS_HANDSHAKE',
  'SEND_FAILED',
  'RECV_FAILED',
  'PARTIAL_BODY',
  'BAD_RESPONSE',
  'TOO_MANY_REDIRECTS',
  'UPLOAD_READ_FAILED',
  'BODY_WRITE_FAILED',
  'BODY_CAP_EXCEEDED',
  'CANCELLED',
  'HOST_CRASHED',
  'ENGINE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface EngineErrorInfo {
  code: ErrorCode;
  /** The native error's name, e.g. "ERROR_INTERNET_INVALID_CA", or the code again. */
  name: string;
  message: string;
  /** Native error number, when there is one. */
  native?: number;
}

export interface FinishedEvent extends Base {
  type: 'finished';
  ok: boolean;
  error?: EngineErrorInfo;
  statusCode?: number;
  bodyBytes: number;
  uploadBytes: number;
  /** How many native calls returned ERROR_IO_PENDING (each must see a REQUEST_COMPLETE). */
  ioPending?: number;
  /**
   * A native call still pending when the request had to end (Wine does not complete a
   * pending receive when its handle is closed): its REQUEST_COMPLETE never came.
   */
  abandoned?: string;
  /** The stack's own phase clock where it has one (libcurl's CURLINFO_*_TIME_T), in ms. */
  engineTimings?: EngineTimings;
  /** Memory sink only: the body, base64. */
  bodyBase64?: string;
  /**
   * A request that failed inside a response head: the header lines received before the
   * failure, as received (curl -i prints them). Only where the stack hands lines over one by one.
   */
  partialHead?: string;
}

/** libcurl's figures, each measured from the start of the transfer (ms). */
export interface EngineTimings {
  namelookup: number;
  connect: number;
  appconnect: number;
  pretransfer: number;
  starttransfer: number;
  total: number;
  redirect: number;
}

export type LifecycleEvent = StartedEvent | HeadersEvent | BodyProgressEvent | UploadProgressEvent | FinishedEvent;
export type InetEvent = NativeEvent | LifecycleEvent;

/** Every event without its id/seq/hop/t, which the emitter stamps. */
export type EventPayload = InetEvent extends infer E ? (E extends InetEvent ? Omit<E, keyof Base> : never) : never;
