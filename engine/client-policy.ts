// Which engine host a request must run in: the client routes by it and the host checks it.
import { loadCaFile } from './ca-file.js';
import type { HostPolicy } from './host-connection.js';
import type { RequestSpec } from './request-spec.js';

/** Throws BadRequestSpec naming the CA file when it is missing, unreadable or holds no certificate. */
export function policyFor(spec: Pick<RequestSpec, 'insecure' | 'caFile'>): HostPolicy {
  if (spec.insecure) return 'insecure';
  return spec.caFile ? `ca:${loadCaFile(spec.caFile).sha256}` : 'verify';
}
