// koffi declarations of the WinInet W APIs (wininet.h) and the few kernel32 helpers
// the engine needs. Loaded lazily: this module is imported only inside the engine host.
import koffi from 'koffi';

/** The OS proxy settings (WinInet's autoproxy: bypass list, auto-detect, PAC). */
export const INTERNET_OPEN_TYPE_PRECONFIG = 0;
export const INTERNET_OPEN_TYPE_DIRECT = 1;
export const INTERNET_OPEN_TYPE_PROXY = 3;
export const INTERNET_OPTION_PROXY = 38;
export const INTERNET_OPTION_PROXY_USERNAME = 43;
export const INTERNET_OPTION_PROXY_PASSWORD = 44;
export const INTERNET_FLAG_ASYNC = 0x10000000;
export const INTERNET_SERVICE_HTTP = 3;

export const INTERNET_FLAG_RELOAD = 0x80000000;
export const INTERNET_FLAG_NO_CACHE_WRITE = 0x04000000;
export const INTERNET_FLAG_SECURE = 0x00800000;
export const INTERNET_FLAG_NO_AUTO_REDIRECT = 0x00200000;
export const INTERNET_FLAG_NO_COOKIES = 0x00080000;
export const INTERNET_FLAG_NO_AUTH = 0x00040000;
export const INTERNET_FLAG_NO_UI = 0x00000200;
export const INTERNET_FLAG_IGNORE_REDIRECT_TO_HTTP = 0x00008000;
export const INTERNET_FLAG_IGNORE_REDIRECT_TO_HTTPS = 0x00004000;

export const HTTP_ADDREQ_FLAG_ADD = 0x20000000;
export const HTTP_ADDREQ_FLAG_REPLACE = 0x80000000;

export const HTTP_QUERY_STATUS_CODE = 19;
export const HTTP_QUERY_RAW_HEADERS_CRLF = 22;
export const HTTP_QUERY_CUSTOM = 65535;

export const INTERNET_OPTION_CONNECT_TIMEOUT = 2;
export const INTERNET_OPTION_SEND_TIMEOUT = 5;
export const INTERNET_OPTION_ENABLE_HTTP_PROTOCOL = 148;
export const INTERNET_OPTION_HTTP_PROTOCOL_USED = 149;
export const HTTP_PROTOCOL_FLAG_HTTP2 = 0x2;
export const INTERNET_OPTION_RECEIVE_TIMEOUT = 6;
export const INTERNET_OPTION_SECURITY_FLAGS = 31;
export const INTERNET_OPTION_SECURITY_CERTIFICATE_STRUCT = 32;
export const INTERNET_OPTION_SERVER_CERT_CHAIN_CONTEXT = 105;
export const INTERNET_OPTION_MAX_CONNS_PER_SERVER = 73;

export const SECURITY_FLAG_IGNORE_REVOCATION = 0x00000080;
export const SECURITY_FLAG_IGNORE_UNKNOWN_CA = 0x00000100;
const SECURITY_FLAG_IGNORE_WRONG_USAGE = 0x00000200;
const SECURITY_FLAG_IGNORE_CERT_CN_INVALID = 0x00001000;
const SECURITY_FLAG_IGNORE_CERT_DATE_INVALID = 0x00002000;
export const SECURITY_FLAGS_IGNORE_ALL =
  SECURITY_FLAG_IGNORE_REVOCATION |
  SECURITY_FLAG_IGNORE_UNKNOWN_CA |
  SECURITY_FLAG_IGNORE_WRONG_USAGE |
  SECURITY_FLAG_IGNORE_CERT_CN_INVALID |
  SECURITY_FLAG_IGNORE_CERT_DATE_INVALID;

export const ERROR_INSUFFICIENT_BUFFER = 122;
export const ERROR_IO_PENDING = 997;

/**
 * Each WinInet worker thread that calls our status callback holds one of koffi's relay
 * slots until the JS thread has run it. Reads abandoned on stalled connections (Wine never
 * completes them) all call back at once when the server finally closes: past koffi's
 * default of 256 slots it throws on the foreign thread, a fatal napi error. The engine
 * keeps live plus abandoned requests under MAX_RELAYED_CALLBACKS (engine.ts).
 */
export const MAX_RELAYED_CALLBACKS = 4096;
koffi.config({ max_async_calls: MAX_RELAYED_CALLBACKS });

const wininet = koffi.load('wininet.dll');
const kernel32 = koffi.load('kernel32.dll');
const crypt32 = koffi.load('crypt32.dll');

export const StatusCallback = koffi.proto(
  'void __stdcall InternetStatusCallback(void *hInternet, uintptr_t dwContext, uint32_t dwInternetStatus, void *lpvStatusInformation, uint32_t dwStatusInformationLength)',
);

/** INTERNET_BUFFERSW; lives in koffi.alloc memory while HttpSendRequestExW may use it. */
export const INTERNET_BUFFERSW = koffi.struct('INTERNET_BUFFERSW', {
  dwStructSize: 'uint32_t',
  Next: 'void *',
  lpcszHeader: 'void *',
  dwHeadersLength: 'uint32_t',
  dwHeadersTotal: 'uint32_t',
  lpvBuffer: 'void *',
  dwBufferLength: 'uint32_t',
  dwBufferTotal: 'uint32_t',
  dwOffsetLow: 'uint32_t',
  dwOffsetHigh: 'uint32_t',
});

/** INTERNET_PROXY_INFOW: what INTERNET_OPTION_PROXY reports of a session. */
export const INTERNET_PROXY_INFOW = koffi.struct('INTERNET_PROXY_INFOW', {
  dwAccessType: 'uint32_t',
  lpszProxy: 'str16',
  lpszProxyBypass: 'str16',
});

// Every pointer argument that WinInet may still touch after an async call returns is a
// `void *` here, so only koffi.alloc memory can be passed (never a movable JS buffer).
export const api = {
  InternetOpenW: wininet.func(
    'void * __stdcall InternetOpenW(str16 agent, uint32_t accessType, str16 proxy, str16 bypass, uint32_t flags)',
  ),
  InternetSetStatusCallbackW: wininet.func(
    'void * __stdcall InternetSetStatusCallbackW(void *h, InternetStatusCallback *cb)',
  ),
  InternetConnectW: wininet.func(
    'void * __stdcall InternetConnectW(void *h, str16 server, uint16_t port, str16 user, str16 password, uint32_t service, uint32_t flags, uintptr_t ctx)',
  ),
  HttpOpenRequestW: wininet.func(
    'void * __stdcall HttpOpenRequestW(void *h, str16 verb, str16 object, str16 version, str16 referrer, void *acceptTypes, uint32_t flags, uintptr_t ctx)',
  ),
  HttpAddRequestHeadersW: wininet.func(
    'bool __stdcall HttpAddRequestHeadersW(void *h, str16 headers, uint32_t length, uint32_t modifiers)',
  ),
  HttpSendRequestW: wininet.func(
    'bool __stdcall HttpSendRequestW(void *h, str16 headers, uint32_t headersLength, void *optional, uint32_t optionalLength)',
  ),
  HttpSendRequestExW: wininet.func(
    'bool __stdcall HttpSendRequestExW(void *h, void *buffersIn, void *buffersOut, uint32_t flags, uintptr_t ctx)',
  ),
  HttpEndRequestW: wininet.func(
    'bool __stdcall HttpEndRequestW(void *h, void *buffersOut, uint32_t flags, uintptr_t ctx)',
  ),
  InternetWriteFile: wininet.func(
    'bool __stdcall InternetWriteFile(void *h, void *buffer, uint32_t length, void *written)',
  ),
  InternetReadFile: wininet.func('bool __stdcall InternetReadFile(void *h, void *buffer, uint32_t length, void *read)'),
  InternetQueryDataAvailable: wininet.func(
    'bool __stdcall InternetQueryDataAvailable(void *h, void *available, uint32_t flags, uintptr_t ctx)',
  ),
  // Synchronous: a JS Buffer is fine for these.
  HttpQueryInfoW: wininet.func(
    'bool __stdcall HttpQueryInfoW(void *h, uint32_t level, _Out_ uint8_t *buffer, _Inout_ uint32_t *length, void *index)',
  ),
  InternetSetOptionW: wininet.func(
    'bool __stdcall InternetSetOptionW(void *h, uint32_t option, _In_ uint32_t *buffer, uint32_t length)',
  ),
  InternetSetOptionStrW: wininet.func(
    'bool __stdcall InternetSetOptionW(void *h, uint32_t option, str16 buffer, uint32_t length)',
  ),
  // The strings it points to live in the same koffi.alloc buffer (the struct is decoded before it is freed).
  InternetQueryOptionW: wininet.func(
    'bool __stdcall InternetQueryOptionW(void *h, uint32_t option, void *buffer, _Inout_ uint32_t *length)',
  ),
  InternetCloseHandle: wininet.func('bool __stdcall InternetCloseHandle(void *h)'),
  // The response head in the ANSI code page it was decoded with: its bytes as received.
  HttpQueryInfoA: wininet.func(
    'bool __stdcall HttpQueryInfoA(void *h, uint32_t level, _Out_ uint8_t *buffer, _Inout_ uint32_t *length, void *index)',
  ),
  // The server certificate (see server-cert.ts): in-memory lookups, never a network wait.
  InternetQueryOptionA: wininet.func(
    'bool __stdcall InternetQueryOptionA(void *h, uint32_t option, _Out_ uint8_t *buffer, _Inout_ uint32_t *length)',
  ),
  CertFreeCertificateChain: crypt32.func('void __stdcall CertFreeCertificateChain(void *chain)'),
  LocalFree: kernel32.func('void * __stdcall LocalFree(void *mem)'),
  GetLastError: kernel32.func('uint32_t __stdcall GetLastError()'),
  // Copies between koffi.alloc memory and JS buffers (no external views: they throw in Electron).
  CopyToNative: kernel32.func('void __stdcall RtlMoveMemory(void *dst, const uint8_t *src, size_t n)'),
  CopyFromNative: kernel32.func('void __stdcall RtlMoveMemory(uint8_t *dst, const void *src, size_t n)'),
  // Bytes in the ANSI code page to UTF-16, as WinInet decodes what it receives (see ansi.ts).
  MultiByteToWideChar: kernel32.func(
    'int __stdcall MultiByteToWideChar(uint32_t codePage, uint32_t flags, const uint8_t *src, int srcLength, _Out_ uint8_t *dst, int dstChars)',
  ),
};

export function isNull(p: unknown): boolean {
  return p === null || p === undefined || p === 0n || p === 0;
}

export function handleHex(p: unknown): string {
  if (typeof p === 'bigint' || typeof p === 'number') return `0x${p.toString(16)}`;
  return String(p);
}

export { koffi };
