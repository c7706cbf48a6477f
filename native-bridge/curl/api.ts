// koffi declarations of the system libcurl (libcurl.so.4 / libcurl.4.dylib / a DLL) and
// the numbers of curl.h the engine uses. Loaded only inside the engine host.
import koffi from 'koffi';
import type { EngineTimings } from '../../contract/events.js';

class LibcurlMissing extends Error {}

const CANDIDATES: Record<string, string[]> = {
  linux: ['libcurl.so.4', 'libcurl-gnutls.so.4'],
  darwin: ['libcurl.4.dylib', '/usr/lib/libcurl.4.dylib'],
  win32: ['libcurl-x64.dll', 'libcurl.dll'],
};

function loadLibcurl(): ReturnType<typeof koffi.load> {
  const names = CANDIDATES[process.platform] ?? ['libcurl.so.4'];
  const errors: string[] = [];
  for (const name of names) {
    try {
      return koffi.load(name);
    } catch (e) {
      errors.push(`${name}: ${(e as Error).message}`);
    }
  }
  throw new LibcurlMissing(
    `libcurl is not available (${errors.join('; ')}); install it (Debian/Ubuntu: apt-get install libcurl4; ` +
      'macOS ships it; Windows: put libcurl-x64.dll next to the app) or use --engine wininet',
  );
}

const lib = loadLibcurl();
const libc = process.platform === 'win32' ? null : koffi.load(process.platform === 'darwin' ? 'libSystem.B.dylib' : 'libc.so.6');

// Callback prototypes; userdata is the transfer's numeric id, passed as intptr_t.
export const WriteCb = koffi.proto('size_t CurlWriteCb(void *ptr, size_t size, size_t nmemb, intptr_t userdata)');
export const ReadCb = koffi.proto('size_t CurlReadCb(void *buffer, size_t size, size_t nitems, intptr_t userdata)');
export const DebugCb = koffi.proto('int CurlDebugCb(void *handle, int type, void *data, size_t size, intptr_t userdata)');
export const OpenSocketCb = koffi.proto('int CurlOpenSocketCb(intptr_t clientp, int purpose, void *address)');
export const CloseSocketCb = koffi.proto('int CurlCloseSocketCb(intptr_t clientp, int item)');
export const ResolverStartCb = koffi.proto('int CurlResolverStartCb(void *state, void *reserved, intptr_t userdata)');
export const SeekCb = koffi.proto('int CurlSeekCb(intptr_t userp, int64_t offset, int origin)');
export const PrereqCb = koffi.proto('int CurlPrereqCb(intptr_t clientp, const char *primaryIp, const char *localIp, int primaryPort, int localPort)');

export const curl = {
  global_init: lib.func('int curl_global_init(long flags)'),
  version: lib.func('const char *curl_version()'),
  version_info: lib.func('void *curl_version_info(int age)'),
  easy_init: lib.func('void *curl_easy_init()'),
  easy_cleanup: lib.func('void curl_easy_cleanup(void *h)'),
  easy_setopt: lib.func('int curl_easy_setopt(void *h, int option, ...)'),
  easy_getinfo: lib.func('int curl_easy_getinfo(void *h, int info, ...)'),
  easy_strerror: lib.func('const char *curl_easy_strerror(int code)'),
  multi_init: lib.func('void *curl_multi_init()'),
  multi_cleanup: lib.func('int curl_multi_cleanup(void *m)'),
  multi_add_handle: lib.func('int curl_multi_add_handle(void *m, void *h)'),
  multi_remove_handle: lib.func('int curl_multi_remove_handle(void *m, void *h)'),
  multi_perform: lib.func('int curl_multi_perform(void *m, _Out_ int *running)'),
  multi_poll: lib.func('int curl_multi_poll(void *m, void *extraFds, uint32_t n, int timeoutMs, _Out_ int *numfds)'),
  multi_wakeup: lib.func('int curl_multi_wakeup(void *m)'),
  multi_info_read: lib.func('void *curl_multi_info_read(void *m, _Out_ int *msgsInQueue)'),
  slist_append: lib.func('void *curl_slist_append(void *list, const char *s)'),
  slist_free_all: lib.func('void curl_slist_free_all(void *list)'),
};

/** What opensocket/closesocket need: libcurl leaves socket creation to us there. */
export const sockets = {
  socket: libc ? libc.func('int socket(int domain, int type, int protocol)') : null,
  close: libc ? libc.func('int close(int fd)') : null,
  memcpy: libc ? libc.func('void *memcpy(void *dst, const uint8_t *src, size_t n)') : null,
};

const copyOut = libc ? libc.func('void *memcpy(uint8_t *dst, const void *src, size_t n)') : null;

/**
 * The n bytes at ptr, copied into `scratch` (reused: valid until the next call) where
 * libc's memcpy is at hand; koffi.decode allocates a new array per call, ten times slower.
 */
export function readNative(ptr: unknown, n: number, scratch: Buffer): Uint8Array {
  if (!copyOut || n > scratch.length) return koffi.decode(ptr, 'uint8_t', n) as Uint8Array;
  copyOut(scratch, ptr, n);
  return scratch.subarray(0, n);
}

/** Copies a JS buffer into native memory libcurl handed us. */
export function writeNative(ptr: unknown, data: Buffer, n: number): void {
  if (sockets.memcpy) sockets.memcpy(ptr, data, n);
  else koffi.encode(ptr, koffi.array('uint8_t', n), data.subarray(0, n));
}

/** The first n bytes of a debug callback's data, as text (header and verbose lines are latin1). */
export function debugText(data: unknown, n: number): string {
  return Buffer.from(koffi.decode(data, 'uint8_t', n) as Uint8Array).toString('latin1');
}

export const CURL_GLOBAL_ALL = 3;
export const CURLMSG_DONE = 1;
export const CURL_READFUNC_ABORT = 0x10000000;

export const OPT = {
  WRITEDATA: 10001,
  URL: 10002,
  ERRORBUFFER: 10010,
  PROXY: 10004,
  HTTPAUTH: 107,
  USERNAME: 10173,
  PASSWORD: 10174,
  PROXYUSERNAME: 10175,
  PROXYPASSWORD: 10176,
  NOPROXY: 10177,
  /** CURLAUTH_* bitmask for the proxy. */
  PROXYAUTH: 111,
  READDATA: 10009,
  WRITEFUNCTION: 20011,
  READFUNCTION: 20012,
  LOW_SPEED_LIMIT: 19,
  LOW_SPEED_TIME: 20,
  USERAGENT: 10018,
  HTTPHEADER: 10023,
  HEADERDATA: 10029,
  CUSTOMREQUEST: 10036,
  VERBOSE: 41,
  NOBODY: 44,
  UPLOAD: 46,
  POST: 47,
  POSTFIELDSIZE_LARGE: 30120,
  SEEKFUNCTION: 20167,
  SEEKDATA: 10168,
  FOLLOWLOCATION: 52,
  SSL_VERIFYPEER: 64,
  CAINFO: 10065,
  SSLCERT: 10025,
  KEYPASSWD: 10026,
  SSLCERTTYPE: 10086,
  SSLKEY: 10087,
  CAPATH: 10097,
  MAXREDIRS: 68,
  HEADERFUNCTION: 20079,
  SSL_VERIFYHOST: 81,
  DEBUGFUNCTION: 20094,
  DEBUGDATA: 10095,
  BUFFERSIZE: 98,
  NOSIGNAL: 99,
  INFILESIZE_LARGE: 30115,
  TIMEOUT_MS: 155,
  CONNECTTIMEOUT_MS: 156,
  HTTP_CONTENT_DECODING: 158,
  OPENSOCKETFUNCTION: 20163,
  OPENSOCKETDATA: 10164,
  CLOSESOCKETFUNCTION: 20208,
  CLOSESOCKETDATA: 10209,
  PROXY_SSL_VERIFYPEER: 248,
  PROXY_SSL_VERIFYHOST: 249,
  RESOLVER_START_FUNCTION: 20272,
  RESOLVER_START_DATA: 10273,
  SUPPRESS_CONNECT_HEADERS: 265,
  PREREQFUNCTION: 20312,
  PREREQDATA: 10313,
  /** libcurl ≥ 7.85: comma-separated scheme lists. */
  PROTOCOLS_STR: 10318,
  REDIR_PROTOCOLS_STR: 10319,
  HTTP_VERSION: 84,
  /** Wait for a connection that may multiplex rather than open another (HTTP/2). */
  PIPEWAIT: 237,
  /** Older libcurl: the same as CURLPROTO_* bitmasks. */
  PROTOCOLS: 181,
  REDIR_PROTOCOLS: 182,
} as const;

/** CURLAUTH_*: ANY is ~CURLAUTH_DIGEST_IE, as a signed C long. */
export const CURLAUTH = { basic: 1, digest: 2, negotiate: 4, ntlm: 8, any: ~16 } as const;

export const CURLPROTO_HTTP = 1 << 0;
export const CURLPROTO_HTTPS = 1 << 1;
export const CURLE_UNKNOWN_OPTION = 48;

const STRING = 0x100000;
const LONG = 0x200000;
const OFF_T = 0x600000;
export const INFO = {
  RESPONSE_CODE: LONG + 2,
  REDIRECT_URL: STRING + 31,
  PRIMARY_IP: STRING + 32,
  PRIMARY_PORT: LONG + 40,
  NUM_CONNECTS: LONG + 26,
  /** CURL_HTTP_VERSION_* of the last response (libcurl ≥ 7.50). */
  HTTP_VERSION: LONG + 46,
  TOTAL_TIME_T: OFF_T + 50,
  NAMELOOKUP_TIME_T: OFF_T + 51,
  CONNECT_TIME_T: OFF_T + 52,
  PRETRANSFER_TIME_T: OFF_T + 53,
  STARTTRANSFER_TIME_T: OFF_T + 54,
  REDIRECT_TIME_T: OFF_T + 55,
  APPCONNECT_TIME_T: OFF_T + 56,
} as const;

export function getLong(h: unknown, info: number): number {
  const out = [0];
  curl.easy_getinfo(h, info, '_Out_ long *', out);
  return Number(out[0]);
}

export function getOffT(h: unknown, info: number): number {
  const out = [0];
  curl.easy_getinfo(h, info, '_Out_ int64_t *', out);
  return Number(out[0]);
}

/** libcurl's own phase times of a transfer (CURLINFO_*_TIME_T, µs), in ms. */
export function transferTimings(h: unknown): EngineTimings {
  const ms = (info: number) => getOffT(h, info) / 1000;
  return {
    namelookup: ms(INFO.NAMELOOKUP_TIME_T), connect: ms(INFO.CONNECT_TIME_T), appconnect: ms(INFO.APPCONNECT_TIME_T),
    pretransfer: ms(INFO.PRETRANSFER_TIME_T), starttransfer: ms(INFO.STARTTRANSFER_TIME_T), total: ms(INFO.TOTAL_TIME_T),
    redirect: ms(INFO.REDIRECT_TIME_T),
  };
}

export { koffi };

const FEATURE_BITS: Array<[number, string]> = [
  [1 << 0, 'IPv6'], [1 << 2, 'SSL'], [1 << 3, 'libz'], [1 << 7, 'AsynchDNS'], [1 << 16, 'HTTP2'],
  [1 << 21, 'HTTPS-proxy'], [1 << 23, 'brotli'], [1 << 25, 'HTTP3'], [1 << 26, 'zstd'], [1 << 28, 'HSTS'],
];

/** The feature names of the loaded libcurl (curl -V's "Features:" that the engine knows). */
export function libcurlFeatures(): string[] {
  // curl_version_info_data: int age; const char *version; unsigned version_num; const char *host; int features; …
  const info = curl.version_info(10);
  const features = koffi.decode(info, 32, 'int') as number;
  return FEATURE_BITS.filter(([bit]) => (features & bit) !== 0).map(([, name]) => name);
}

/** "libcurl/7.88.1 OpenSSL/3.0.19 … (features: IPv6 SSL …)" */
export function describeLibcurl(): string {
  return `${curl.version() as string} (features: ${libcurlFeatures().join(' ')})`;
}
