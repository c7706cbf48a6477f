// Aggregation, table and JSON shape of the curl threading benchmark (MB = 10^6 bytes).

export type StrategyId = 'curl-cli' | 'worker' | 'relay' | 'worker-512k' | 'relay-512k';

export const STRATEGY_LABELS: Record<StrategyId, string> = {
  'curl-cli': 'A curl -s -o (CLI)',
  worker: 'B worker_thread multi',
  relay: 'C relay (.async)',
  'worker-512k': 'D worker, 512 KiB buf',
  'relay-512k': 'E relay, 512 KiB buf',
};

export interface Lag {
  /** Largest gap between two ticks of a 10 ms setInterval, minus 10 ms. */
  maxIntervalLagMs: number;
  /** perf_hooks.monitorEventLoopDelay (10 ms resolution): p99 and max, beyond the 10 ms. */
  p99Ms: number;
  maxMs: number;
  /** performance.eventLoopUtilization over the run: the main thread's busy fraction. */
  elu: number;
}

export interface RunResult {
  strategy: StrategyId;
  round: number;
  seconds: number;
  mbps: number;
  /** Write callbacks made (undefined for the CLI). */
  callbacks?: number;
  /** Worker only: seconds spent inside the worker's multi loop. */
  workerSeconds?: number;
  lag: Lag;
  ok: boolean;
  error?: string;
}

interface StrategySummary {
  label: string;
  medianMBps: number;
  runsMBps: number[];
  ratioToCurl: number;
  callbacks?: number;
  avgBytesPerCallback?: number;
  /** Worst over the strategy's runs. */
  maxIntervalLagMs: number;
  maxLoopDelayMs: number;
  p99LoopDelayMs: number;
  /** Median over the strategy's runs. */
  mainThreadBusyPct: number;
}

export interface Report {
  date: string;
  bytes: number;
  rounds: number;
  unit: 'MB/s (MB = 10^6 bytes)';
  node: string;
  curlVersion: string;
  strategies: Partial<Record<StrategyId, StrategySummary>>;
  runs: RunResult[];
  failures: number;
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function summarize(runs: RunResult[], ids: StrategyId[], bytes: number): Report['strategies'] {
  const out: Report['strategies'] = {};
  const curlMedian = median(runs.filter((r) => r.strategy === 'curl-cli' && r.ok).map((r) => r.mbps));
  for (const id of ids) {
    const mine = runs.filter((r) => r.strategy === id);
    const ok = mine.filter((r) => r.ok);
    const med = median(ok.map((r) => r.mbps));
    const callbacks = ok.find((r) => r.callbacks !== undefined)?.callbacks;
    out[id] = {
      label: STRATEGY_LABELS[id],
      medianMBps: r1(med),
      runsMBps: ok.map((r) => r1(r.mbps)),
      ratioToCurl: r3(med / curlMedian),
      callbacks,
      avgBytesPerCallback: callbacks ? Math.round(bytes / callbacks) : undefined,
      maxIntervalLagMs: r1(Math.max(...mine.map((r) => r.lag.maxIntervalLagMs))),
      maxLoopDelayMs: r1(Math.max(...mine.map((r) => r.lag.maxMs))),
      p99LoopDelayMs: r1(Math.max(...mine.map((r) => r.lag.p99Ms))),
      mainThreadBusyPct: r1(100 * median(mine.map((r) => r.lag.elu))),
    };
  }
  return out;
}

const f = (x: number | undefined, digits = 1): string => (x !== undefined && Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

export function formatReport(r: Report): string {
  const head =
    'strategy'.padEnd(24) + 'MB/s'.padStart(8) + 'x curl'.padStart(8) + 'callbacks'.padStart(11) +
    'B/cb'.padStart(8) + 'lag max'.padStart(9) + 'p99'.padStart(7) + 'busy%'.padStart(7) + '   runs (MB/s)';
  const rows = Object.values(r.strategies).map(
    (s) =>
      s.label.padEnd(24) + f(s.medianMBps).padStart(8) + f(s.ratioToCurl, 2).padStart(8) +
      (s.callbacks === undefined ? '-' : String(s.callbacks)).padStart(11) +
      (s.avgBytesPerCallback === undefined ? '-' : String(s.avgBytesPerCallback)).padStart(8) +
      f(s.maxIntervalLagMs).padStart(9) + f(s.p99LoopDelayMs).padStart(7) + f(s.mainThreadBusyPct).padStart(7) + '   ' + s.runsMBps.map((x) => f(x)).join(' '),
  );
  const failed = r.runs.filter((x) => !x.ok);
  return [
    `Download of ${r.bytes} bytes from a loopback HTTP server (child process) to a file; ${r.rounds} rounds, strategies alternating.`,
    'MB/s = 10^6 B/s (median, wall clock); "lag max" = worst main-thread delay of a 10 ms setInterval (ms);',
    '"p99" = worst per-run p99 of monitorEventLoopDelay beyond its 10 ms (ms); "busy%" = main-thread eventLoopUtilization.',
    `B/cb = bytes per write callback. ${r.node}, ${r.curlVersion.split(' ').slice(0, 3).join(' ')}`,
    '',
    head,
    ...rows,
    failed.length === 0
      ? `verification: all ${r.runs.length} files ok (size, plus 16 sampled 64 KiB blocks against the source)`
      : `FAILED (${failed.length}):\n${failed.map((x) => `  ${x.strategy} round ${x.round}: ${x.error}`).join('\n')}`,
  ].join('\n');
}
