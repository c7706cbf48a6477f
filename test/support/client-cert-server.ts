// A TLS server that requires a client certificate (node:https, requestCert and
// rejectUnauthorized), with its certificates made by openssl at test time in a temp dir:
// a CA, the server's leaf, a client certificate the CA signed (PEM and P12, password
// "s3cret") and a self-signed one the server refuses. It answers with the subject it saw.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const P12_PASSWORD = 's3cret';

export interface ClientCertServer {
  url: string;
  dir: string;
  file(name: 'ca.pem' | 'client.pem' | 'client.key' | 'client.p12' | 'rogue.pem' | 'rogue.key'): string;
  close(): Promise<void>;
}

function makeCerts(dir: string): void {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const key = (name: string) => ssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', name);
  key('ca.key');
  ssl('req', '-x509', '-key', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=InetScope Test Client CA');
  const leaf = (name: string, subj: string, ext: string) => {
    key(`${name}.key`);
    ssl('req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-subj', subj);
    fs.writeFileSync(path.join(dir, `${name}.ext`), ext);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  };
  leaf('server', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  leaf('client', '/CN=Alice Client', 'extendedKeyUsage=clientAuth\n');
  ssl('pkcs12', '-export', '-in', 'client.pem', '-inkey', 'client.key', '-out', 'client.p12', '-passout', `pass:${P12_PASSWORD}`);
  key('rogue.key');
  ssl('req', '-x509', '-key', 'rogue.key', '-out', 'rogue.pem', '-days', '2', '-subj', '/CN=Mallory');
}

export async function startClientCertServer(): Promise<ClientCertServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-mtls-'));
  makeCerts(dir);
  const read = (n: string) => fs.readFileSync(path.join(dir, n));
  const server = https.createServer({ key: read('server.key'), cert: read('server.pem'), ca: read('ca.pem'), requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
    res.end(`subject=${peer.subject?.CN ?? 'none'}\n`);
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    dir,
    file: (name) => path.join(dir, name),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
