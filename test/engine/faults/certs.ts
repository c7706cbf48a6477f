// Certificates for the TLS fault cases, made with the openssl CLI at test time: a test CA
// (unknown to both engines), and leaves it signed: valid for localhost, expired, and for
// another host; and two more CAs for the CA-file cases: another one, and a forgery with the
// test CA's very name but its own key. `openssl x509 -days` cannot go negative, and Debian's openssl 3.0 has no
// `x509 -not_after`, so the leaves are signed with `openssl ca -startdate/-enddate`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LeafCerts {
  /** Valid now, for localhost/127.0.0.1, from the unknown test CA. */
  unknownCa: { key: string; cert: string };
  /** Expired a year ago (and from the same CA). */
  expired: { key: string; cert: string };
  /** Valid now, but for wrong.example only. */
  wrongHost: { key: string; cert: string };
}

/** CA certificates (PEM) for caFile: the one that signed the leaves, another, and a same-name forgery. */
interface FaultCas {
  test: string;
  other: string;
  forged: string;
}
export type CaKind = keyof FaultCas;

const CA_CONFIG = (dir: string): string => `
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}
serial = ${dir}/serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[ any ]
commonName = supplied
`;

function openssl(args: string[]): void {
  try {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') throw new Error('fault certs: the `openssl` CLI was not found on PATH (Debian: apt-get install openssl)');
    throw new Error(`fault certs: openssl ${args[0]} failed: ${e.stderr?.toString().trim() || e.message}`);
  }
}

/** YYMMDDHHMMSSZ, as `openssl ca -startdate/-enddate` take it. */
const asn1Time = (ms: number): string => new Date(ms).toISOString().replace(/^\d\d|[-:T]|\.\d+/g, '');

let cached: LeafCerts | undefined;
let cachedCas: FaultCas | undefined;

export function faultCas(): FaultCas {
  faultCerts();
  return cachedCas as FaultCas;
}

export function faultCerts(): LeafCerts {
  if (cached) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-fault-certs-'));
  try {
    const f = (name: string): string => path.join(dir, name);
    fs.writeFileSync(f('ca.cnf'), CA_CONFIG(dir));
    fs.writeFileSync(f('index.txt'), '');
    fs.writeFileSync(f('serial'), '1000\n');
    const selfSigned = (name: string, cn: string): string => {
      openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-keyout', f(`${name}.key`), '-out', f(`${name}.pem`),
        '-subj', `/CN=${cn}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=keyCertSign']);
      return fs.readFileSync(f(`${name}.pem`), 'utf8');
    };
    const testCa = selfSigned('ca', 'InetScope fault test CA');
    cachedCas = { test: testCa, other: selfSigned('other', 'InetScope other CA'), forged: selfSigned('forged', 'InetScope fault test CA') };
    const day = 24 * 3600 * 1000;
    const leaf = (name: string, host: string, san: string, from: number, to: number): { key: string; cert: string } => {
      openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`),
        '-subj', `/CN=${host}`, '-addext', `subjectAltName=${san}`, '-addext', 'extendedKeyUsage=serverAuth']);
      openssl(['ca', '-batch', '-config', f('ca.cnf'), '-cert', f('ca.pem'), '-keyfile', f('ca.key'), '-in', f(`${name}.csr`),
        '-out', f(`${name}.pem`), '-notext', '-startdate', asn1Time(from), '-enddate', asn1Time(to)]);
      return { key: fs.readFileSync(f(`${name}.key`), 'utf8'), cert: fs.readFileSync(f(`${name}.pem`), 'utf8') };
    };
    const now = Date.now();
    cached = {
      unknownCa: leaf('valid', 'localhost', 'DNS:localhost,IP:127.0.0.1', now - day, now + 30 * day),
      expired: leaf('expired', 'localhost', 'DNS:localhost,IP:127.0.0.1', now - 400 * day, now - 365 * day),
      wrongHost: leaf('wrong', 'wrong.example', 'DNS:wrong.example', now - day, now + 30 * day),
    };
    return cached;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
