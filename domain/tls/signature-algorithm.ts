// The signature algorithm of an X.509 certificate, read from its DER (node's X509Certificate
// does not name it): Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, … }. Pure.

const NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function tlv(b: Uint8Array, at: number): Tlv | undefined {
  if (at + 2 > b.length) return undefined;
  const tag = b[at]!;
  let len = b[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4 || start + n > b.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i]!;
    start += n;
  }
  return start + len <= b.length ? { tag, start, end: start + len } : undefined;
}

function oidText(b: Uint8Array): string {
  const parts = [Math.floor(b[0]! / 40), b[0]! % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** The OID of the certificate's signatureAlgorithm, or undefined when the DER is not a certificate. */
export function signatureAlgorithmOid(der: Uint8Array): string | undefined {
  const cert = tlv(der, 0);
  const tbs = cert?.tag === 0x30 ? tlv(der, cert.start) : undefined;
  const alg = tbs?.tag === 0x30 ? tlv(der, tbs.end) : undefined;
  const oid = alg?.tag === 0x30 ? tlv(der, alg.start) : undefined;
  return oid?.tag === 0x06 ? oidText(der.subarray(oid.start, oid.end)) : undefined;
}

/** OpenSSL's name for it ("sha256WithRSAEncryption"), or the OID itself. */
export function signatureAlgorithmName(der: Uint8Array): string | undefined {
  const oid = signatureAlgorithmOid(der);
  return oid === undefined ? undefined : (NAMES[oid] ?? oid);
}
