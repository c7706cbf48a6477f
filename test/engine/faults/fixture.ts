// The fault servers a suite needs: one plain server that plays every case by its path, and
// one TLS server per bad certificate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAULT_CASES, type FaultCase } from './cases.js';
import { faultCas, faultCerts, type CaKind, type LeafCerts } from './certs.js';
import { startFaultServer, type FaultServer } from './server.js';

export interface FaultFixture {
  urlOf(c: FaultCase): string;
  /** The CA file (a PEM file on disk) of that kind. */
  caFile(kind: CaKind): string;
  close(): Promise<void>;
}

const byName = new Map(FAULT_CASES.map((c) => [c.name, c]));
const scriptFor = (path: string) => byName.get(/^\/fault\/([^/?]+)/.exec(path)?.[1] ?? '')?.script;

export async function startFaultFixture(): Promise<FaultFixture> {
  const certs = faultCerts();
  const plain = await startFaultServer(scriptFor);
  const tls = new Map<keyof LeafCerts, FaultServer>();
  for (const kind of Object.keys(certs) as Array<keyof LeafCerts>) tls.set(kind, await startFaultServer(scriptFor, { tls: certs[kind] }));
  const caDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-fault-cas-'));
  const cas = faultCas();
  for (const kind of Object.keys(cas) as CaKind[]) fs.writeFileSync(path.join(caDir, `${kind}.pem`), cas[kind]);
  return {
    urlOf: (c) => `${c.tls ? tls.get(c.tls)?.url : plain.url}/fault/${c.name}`,
    caFile: (kind) => path.join(caDir, `${kind}.pem`),
    async close() {
      await Promise.all([plain.close(), ...[...tls.values()].map((s) => s.close())]);
      fs.rmSync(caDir, { recursive: true, force: true });
    },
  };
}
