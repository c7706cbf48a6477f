// A CA file (curl's --cacert): read, checked and parsed once per change, with errors that
// name the file; and the chain check the WinInet engine does in JS against its CAs.
import crypto, { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { BadRequestSpec } from './request-spec.js';

export interface CaBundle {
  path: string;
  certs: X509Certificate[];
  /** sha256 of the file's bytes: which CA host may take a request with this file. */
  sha256: string;
}

/** A CA bundle (Mozilla's is ~220 KiB) fits well within this. */
const MAX_CA_FILE_BYTES = 16 * 1024 * 1024;
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

const cache = new Map<string, { mtimeMs: number; size: number; bundle: CaBundle }>();

const bad = (file: string, what: string): BadRequestSpec => new BadRequestSpec(`the CA file ${file} ${what}`, 'BAD_REQUEST');

function statFile(file: string): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw bad(file, 'does not exist');
    throw bad(file, `cannot be read (${code ?? (e as Error).message})`);
  }
  if (!stat.isFile()) throw bad(file, 'is not a regular file');
  if (stat.size > MAX_CA_FILE_BYTES) throw bad(file, `is larger than ${MAX_CA_FILE_BYTES / 1024 / 1024} MiB: not a CA file`);
  return stat;
}

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw bad(file, `cannot be read (${code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message)})`);
  }
}

/**
 * Throws BadRequestSpec naming the file: missing, unreadable, or without a certificate.
 * The client's routing and, in the host process, the host's check and the engine ask: an
 * unchanged file (same mtime and size) is read and hashed once per process.
 */
export function loadCaFile(file: string): CaBundle {
  const stat = statFile(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.bundle;
  const bytes = readBytes(file);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const blocks = bytes.toString('latin1').match(PEM_CERT) ?? [];
  if (blocks.length === 0) throw bad(file, 'holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)');
  const certs = blocks.map((pem, i) => {
    try {
      return new X509Certificate(pem);
    } catch (e) {
      throw bad(file, `has a certificate that cannot be parsed (block ${i + 1}: ${(e as Error).message})`);
    }
  });
  const bundle = { path: file, certs, sha256 };
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, bundle });
  return bundle;
}

/**
 * The names match, the issuer is a CA, and its key verifies the signature. (Not checkIssued:
 * OpenSSL's X509_check_issued also wants key identifiers that `openssl ca` leaves out.)
 */
const issuedBy = (issuer: X509Certificate, cert: X509Certificate): boolean =>
  issuer.ca && nameValues(cert.issuer).join('\n') === nameValues(issuer.subject).join('\n') && cert.verify(issuer.publicKey);

/**
 * A chain as the server presented it (leaf first) is trusted when, following signatures
 * from the leaf, it reaches a certificate of the bundle or one a bundle CA signed.
 */
export function chainTrusted(chainDer: Buffer[], bundle: CaBundle): boolean {
  const chain = chainDer.map((d) => new X509Certificate(d));
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i]!;
    if (bundle.certs.some((ca) => ca.fingerprint256 === c.fingerprint256 || issuedBy(ca, c))) return true;
    const next = chain[i + 1];
    if (!next || !issuedBy(next, c)) return false;
  }
  return false;
}

/** The values of a distinguished name, sorted: "CN=a\nO=b" and "a\r\nb" give the same. */
export function nameValues(dn: string): string[] {
  return dn
    .split(/\r?\n/)
    .map((part) => part.replace(/^[A-Za-z0-9.]+=/, '').trim())
    .filter(Boolean)
    .sort();
}

/** Whether a certificate whose issuer reads `issuerDn` could come from a CA of the bundle (names only). */
export function issuerNamed(issuerDn: string, bundle: CaBundle): boolean {
  const want = nameValues(issuerDn).join('\n');
  return bundle.certs.some((ca) => nameValues(ca.subject).join('\n') === want);
}
