// Text of a connection's TLS facts: the one-line summary the response view shows beside
// the status, and the lines `-v` prints (curl's wording where curl has one). Pure.
import type { TlsFacts } from '../../contract/tls.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Dec  3 18:00:00 2026 GMT", as OpenSSL (and so curl -v) prints an ASN.1 time. */
export function opensslDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()} GMT`;
}

const AGAINST: Record<TlsFacts['verified']['against'], string> = { system: 'system', 'ca-file': 'CA file', insecure: 'insecure' };

/** "verified (system)", "not verified (insecure)", "refused (CA file)". */
export function verificationText(v: TlsFacts['verified']): string {
  const word = v.result === 'ok' ? 'verified' : v.result === 'failed' ? 'refused' : 'not verified';
  return `${word} (${AGAINST[v.against]})`;
}

/** "TLSv1.3 · TLS_AES_256_GCM_SHA384 · verified (system)"; a reused connection says so. */
export function tlsSummary(f: TlsFacts): string {
  const parts = [f.protocol ?? 'TLS', ...(f.cipher ? [f.cipher] : []), verificationText(f.verified)];
  return parts.join(' · ') + (f.reused ? ' · reused connection' : '');
}

/** The lines of `-v` for one connection, without the "* " prefix. */
export function verboseTlsLines(f: TlsFacts): string[] {
  const lines: string[] = [];
  if (f.reused) lines.push('Re-using the TLS connection of an earlier request');
  if (f.protocol || f.cipher) lines.push(`SSL connection using ${f.protocol ?? '(version not reported)'} / ${f.cipher ?? '(cipher not reported)'}`);
  if (f.alpn) lines.push(`ALPN: server accepted ${f.alpn}`);
  const leaf = f.chain[0];
  if (leaf) {
    lines.push('Server certificate:');
    lines.push(` subject: ${leaf.subject}`, ` start date: ${opensslDate(leaf.notBefore)}`, ` expire date: ${opensslDate(leaf.notAfter)}`);
    if (leaf.sans.length > 0) lines.push(` subjectAltName: ${leaf.sans.join(', ')}`);
    lines.push(` issuer: ${leaf.issuer}`);
  }
  const v = f.verified;
  if (v.result === 'ok') lines.push(' SSL certificate verify ok.');
  else if (v.result === 'skipped') lines.push(` SSL certificate verify result: ${v.error ?? 'not checked'}${v.code !== undefined ? ` (${v.code})` : ''}, continuing anyway.`);
  else lines.push(`SSL certificate problem: ${v.error ?? 'the certificate was refused'}`);
  for (const [fact, why] of Object.entries(f.missing ?? {})) lines.push(` (${fact} not reported: ${why})`);
  return lines;
}
