// A WinInet request's TLS facts, for the tls event: the chain WinInet built (DER, from
// SERVER_CERT_CHAIN_CONTEXT), the version and cipher suite (SECURITY_CONNECTION_INFO), the
// certificate summary's names and the cipher strength where those are all there is. What
// the stack does not give is named in `missing` (Wine: wine-quirks.ts tlsFacts).
import type { EngineErrorInfo } from '../../contract/events.js';
import type { TlsCertificate, TlsFacts, TlsVerification } from '../../contract/tls.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { chainFacts } from '../../engine/tls-certificate.js';
import { serverCertSummary, serverChain, type CertSummary } from './server-cert.js';
import { connectionInfo, securityFlags } from './tls-query.js';
import { tlsFactsMissing, UNDER_WINE } from './wine-quirks.js';

const SOURCE = 'WinInet InternetQueryOption: SERVER_CERT_CHAIN_CONTEXT, SECURITY_CONNECTION_INFO, SECURITY_CERTIFICATE_STRUCT, SECURITY_FLAGS';
type Missing = NonNullable<TlsFacts['missing']>;

const oneLine = (s: string): string =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');

/** The summary's certificate, where no DER is to be had (no serial, no fingerprint). */
function summaryCertificate(s: CertSummary): TlsCertificate {
  return {
    subject: oneLine(s.subject), issuer: oneLine(s.issuer), sans: [],
    notBefore: new Date(s.validFrom).toISOString(), notAfter: new Date(s.validTo).toISOString(),
    ...(s.signatureAlgName ? { signatureAlgorithm: s.signatureAlgName } : {}),
  };
}

function against(spec: RequestSpec): TlsVerification['against'] {
  return spec.insecure ? 'insecure' : spec.caFile ? 'ca-file' : 'system';
}

function chainOf(request: unknown, missing: Missing): TlsCertificate[] {
  const ders = serverChain(request);
  if (Array.isArray(ders) && ders.length > 0) {
    const { chain, unreadable } = chainFacts(ders);
    if (unreadable > 0) missing.chain = `${unreadable} certificate(s) of the chain could not be parsed`;
    return chain;
  }
  const summary = serverCertSummary(request);
  const quirk = tlsFactsMissing(UNDER_WINE, { chain: typeof ders === 'number' ? ders : 0 });
  missing.chain = quirk.chain ?? `SERVER_CERT_CHAIN_CONTEXT gave no chain (error ${String(ders)})`;
  return typeof summary === 'number' ? [] : [summaryCertificate(summary)];
}

function protocolAndCipher(request: unknown, missing: Missing): Pick<TlsFacts, 'protocol' | 'cipher'> {
  const info = connectionInfo(request);
  if (typeof info !== 'number' && info.protocol && info.cipherSuite) return { protocol: info.protocol, cipher: info.cipherSuite };
  const summary = serverCertSummary(request);
  const flags = securityFlags(request);
  const quirk = tlsFactsMissing(UNDER_WINE, { connectionInfo: typeof info === 'number' ? info : 0 });
  const protocol = typeof info !== 'number' ? info.protocol : typeof summary !== 'number' ? summary.protocolName : undefined;
  const name = typeof summary !== 'number' ? summary.encryptionAlgName : undefined;
  const strength = typeof flags !== 'number' && flags.strength ? `${flags.strength} cipher` : undefined;
  const bits = typeof summary !== 'number' && summary.keySize > 0 ? `${summary.keySize}-bit` : undefined;
  const known = strength || bits ? [bits, strength].filter(Boolean).join(' ') : undefined;
  if (!protocol) missing.protocol = quirk.protocol ?? 'WinInet named no protocol version';
  if (!name) missing.cipher = `${quirk.cipher ?? 'WinInet named no cipher suite'}${known ? `; only the strength is known: ${known}` : ''}`;
  return { ...(protocol ? { protocol } : {}), ...(name ? { cipher: name } : {}) };
}

function common(request: unknown, missing: Missing): Pick<TlsFacts, 'source' | 'protocol' | 'cipher' | 'chain' | 'ocspStapled'> {
  missing.alpn = 'WinInet reports the HTTP version used (INTERNET_OPTION_HTTP_PROTOCOL_USED), not the ALPN exchange';
  missing.ocspStapled = 'WinInet does not report OCSP stapling';
  return { source: SOURCE, ...protocolAndCipher(request, missing), chain: chainOf(request, missing), ocspStapled: 'unknown' };
}

/** After the response head of a TLS hop: WinInet (and a CA file, ca-trust.ts) accepted the chain. */
export function connectionFacts(request: unknown, spec: RequestSpec): TlsFacts {
  const missing: Missing = {};
  const base = common(request, missing);
  const verified: TlsVerification = spec.insecure ? { result: 'skipped', against: 'insecure' } : { result: 'ok', against: against(spec) };
  return { ...base, verified, missing };
}

/** A certificate error ended the request: the certificate WinInet refused, and why. */
export function refusedFacts(request: unknown, spec: RequestSpec, error: EngineErrorInfo): TlsFacts {
  const missing: Missing = {};
  const base = common(request, missing);
  return { ...base, verified: { result: 'failed', against: against(spec), error: `${error.message}` }, missing };
}
