// A client certificate (curl's -E/--cert, --key): its files checked before anything is sent,
// with errors that name the file. What only the TLS stack can tell (a wrong password, a key
// that does not match) comes back from the engine as CLIENT_CERT, naming the file too.
import fs from 'node:fs';
import { BadRequestSpec, type ClientCert } from './request-spec.js';

/** A certificate, its chain and key fit well within this. */
const MAX_CERT_FILE_BYTES = 1024 * 1024;

const bad = (what: string, file: string, problem: string): BadRequestSpec => new BadRequestSpec(`the ${what} ${file} ${problem}`, 'BAD_REQUEST');

function readFile(what: string, file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw bad(what, file, 'does not exist');
    throw bad(what, file, `cannot be read (${code ?? (e as Error).message})`);
  }
  if (!stat.isFile()) throw bad(what, file, 'is not a regular file');
  if (stat.size > MAX_CERT_FILE_BYTES) throw bad(what, file, `is larger than ${MAX_CERT_FILE_BYTES / 1024} KiB: not a certificate file`);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw bad(what, file, `cannot be read (${code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message)})`);
  }
}

/** Throws BadRequestSpec naming the file: missing, unreadable, or not what its type says. */
export function checkClientCert(cert: ClientCert): void {
  if (cert.password?.includes('\0')) throw new BadRequestSpec('the client certificate password contains NUL', 'BAD_REQUEST');
  const bytes = readFile('client certificate file', cert.certPath);
  if (cert.type === 'P12') {
    // PKCS#12 is DER: a SEQUENCE. A PEM file here is the usual mistake.
    if (bytes[0] !== 0x30) throw bad('client certificate file', cert.certPath, 'is not a PKCS#12 (P12/PFX) file: it does not start as DER does (for a PEM file, use the type PEM)');
    return;
  }
  if (!bytes.includes('-----BEGIN CERTIFICATE-----')) {
    throw bad('client certificate file', cert.certPath, `holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)${bytes[0] === 0x30 ? '; it looks like DER: for a PKCS#12 file, use the type P12' : ''}`);
  }
  const key = cert.keyPath ? readFile('client key file', cert.keyPath) : bytes;
  if (!/-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/.test(key.toString('latin1'))) {
    const where = cert.keyPath ? `the client key file ${cert.keyPath}` : `the client certificate file ${cert.certPath} (no key file given)`;
    throw new BadRequestSpec(`${where} holds no PEM private key (no "-----BEGIN … PRIVATE KEY-----" block)`, 'BAD_REQUEST');
  }
}
