// The fault servers a suite needs: one plain server that plays every case by its path, and
// one TLS server per bad certificate.
import { FAULT_CASES, type FaultCase } from './cases.js';
import { faultCerts, type LeafCerts } from './certs.js';
import { startFaultServer, type FaultServer } from './server.js';

export interface FaultFixture {
  urlOf(c: FaultCase): string;
  close(): Promise<void>;
}

const byName = new Map(FAULT_CASES.map((c) => [c.name, c]));
const scriptFor = (path: string) => byName.get(/^\/fault\/([^/?]+)/.exec(path)?.[1] ?? '')?.script;

export async function startFaultFixture(): Promise<FaultFixture> {
  const certs = faultCerts();
  const plain = await startFaultServer(scriptFor);
  const tls = new Map<keyof LeafCerts, FaultServer>();
  for (const kind of Object.keys(certs) as Array<keyof LeafCerts>) tls.set(kind, await startFaultServer(scriptFor, { tls: certs[kind] }));
  return {
    urlOf: (c) => `${c.tls ? tls.get(c.tls)?.url : plain.url}/fault/${c.name}`,
    async close() {
      await Promise.all([plain.close(), ...[...tls.values()].map((s) => s.close())]);
    },
  };
}
