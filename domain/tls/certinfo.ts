// libcurl's CURLINFO_CERTINFO: per certificate a list of "Name:value" lines (OpenSSL
// backend: Subject, Issuer, Version, Serial Number, Signature Algorithm, Public Key
// Algorithm, Start date, Expire date, X509v3 extensions by name, Cert as PEM). Pure.

/** One certificate's lines, by name (the first of a repeated name wins). */
export interface CertInfoEntry {
  subject?: string;
  issuer?: string;
  serial?: string;
  signatureAlgorithm?: string;
  publicKeyAlgorithm?: string;
  startDate?: string;
  expireDate?: string;
  subjectAltName?: string;
  pem?: string;
}

const FIELDS: Record<string, keyof CertInfoEntry> = {
  'subject': 'subject',
  'issuer': 'issuer',
  'serial number': 'serial',
  'signature algorithm': 'signatureAlgorithm',
  'public key algorithm': 'publicKeyAlgorithm',
  'start date': 'startDate',
  'expire date': 'expireDate',
  'x509v3 subject alternative name': 'subjectAltName',
  'cert': 'pem',
};

export function parseCertInfoLines(lines: readonly string[]): CertInfoEntry {
  const entry: CertInfoEntry = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = FIELDS[line.slice(0, colon).trim().toLowerCase()];
    if (field && entry[field] === undefined) entry[field] = line.slice(colon + 1).trim();
  }
  return entry;
}

/** OpenSSL's one-line name ("C = US, O = Example, CN = localhost") as "C=US, O=Example, CN=localhost". */
export function compactName(name: string): string {
  return name
    .split(',')
    .map((part) => part.split('=').map((x) => x.trim()).join('='))
    .join(', ')
    .trim();
}
