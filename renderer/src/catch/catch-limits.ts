// The Catch panel's limits as typed (sizes in MB/GB, times in seconds, hosts as a list) and
// their conversion to the contract's CatchLimits, naming the field that is wrong.
import type { CatchLimits } from '../../../contract/catch.js';

export interface LimitsText {
  maxBodyMB: string;
  maxTotalGB: string;
  idleS: string;
  headersS: string;
  /** Host names besides loopback, separated by commas or spaces; "*" answers any. */
  allowHosts: string;
}

export const DEFAULT_LIMITS_TEXT: LimitsText = { maxBodyMB: '1024', maxTotalGB: '8', idleS: '30', headersS: '10', allowHosts: '' };

const MB = 1024 * 1024;

function num(text: string, label: string, min: number, max: number): number {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new Error(`${label}: a number from ${min} to ${max}`);
  return n;
}

/** The limits to start the server with, or the message naming the field that is wrong. */
export function parseLimits(t: LimitsText): { limits: CatchLimits } | { error: string } {
  try {
    const hosts = t.allowHosts.split(/[\s,]+/).filter(Boolean);
    const bad = hosts.find((h) => h.length > 255 || h.includes('/'));
    if (bad) throw new Error(`Allowed hosts: ${JSON.stringify(bad)} is not a host name`);
    return {
      limits: {
        maxBodyBytes: Math.round(num(t.maxBodyMB, 'Max body (MB)', 0, 2 ** 30) * MB),
        maxTotalBytes: Math.round(num(t.maxTotalGB, 'Max total (GB)', 0, 2 ** 20) * 1024 * MB),
        idleTimeoutMs: Math.round(num(t.idleS, 'Idle body timeout (s)', 0.1, 3600) * 1000),
        headersTimeoutMs: Math.round(num(t.headersS, 'Headers timeout (s)', 0.1, 600) * 1000),
        allowHosts: hosts.slice(0, 64),
      },
    };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** "body ≤ 1 GiB, total ≤ 8 GiB, idle 30 s, head 10 s, hosts: loopback + a.example". */
export function limitsSummary(l: CatchLimits): string {
  const size = (n: number) =>
    n >= 1024 * MB ? `${+(n / (1024 * MB)).toFixed(2)} GiB` : n >= MB ? `${+(n / MB).toFixed(2)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(2)} KiB` : `${n} B`;
  const hosts = l.allowHosts.includes('*') ? 'any' : ['loopback', ...l.allowHosts].join(' + ');
  return `body ≤ ${size(l.maxBodyBytes)}, total ≤ ${size(l.maxTotalBytes)}, idle ${l.idleTimeoutMs / 1000} s, head ${l.headersTimeoutMs / 1000} s, hosts: ${hosts}`;
}
