// TLS as the stack saw it: one set of facts per connection per hop, after its handshake
// (or at its failure). Every field a stack cannot report is absent and named in `missing`
// with the reason. Imports nothing of the app.
import { z } from 'zod';

/** One certificate of the chain the server presented, leaf first. */
export const TlsCertificateSchema = z.strictObject({
  /** Distinguished names, comma-separated ("CN=localhost, O=Example"). */
  subject: z.string(),
  issuer: z.string(),
  /** subjectAltName entries as "DNS:name" / "IP Address:1.2.3.4". */
  sans: z.array(z.string()),
  /** ISO 8601. */
  notBefore: z.string(),
  notAfter: z.string(),
  /** Hex, upper case, no separators; absent where the stack gives only a summary (no DER). */
  serial: z.string().optional(),
  /** SHA-256 of the DER, hex pairs joined by ":" (as openssl x509 -fingerprint prints it); absent as serial. */
  sha256: z.string().optional(),
  /** "rsa", "ec", "ed25519"… */
  keyType: z.string().optional(),
  keyBits: z.number().int().optional(),
  /** "sha256WithRSAEncryption"… where the stack names it. */
  signatureAlgorithm: z.string().optional(),
  pem: z.string().optional(),
});
export type TlsCertificate = z.infer<typeof TlsCertificateSchema>;

export const TLS_VERIFY_RESULTS = ['ok', 'failed', 'skipped'] as const;
/** What the chain was checked against: the system store, the request's CA file, nothing (-k). */
export const TLS_TRUST_SOURCES = ['system', 'ca-file', 'insecure'] as const;

export const TlsVerificationSchema = z.strictObject({
  result: z.enum(TLS_VERIFY_RESULTS),
  against: z.enum(TLS_TRUST_SOURCES),
  /** Why it failed (or, skipped, what a check would have said). */
  error: z.string().optional(),
  /** The stack's own verification code (OpenSSL's X509_V_*, a WinInet error number). */
  code: z.number().int().optional(),
});
export type TlsVerification = z.infer<typeof TlsVerificationSchema>;

/** Facts a stack may be unable to give; `missing` names them with the reason. */
export const TLS_FACT_NAMES = ['protocol', 'cipher', 'alpn', 'chain', 'ocspStapled', 'signatureAlgorithm', 'keyBits'] as const;

export const TlsFactsSchema = z.strictObject({
  /** The native facilities the facts come from ("CURLINFO_CERTINFO + SSL_get_version"…). */
  source: z.string(),
  /** The hop ran on a connection opened before: its facts are that connection's. */
  reused: z.boolean().optional(),
  /** "TLSv1.3"… */
  protocol: z.string().optional(),
  /** IANA or OpenSSL name ("TLS_AES_256_GCM_SHA384"), or what the stack reports. */
  cipher: z.string().optional(),
  /** The ALPN protocol the server chose ("h2", "http/1.1"). */
  alpn: z.string().optional(),
  verified: TlsVerificationSchema,
  /** Leaf first; on a failed handshake, the certificate that was refused (and what came with it). */
  chain: z.array(TlsCertificateSchema),
  ocspStapled: z.union([z.boolean(), z.literal('unknown')]).optional(),
  /** Fact → why this stack does not report it. */
  missing: z.partialRecord(z.enum(TLS_FACT_NAMES), z.string()).optional(),
});
export type TlsFacts = z.infer<typeof TlsFactsSchema>;
