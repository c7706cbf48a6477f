// Self-signed certificate for the HTTPS test server, made with the openssl
// CLI because node has no certificate-generation API.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let cached: { key: string; cert: string } | undefined;

/** Self-signed cert for CN=localhost, SAN DNS:localhost,IP:127.0.0.1 (cached per process). */
export function selfSignedCert(): { key: string; cert: string } {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'inetscope-cert-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30',
        '-keyout', keyPath, '-out', certPath,
        '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-addext', 'extendedKeyUsage=serverAuth',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 },
    );
    cached = { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
    return cached;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') {
      throw new Error('selfSignedCert: the `openssl` CLI was not found on PATH (Debian: apt-get install openssl)');
    }
    throw new Error(`selfSignedCert: openssl failed: ${e.stderr?.toString().trim() || e.message}`);
  } finally {
    // The PEM text is kept in memory; the files are not needed afterwards.
    rmSync(dir, { recursive: true, force: true });
  }
}
