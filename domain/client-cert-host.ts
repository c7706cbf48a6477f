// Which of a workspace's client certificates (contract/workspace.ts HostClientCertSchema) a
// URL's host takes: the first whose host matches, case-insensitively, and whose port (when
// it names one) is the URL's, its scheme's default included. Pure.
import type { HostClientCert } from '../contract/workspace.js';

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

function split(entry: string): { host: string; port?: string } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
  return m ? { host: m[1]!.toLowerCase(), ...(m[2] ? { port: String(Number(m[2])) } : {}) } : { host: entry.toLowerCase() };
}

/** The first entry for the URL's host, or undefined (also for a URL that does not parse). */
export function clientCertForUrl(entries: readonly HostClientCert[] | undefined, url: string): HostClientCert | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = u.hostname.toLowerCase();
  const port = u.port || DEFAULT_PORT[u.protocol];
  return entries?.find((e) => {
    const want = split(e.host);
    return want.host === host && (want.port === undefined || want.port === port);
  });
}
