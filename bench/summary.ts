// Aggregation and printing for the download benchmark: per-tool best/median MB/s
// (MB = 10^6 bytes), each engine's median ratio against `curl -o`, and each engine
// host's memory, with the issue's targets reported (as information, never as a failure).
import type { EngineName } from '../engine/engine.js';

type EngineTool = `${EngineName}-engine`;
/** `curl-o` is the system curl writing with -o; the others are InetScope engine hosts. */
export type Tool = 'curl-o' | EngineTool;

export const engineTool = (e: EngineName): EngineTool => `${e}-engine`;

const LABELS: Record<Tool, string> = { 'curl-o': 'curl -o', 'curl-engine': 'curl engine', 'wininet-engine': 'wininet engine' };

/** The issue's targets; an engine without an entry has none. */
const TARGETS: Partial<Record<EngineName, { minRatio: number; maxGrowthMiB: number }>> = {
  curl: { minRatio: 0.9, maxGrowthMiB: 64 },
};

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
  /** Engines only: the finished event's own t (ms). */
  engineT?: number;
}

interface ToolSummary {
  bestMBps: number;
  medianMBps: number;
  runsMBps: number[];
}

/** Memory of an engine host, in MiB (2^20 bytes); growth = peak − RSS before the first download. */
export interface HostMemory {
  rssBeforeMiB: number;
  maxRssBeforeMiB: number;
  peakRssMiB: number;
  growthMiB: number;
  rssAfterMiB: number;
}

interface EngineSection {
  tool: EngineTool;
  /** Engine median MB/s over curl -o median MB/s. */
  ratioOverCurlOMedian: number;
  ratioTarget?: { min: number; met: boolean };
  host: HostMemory;
  growthTarget?: { maxMiB: number; met: boolean };
  /** The finished events' own t (ms), per round. */
  finishedTMs: number[];
}

export interface Report {
  date: string;
  bytes: number;
  rounds: number;
  unit: 'MB/s (MB = 10^6 bytes)';
  curlVersion: string;
  /** curl -o /dev/null from the same server: what the server and loopback can deliver. */
  serverCeilingMBps: number;
  /** The order the tools ran in, every round. */
  order: Tool[];
  tools: Partial<Record<Tool, ToolSummary>>;
  engines: Partial<Record<EngineName, EngineSection>>;
  runs: RunResult[];
  verificationFailures: number;
  /** Responses the bench server saw end before their whole body was sent. */
  serverIncidents: string[];
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export const toMiB = (bytes: number): number => bytes / (1024 * 1024);

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Best/median over the runs of a tool that passed verification. */
export function toolSummary(runs: RunResult[], tool: Tool): ToolSummary {
  const speeds = runs.filter((r) => r.tool === tool && r.ok).map((r) => round1(r.mbps));
  return { bestMBps: speeds.length ? Math.max(...speeds) : NaN, medianMBps: round1(median(speeds)), runsMBps: speeds };
}

/** An engine's section: its ratio against curl -o, its host memory, and the targets it has. */
export function engineSection(engine: EngineName, runs: RunResult[], curlO: ToolSummary, host: HostMemory): EngineSection {
  const tool = engineTool(engine);
  const ratio = Math.round((toolSummary(runs, tool).medianMBps / curlO.medianMBps) * 1000) / 1000;
  const target = TARGETS[engine];
  const section: EngineSection = {
    tool,
    ratioOverCurlOMedian: ratio,
    host,
    finishedTMs: runs.filter((r) => r.tool === tool && r.engineT !== undefined).map((r) => Math.round(r.engineT as number)),
  };
  if (target) {
    // NaN (no verified run) compares false: not met.
    section.ratioTarget = { min: target.minRatio, met: ratio >= target.minRatio };
    section.growthTarget = { maxMiB: target.maxGrowthMiB, met: host.growthMiB < target.maxGrowthMiB };
  }
  return section;
}

const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const metText = (met: boolean): string => (met ? 'met' : 'NOT met');

function toolRows(r: Report): string[] {
  const rows = r.order.map((tool) => {
    const t = r.tools[tool];
    if (!t) return LABELS[tool];
    return `${LABELS[tool].padEnd(16)}${f1(t.bestMBps).padStart(10)}${f1(t.medianMBps).padStart(12)}   ${t.runsMBps.map(f1).join(' ')}`;
  });
  return [`${'tool'.padEnd(16)}${'best MB/s'.padStart(10)}${'median MB/s'.padStart(12)}   runs (MB/s)`, ...rows];
}

function engineLines(engine: EngineName, s: EngineSection): string[] {
  const h = s.host;
  const ratio = s.ratioTarget
    ? `target ≥ ${s.ratioTarget.min.toFixed(2)}: ${metText(s.ratioTarget.met)}`
    : 'no target';
  const growth = s.growthTarget ? `target < ${s.growthTarget.maxMiB} MiB: ${metText(s.growthTarget.met)}` : 'no target';
  return [
    `${engine} engine:`,
    `  median vs curl -o: ${f2(s.ratioOverCurlOMedian)}   (${ratio})`,
    `  host RSS: ${f1(h.rssBeforeMiB)} MiB before the first download, peak ${f1(h.peakRssMiB)} MiB, ` +
      `growth ${f1(h.growthMiB)} MiB (${growth}); ${f1(h.rssAfterMiB)} MiB after`,
    `  finished.t (ms, for reference): ${s.finishedTMs.join(' ')}`,
  ];
}

function targetsText(): string {
  return (Object.entries(TARGETS) as [EngineName, { minRatio: number; maxGrowthMiB: number }][])
    .map(([e, t]) => `${e} engine median ≥ ${t.minRatio} × curl -o, ${e} engine host growth < ${t.maxGrowthMiB} MiB`)
    .join('; ');
}

export function formatReport(r: Report): string {
  const gib = r.bytes / 1024 ** 3;
  const failed = r.runs.filter((x) => !x.ok);
  const engines = Object.entries(r.engines) as [EngineName, EngineSection][];
  return [
    `Download of ${r.bytes} bytes (${gib.toFixed(2)} GiB) from loopback HTTP to a file; ${r.rounds} rounds, ` +
      `each running ${r.order.map((t) => LABELS[t]).join(', ')} in turn.`,
    `MB/s = 10^6 bytes per second, wall clock around the whole transfer. Server ceiling (curl -o /dev/null): ${f1(r.serverCeilingMBps)} MB/s`,
    `Targets (information only, never a failure): ${targetsText()}`,
    '',
    ...toolRows(r),
    '',
    ...engines.flatMap(([e, s]) => engineLines(e, s)),
    failed.length === 0
      ? `verification: all ${r.runs.length} files ok (size every run, sha256 in round 1 of each tool)`
      : `VERIFICATION FAILED (${failed.length}):\n${failed.map((x) => `  ${LABELS[x.tool]} round ${x.round}: ${x.error}`).join('\n')}`,
    ...r.serverIncidents.map((x) => `server: ${x}`),
  ].join('\n');
}
