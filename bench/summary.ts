// Aggregation and printing for the download benchmark: per-tool best/median MB/s
// (MB = 10^6 bytes), the engine/curl ratio and the engine host's memory.
export type Tool = 'curl' | 'engine';

export interface RunResult {
  tool: Tool;
  round: number;
  bytes: number;
  seconds: number;
  /** 10^6 bytes per second, wall clock around the whole transfer. */
  mbps: number;
  /** What was checked: the file size always, the sha256 in round 1. */
  checked: 'size' | 'size+sha256';
  ok: boolean;
  error?: string;
  /** Engine only: the finished event's own t (ms). */
  engineT?: number;
}

export interface Report {
  date: string;
  bytes: number;
  rounds: number;
  unit: 'MB/s (MB = 10^6 bytes)';
  curlVersion: string;
  /** curl -o /dev/null from the same server: what the server and loopback can deliver. */
  serverCeilingMBps: number;
  tools: Record<Tool, { bestMBps: number; medianMBps: number; runsMBps: number[] }>;
  ratioEngineOverCurlMedian: number;
  engineHost: { rssBeforeMiB: number; maxRssBeforeMiB: number; peakRssMiB: number; rssAfterMiB: number };
  runs: RunResult[];
  verificationFailures: number;
  /** Responses the bench server saw end before their whole body was sent. */
  serverIncidents: string[];
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export const toMiB = (bytes: number): number => bytes / (1024 * 1024);

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Best/median over the runs of a tool that passed verification. */
export function toolSummary(runs: RunResult[], tool: Tool): Report['tools'][Tool] {
  const speeds = runs.filter((r) => r.tool === tool && r.ok).map((r) => round1(r.mbps));
  return { bestMBps: speeds.length ? Math.max(...speeds) : NaN, medianMBps: round1(median(speeds)), runsMBps: speeds };
}

const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

export function formatReport(r: Report): string {
  const gib = r.bytes / 1024 ** 3;
  const row = (name: string, t: Report['tools'][Tool]): string =>
    `${name.padEnd(16)}${f1(t.bestMBps).padStart(10)}${f1(t.medianMBps).padStart(12)}   ${t.runsMBps.map(f1).join(' ')}`;
  const h = r.engineHost;
  const engineTs = r.runs.filter((x) => x.tool === 'engine' && x.engineT !== undefined).map((x) => (x.engineT as number).toFixed(0));
  const failed = r.runs.filter((x) => !x.ok);
  return [
    `Download of ${r.bytes} bytes (${gib.toFixed(2)} GiB) from loopback HTTP to a file; ${r.rounds} rounds per tool, alternating.`,
    `MB/s = 10^6 bytes per second, wall clock around the whole transfer. Server ceiling (curl -o /dev/null): ${f1(r.serverCeilingMBps)} MB/s`,
    '',
    `${'tool'.padEnd(16)}${'best MB/s'.padStart(10)}${'median MB/s'.padStart(12)}   runs (MB/s)`,
    row('curl', r.tools.curl),
    row('engine (wininet)', r.tools.engine),
    `engine/curl (median): ${Number.isFinite(r.ratioEngineOverCurlMedian) ? r.ratioEngineOverCurlMedian.toFixed(2) : 'n/a'}`,
    `engine host RSS: ${f1(h.rssBeforeMiB)} MiB before the first download, peak ${f1(h.peakRssMiB)} MiB ` +
      `(+${f1(h.peakRssMiB - h.rssBeforeMiB)} MiB), ${f1(h.rssAfterMiB)} MiB after`,
    `engine finished.t (ms, for reference): ${engineTs.join(' ')}`,
    failed.length === 0
      ? `verification: all ${r.runs.length} files ok (size every run, sha256 in round 1)`
      : `VERIFICATION FAILED (${failed.length}):\n${failed.map((x) => `  ${x.tool} round ${x.round}: ${x.error}`).join('\n')}`,
    ...r.serverIncidents.map((x) => `server: ${x}`),
  ].join('\n');
}
