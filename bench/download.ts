// Download benchmark: the system curl (`curl -o`) vs the InetScope engine hosts (libcurl
// and WinInet; BENCH_ENGINES=curl,wininet chooses, default both), all saving BENCH_BYTES
// (default 1 GiB) from the same loopback server to a file, in turn, for BENCH_ROUNDS rounds
// (default 3). Every file's size is checked, and its sha256 in each tool's round 1, so a
// fast but wrong download fails the run (exit 1). Not a test: speed and memory are only
// reported, against the targets. Run with `npm run bench:download`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EngineClient } from '../engine/client.js';
import { parseRequestSpec } from '../engine/request-spec.js';
import type { EngineName } from '../engine/engine.js';
import { fileSha256, patternSha256, writePatternFile } from '../test/support/servers.js';
import { BenchError, curlVersion, engines as enginesFromEnv, envInt, runCurl, writeResult } from './common.js';
import { startFileServer } from './file-server.js';
import {
  engineSection, engineTool, formatReport, toMiB, toolSummary,
  type HostMemory, type Report, type RunResult, type Tool,
} from './summary.js';

/** Size always, sha256 when asked; returns the problem, or undefined when the file is right. */
async function verify(file: string, bytes: number, withSha: boolean): Promise<string | undefined> {
  const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
  if (size !== bytes) return size < 0 ? 'no file was written' : `file has ${size} bytes, expected ${bytes}`;
  if (!withSha) return undefined;
  const [got, want] = await Promise.all([fileSha256(file), patternSha256(bytes)]);
  return got === want ? undefined : `sha256 ${got} differs from the pattern's ${want}`;
}

interface Ctx {
  url: string;
  dir: string;
  bytes: number;
  clients: Map<EngineName, EngineClient>;
}

/** One engine download; returns the problem (or undefined) and the finished event's t. */
async function engineDownload(ctx: Ctx, engine: EngineName, round: number, file: string): Promise<{ error?: string; t: number }> {
  const client = ctx.clients.get(engine) as EngineClient;
  const fin = await client.send(`bench-${round}`, parseRequestSpec({ url: ctx.url, sink: { kind: 'file', path: file } }));
  const what = `${engine} engine`;
  if (!fin.ok) return { t: fin.t, error: `${what} failed: ${fin.error?.code ?? '?'} ${fin.error?.message ?? ''}`.trim() };
  if (fin.statusCode !== 200) return { t: fin.t, error: `${what} got HTTP ${fin.statusCode}` };
  if (fin.bodyBytes !== ctx.bytes) return { t: fin.t, error: `${what} reported ${fin.bodyBytes} body bytes, expected ${ctx.bytes}` };
  return { t: fin.t };
}

/** One timed download by one tool, then verification and deletion of the file. */
async function runOnce(ctx: Ctx, tool: Tool, round: number): Promise<RunResult> {
  const file = path.join(ctx.dir, `${tool}-${round}.bin`);
  let error: string | undefined;
  let engineT: number | undefined;
  const t0 = performance.now();
  try {
    if (tool === 'curl-o') {
      await runCurl(['-s', '-o', file, ctx.url]);
    } else {
      const r = await engineDownload(ctx, tool === 'curl-engine' ? 'curl' : 'wininet', round, file);
      engineT = r.t;
      error = r.error;
    }
  } catch (e) {
    error = (e as Error).message;
  }
  const seconds = (performance.now() - t0) / 1000;
  const withSha = round === 1;
  error ??= await verify(file, ctx.bytes, withSha);
  fs.rmSync(file, { force: true });
  const result: RunResult = {
    tool, round, bytes: ctx.bytes, seconds, mbps: ctx.bytes / 1e6 / seconds,
    checked: withSha ? 'size+sha256' : 'size', ok: error === undefined,
  };
  if (error !== undefined) result.error = error;
  if (engineT !== undefined) result.engineT = engineT;
  return result;
}

/** What the server and loopback deliver when nothing is written: context for the table. */
async function serverCeiling(url: string, bytes: number): Promise<number> {
  const t0 = performance.now();
  await runCurl(['-s', '-o', '/dev/null', url]);
  return bytes / 1e6 / ((performance.now() - t0) / 1000);
}

async function runRounds(ctx: Ctx, order: Tool[], rounds: number): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const tool of order) {
      const r = await runOnce(ctx, tool, round);
      runs.push(r);
      const tail = r.ok ? '' : `  FAILED: ${r.error}`;
      process.stderr.write(`  round ${round} ${tool.padEnd(14)} ${r.mbps.toFixed(1).padStart(8)} MB/s  ${r.seconds.toFixed(2)} s${tail}\n`);
    }
  }
  return runs;
}

/** Starts one host per engine (sequentially, so each start's memory is its own). */
async function startClients(dir: string, engines: EngineName[]): Promise<Map<EngineName, EngineClient>> {
  const clients = new Map<EngineName, EngineClient>();
  try {
    for (const engine of engines) {
      clients.set(engine, await EngineClient.start({ engine, logFile: path.join(dir, `host-${engine}.log`) }));
    }
  } catch (e) {
    await closeClients(clients);
    throw e;
  }
  return clients;
}

async function closeClients(clients: Map<EngineName, EngineClient>): Promise<void> {
  await Promise.allSettled([...clients.values()].map((c) => c.close()));
}

/** Runs the rounds between two memory readings of every engine host. */
async function measure(ctx: Ctx, order: Tool[], rounds: number): Promise<{ runs: RunResult[]; memory: Map<EngineName, HostMemory> }> {
  const before = new Map<EngineName, Awaited<ReturnType<EngineClient['stats']>>>();
  for (const [engine, client] of ctx.clients) before.set(engine, await client.stats());
  const runs = await runRounds(ctx, order, rounds);
  const memory = new Map<EngineName, HostMemory>();
  for (const [engine, client] of ctx.clients) {
    const b = before.get(engine) as { rss: number; maxRss: number };
    const after = await client.stats();
    memory.set(engine, {
      rssBeforeMiB: toMiB(b.rss), maxRssBeforeMiB: toMiB(b.maxRss), peakRssMiB: toMiB(after.maxRss),
      growthMiB: toMiB(after.maxRss - b.rss), rssAfterMiB: toMiB(after.rss),
    });
  }
  return { runs, memory };
}

async function bench(dir: string, bytes: number, rounds: number, engines: EngineName[], curl: string): Promise<Report> {
  const source = path.join(dir, 'source.bin');
  process.stderr.write(`preparing ${bytes} bytes of test data in ${dir}\n`);
  await writePatternFile(source, bytes); // also caches patternSha256(bytes)
  const server = await startFileServer(source);
  let clients = new Map<EngineName, EngineClient>();
  try {
    clients = await startClients(dir, engines);
    const ceiling = await serverCeiling(server.url, bytes);
    const order: Tool[] = ['curl-o', ...engines.map(engineTool)];
    const { runs, memory } = await measure({ url: server.url, dir, bytes, clients }, order, rounds);
    const tools = Object.fromEntries(order.map((t) => [t, toolSummary(runs, t)]));
    const curlO = toolSummary(runs, 'curl-o');
    return {
      date: new Date().toISOString(), bytes, rounds, unit: 'MB/s (MB = 10^6 bytes)',
      curlVersion: curl, serverCeilingMBps: Math.round(ceiling * 10) / 10, order, tools,
      engines: Object.fromEntries(engines.map((e) => [e, engineSection(e, runs, curlO, memory.get(e) as HostMemory)])),
      runs,
      verificationFailures: runs.filter((r) => !r.ok).length,
      serverIncidents: server.incidents,
    };
  } finally {
    await closeClients(clients);
    await server.close();
    fs.rmSync(source, { force: true });
  }
}

async function main(): Promise<number> {
  const bytes = envInt('BENCH_BYTES', 1024 ** 3);
  const rounds = envInt('BENCH_ROUNDS', 3);
  const engines = enginesFromEnv();
  const curl = curlVersion();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-bench-'));
  let keep = true;
  try {
    const report = await bench(dir, bytes, rounds, engines, curl);
    console.log(formatReport(report));
    console.log(`results: ${path.relative(process.cwd(), writeResult('download', report))}`);
    keep = report.verificationFailures > 0;
    return keep ? 1 : 0;
  } finally {
    if (keep) console.error(`kept ${dir} (engine host logs: host-<engine>.log)`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof BenchError ? `bench:download: ${e.message}` : e);
    process.exitCode = 1;
  },
);
