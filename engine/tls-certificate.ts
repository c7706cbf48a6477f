// A certificate's DER (or PEM) → the facts the TLS event carries, with node's X.509 parser;
// runs in the engine host, right where the stack hands the certificate over.
import { X509Certificate } from 'node:crypto';
import type { TlsCertificate } from '../contract/tls.js';
import { signatureAlgorithmName } from '../domain/tls/signature-algorithm.js';

/** node's multi-line name ("C=US\nCN=localhost") → "C=US, CN=localhost". */
const oneLine = (name: string): string =>
  name
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');

/** "DNS:localhost, IP Address:127.0.0.1" → its entries. */
const sansOf = (text: string | undefined): string[] => (text ? text.split(/,\s*/).filter(Boolean) : []);

function keyFacts(cert: X509Certificate): Pick<TlsCertificate, 'keyType' | 'keyBits'> {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const curveBits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };
  const bits = details.modulusLength ?? (details.namedCurve ? curveBits[details.namedCurve] : undefined) ?? (key.asymmetricKeyType === 'ed25519' ? 256 : undefined);
  return { ...(key.asymmetricKeyType ? { keyType: key.asymmetricKeyType } : {}), ...(bits ? { keyBits: bits } : {}) };
}

/** `pem`: keep the PEM text in the facts (copy PEM in the UI). */
export function certificateFacts(input: Uint8Array | string, opts: { pem: boolean } = { pem: true }): TlsCertificate {
  const cert = new X509Certificate(typeof input === 'string' ? input : Buffer.from(input));
  const signatureAlgorithm = signatureAlgorithmName(cert.raw);
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    sans: sansOf(cert.subjectAltName),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    serial: cert.serialNumber.toUpperCase(),
    sha256: cert.fingerprint256,
    ...keyFacts(cert),
    ...(signatureAlgorithm ? { signatureAlgorithm } : {}),
    ...(opts.pem ? { pem: cert.toString() } : {}),
  };
}

/** Each certificate that parses; one that does not is left out (and named by the caller's `missing`). */
export function chainFacts(certs: ReadonlyArray<Uint8Array | string>): { chain: TlsCertificate[]; unreadable: number } {
  const chain: TlsCertificate[] = [];
  let unreadable = 0;
  for (const c of certs) {
    try {
      chain.push(certificateFacts(c));
    } catch {
      unreadable++;
    }
  }
  return { chain, unreadable };
}
