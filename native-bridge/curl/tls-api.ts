// What libcurl reports of a connection's TLS: CURLINFO_CERTINFO (the chain as text + PEM),
// CURLINFO_SSL_VERIFYRESULT, CURLINFO_TLS_SSL_PTR (the OpenSSL SSL*), and, through that
// pointer, OpenSSL's own names of the version, cipher and ALPN choice. libssl is the one
// libcurl already loaded (same soname), so the SSL* is read by the library that made it.
import { curl, koffi } from './api.js';

const SLIST = 0x400000;
const PTR = 0x400000;
const LONG = 0x200000;
const INFO_CERTINFO = SLIST + 34;
const INFO_TLS_SSL_PTR = PTR + 45;
const INFO_SSL_VERIFYRESULT = LONG + 13;
const CURLSSLBACKEND_OPENSSL = 1;
/** CURLOPT_CERTINFO: collect the chain during the handshake. */
export const OPT_CERTINFO = 172;
const MAX_CERTS = 16;

const Slist = koffi.struct('inetscope_curl_slist', { data: 'const char *', next: 'void *' });
const CertInfo = koffi.struct('inetscope_curl_certinfo', { num: 'int', certinfo: 'void *' });
const SessionInfo = koffi.struct('inetscope_curl_tlssessioninfo', { backend: 'int', internals: 'void *' });

interface OpenSsl {
  version(ssl: unknown): string;
  cipher(ssl: unknown): string | undefined;
  alpn(ssl: unknown): string | undefined;
  verifyError(code: number): string;
}

function loadOpenSsl(): OpenSsl | string {
  if (!/OpenSSL\/3/.test(curl.version() as string)) return `libcurl is built on ${String(curl.version()).split(' ')[1] ?? 'another TLS library'}, not OpenSSL 3`;
  try {
    const ssl = koffi.load('libssl.so.3');
    const crypto = koffi.load('libcrypto.so.3');
    const getVersion = ssl.func('const char *SSL_get_version(void *ssl)');
    const getCipher = ssl.func('void *SSL_get_current_cipher(void *ssl)');
    const cipherName = ssl.func('const char *SSL_CIPHER_get_name(void *cipher)');
    const alpnSelected = ssl.func('void SSL_get0_alpn_selected(void *ssl, _Out_ void **data, _Out_ unsigned int *len)');
    const verifyString = crypto.func('const char *X509_verify_cert_error_string(long n)');
    return {
      version: (s) => getVersion(s) as string,
      cipher: (s) => {
        const c = getCipher(s);
        return c ? (cipherName(c) as string) : undefined;
      },
      alpn: (s) => {
        const data: unknown[] = [null];
        const len = [0];
        alpnSelected(s, data, len);
        return data[0] && len[0] ? Buffer.from(koffi.decode(data[0], 'uint8_t', len[0]) as Uint8Array).toString('latin1') : undefined;
      },
      verifyError: (n) => verifyString(n) as string,
    };
  } catch (e) {
    return `libssl.so.3 could not be loaded: ${(e as Error).message}`;
  }
}

/** OpenSSL's functions, or why they cannot be used (then version and cipher are named missing). */
export const openssl: OpenSsl | string = process.platform === 'linux' ? loadOpenSsl() : 'OpenSSL is read only on Linux builds';

/** CURLINFO_CERTINFO: per certificate its "Name:value" lines, leaf first. */
export function certInfo(easy: unknown): string[][] {
  const out: unknown[] = [null];
  if (curl.easy_getinfo(easy, INFO_CERTINFO, '_Out_ void **', out) !== 0 || !out[0]) return [];
  const info = koffi.decode(out[0], CertInfo) as { num: number; certinfo: unknown };
  const n = Math.min(info.num, MAX_CERTS);
  if (n <= 0 || !info.certinfo) return [];
  const lists = koffi.decode(info.certinfo, koffi.array('void *', n)) as unknown[];
  return lists.map((head) => {
    const lines: string[] = [];
    for (let p = head; p && lines.length < 256; ) {
      const node = koffi.decode(p, Slist) as { data: string | null; next: unknown };
      if (node.data !== null) lines.push(node.data);
      p = node.next;
    }
    return lines;
  });
}

/** The OpenSSL SSL* of the transfer's connection, or undefined (not OpenSSL, no TLS). */
export function sslPointer(easy: unknown): unknown {
  const out: unknown[] = [null];
  if (curl.easy_getinfo(easy, INFO_TLS_SSL_PTR, '_Out_ void **', out) !== 0 || !out[0]) return undefined;
  const s = koffi.decode(out[0], SessionInfo) as { backend: number; internals: unknown };
  return s.backend === CURLSSLBACKEND_OPENSSL && s.internals ? s.internals : undefined;
}

export function verifyResult(easy: unknown): number {
  const out = [0];
  curl.easy_getinfo(easy, INFO_SSL_VERIFYRESULT, '_Out_ long *', out);
  return Number(out[0]);
}

export const pointerKey = (p: unknown): bigint => koffi.address(p) as bigint;
