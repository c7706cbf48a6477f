// The TLS facts WinInet keeps for a request handle, each one InternetQueryOption lookup in
// memory: SECURITY_FLAGS (31: secure, cipher strength), SECURITY_CONNECTION_INFO (66:
// SecPkgContext_ConnectionInfo + SecPkgContext_CipherInfo, Windows 10+), and the names of
// INTERNET_CERTIFICATE_INFO (32). A lookup that fails gives its error number instead.
import { api, INTERNET_OPTION_SECURITY_FLAGS } from './api.js';

const INTERNET_OPTION_SECURITY_CONNECTION_INFO = 66;
const SECURITY_FLAG_SECURE = 0x1;
const STRENGTH: Array<[number, string]> = [[0x20000000, 'strong'], [0x40000000, 'medium'], [0x10000000, 'weak']];

export interface SecurityFlags {
  secure: boolean;
  strength?: string;
  raw: number;
}

export function securityFlags(request: unknown): SecurityFlags | number {
  const out = Buffer.alloc(4);
  if (!api.InternetQueryOptionA(request, INTERNET_OPTION_SECURITY_FLAGS, out, [4])) return api.GetLastError() as number;
  const raw = out.readUInt32LE(0);
  const strength = STRENGTH.find(([bit]) => (raw & bit) !== 0)?.[1];
  return { secure: (raw & SECURITY_FLAG_SECURE) !== 0, raw, ...(strength ? { strength } : {}) };
}

/** SP_PROT_* (schannel.h), client and server bits, → the name OpenSSL uses. */
const PROTOCOLS: Array<[number, string]> = [[0x3000, 'TLSv1.3'], [0xc00, 'TLSv1.2'], [0x300, 'TLSv1.1'], [0xc0, 'TLSv1'], [0x30, 'SSLv3']];

export interface ConnectionInfo {
  protocol?: string;
  /** szCipherSuite of SecPkgContext_CipherInfo ("TLS_AES_256_GCM_SHA384"). */
  cipherSuite?: string;
  cipherStrength: number;
}

/**
 * INTERNET_SECURITY_CONNECTION_INFO {dwSize, fSecure, SecPkgContext_ConnectionInfo (7 DWORDs)
 * @8, SecPkgContext_CipherInfo @36 {dwVersion, dwProtocol, dwCipherSuite, dwBaseCipherSuite,
 * WCHAR szCipherSuite[64] @52, …}}.
 */
export function connectionInfo(request: unknown): ConnectionInfo | number {
  const size = 2048;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(size, 0);
  if (!api.InternetQueryOptionA(request, INTERNET_OPTION_SECURITY_CONNECTION_INFO, out, [size])) return api.GetLastError() as number;
  const protocolBits = out.readUInt32LE(8);
  const protocol = PROTOCOLS.find(([bits]) => (protocolBits & bits) !== 0)?.[1];
  const text = out.subarray(52, 52 + 128).toString('utf16le');
  const suite = text.slice(0, text.includes('\0') ? text.indexOf('\0') : text.length);
  return { cipherStrength: out.readUInt32LE(16), ...(protocol ? { protocol } : {}), ...(suite ? { cipherSuite: suite } : {}) };
}

