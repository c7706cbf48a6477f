// The server certificate of a request handle, read out of WinInet: the chain WinInet built
// (INTERNET_OPTION_SERVER_CERT_CHAIN_CONTEXT, DER of each element) and the certificate
// summary (INTERNET_OPTION_SECURITY_CERTIFICATE_STRUCT). Both are synchronous lookups in
// memory the call hands over; everything is copied out and freed here.
import { api, INTERNET_OPTION_SECURITY_CERTIFICATE_STRUCT, INTERNET_OPTION_SERVER_CERT_CHAIN_CONTEXT, koffi } from './api.js';

export interface CertSummary {
  subject: string;
  issuer: string;
  /** ms since the epoch. */
  validFrom: number;
  validTo: number;
  /** lpszProtocolName, lpszSignatureAlgName, lpszEncryptionAlgName where WinInet fills them. */
  protocolName?: string;
  signatureAlgName?: string;
  encryptionAlgName?: string;
  /** dwKeySize: the encryption key's size in bits. */
  keySize: number;
}

const ptrAt = (buf: Buffer, offset: number): bigint => buf.readBigUInt64LE(offset);
const bytesAt = (p: bigint, n: number): Buffer => Buffer.from(koffi.decode(p, 'uint8_t', n) as Uint8Array);
/** FILETIME (100 ns since 1601) → epoch ms. */
const fileTimeMs = (buf: Buffer, offset: number): number => Number(buf.readBigUInt64LE(offset) / 10_000n) - 11_644_473_600_000;

function cString(p: bigint): string {
  if (p === 0n) return '';
  return koffi.decode(p, 'char', -1) as string;
}

/**
 * DER of the chain WinInet verified, leaf first, or the WinInet error number when it has
 * none (Wine keeps a chain only after a verification it passed: 12019 before that).
 * 64-bit layouts: CERT_CHAIN_CONTEXT {cbSize, TrustStatus(8), cChain @12, rgpChain @16};
 * CERT_SIMPLE_CHAIN {cbSize, TrustStatus, cElement @12, rgpElement @16};
 * CERT_CHAIN_ELEMENT {cbSize, pCertContext @8}; CERT_CONTEXT {type, pbCertEncoded @8, cbCertEncoded @16}.
 */
export function serverChain(request: unknown): Buffer[] | number {
  const out = Buffer.alloc(8);
  if (!api.InternetQueryOptionA(request, INTERNET_OPTION_SERVER_CERT_CHAIN_CONTEXT, out, [8])) return api.GetLastError() as number;
  const context = ptrAt(out, 0);
  try {
    const ctx = bytesAt(context, 24);
    if (ctx.readUInt32LE(12) < 1) return [];
    const simple = bytesAt(ptrAt(bytesAt(ptrAt(ctx, 16), 8), 0), 24);
    const count = Math.min(simple.readUInt32LE(12), 16);
    const elements = bytesAt(ptrAt(simple, 16), 8 * count);
    const ders: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const cert = bytesAt(ptrAt(bytesAt(ptrAt(elements, 8 * i), 16), 8), 24);
      ders.push(bytesAt(ptrAt(cert, 8), cert.readUInt32LE(16)));
    }
    return ders;
  } finally {
    api.CertFreeCertificateChain(context);
  }
}

/**
 * INTERNET_CERTIFICATE_INFOA of the connection the request used (Wine keeps it after a
 * failed verification too): {ftExpiry, ftStart, lpszSubjectInfo @16, lpszIssuerInfo @24,
 * protocol, signature, encryption names @32..48, dwKeySize}; the strings are LocalAlloc'ed.
 */
export function serverCertSummary(request: unknown): CertSummary | number {
  const size = 64;
  const out = Buffer.alloc(size);
  if (!api.InternetQueryOptionA(request, INTERNET_OPTION_SECURITY_CERTIFICATE_STRUCT, out, [size])) return api.GetLastError() as number;
  const strings = [16, 24, 32, 40, 48].map((o) => ptrAt(out, o));
  try {
    const names = { protocolName: cString(strings[2]!), signatureAlgName: cString(strings[3]!), encryptionAlgName: cString(strings[4]!) };
    const named = Object.fromEntries(Object.entries(names).filter(([, v]) => v !== ''));
    return { validTo: fileTimeMs(out, 0), validFrom: fileTimeMs(out, 8), subject: cString(strings[0]!), issuer: cString(strings[1]!), keySize: out.readUInt32LE(56), ...named };
  } finally {
    for (const p of strings) if (p !== 0n) api.LocalFree(p);
  }
}
