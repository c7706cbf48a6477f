// Shared bits of the benchmark parts: env settings, the system curl, engine clients, results.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EngineClient } from '../engine/client.js';
import type { EngineName } from '../engine/engine.js';

export class BenchError extends Error {}

export const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/results');

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new BenchError(`${name}=${JSON.stringify(raw)} is not a positive integer`);
  return n;
}

export function engines(): EngineName[] {
  const raw = process.env.BENCH_ENGINES?.trim();
  const all: EngineName[] = ['curl', 'wininet'];
  if (!raw) return all;
  const asked = raw.split(',').map((s) => s.trim());
  const unknown = asked.filter((s) => !all.includes(s as EngineName));
  if (unknown.length) throw new BenchError(`BENCH_ENGINES=${JSON.stringify(raw)}: expected a subset of curl,wininet`);
  return all.filter((e) => asked.includes(e));
}

export function curlVersion(): string {
  const r = spawnSync('curl', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new BenchError('this benchmark needs the system curl on PATH (apt-get install curl)');
  return r.stdout.split('\n')[0] ?? 'curl';
}

/** Runs the system curl with these arguments; rejects with its stderr on failure. */
export function runCurl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.once('error', (e) => reject(new Error(`curl could not start: ${e.message}`)));
    child.once('close', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`curl failed (${signal ?? `exit ${code}`}): ${err.trim()}`))));
  });
}

export async function withClient<T>(engine: EngineName, dir: string, fn: (c: EngineClient) => Promise<T>): Promise<T> {
  const client = await EngineClient.start({ engine, logFile: path.join(dir, `host-${engine}.log`) });
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
export const round1 = (n: number): number => Math.round(n * 10) / 10;
export const mib = (bytes: number): number => round1(bytes / 2 ** 20);

export function writeResult(name: string, report: unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}-latest.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}

/** Runs a part when its file is the entry point: prints its table, writes its JSON. */
export function runStandalone(url: string, name: string, run: () => Promise<{ table: string; ok: boolean }>): void {
  if (!process.argv[1] || pathToFileURL(process.argv[1]).href !== url) return;
  run().then(
    (r) => {
      console.log(r.table);
      console.log(`results: bench/results/${name}-latest.json`);
      process.exitCode = r.ok ? 0 : 1;
    },
    (e: unknown) => {
      console.error(e instanceof BenchError ? `bench ${name}: ${e.message}` : e);
      process.exitCode = 1;
    },
  );
}

/** A plain text table: one header row, then rows, columns padded. */
export function table(head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ')).join('\n');
}

/** One engine client per engine, all open while fn runs, all closed after. */
export async function withClients<T>(list: EngineName[], dir: string, fn: (m: Map<EngineName, EngineClient>) => Promise<T>): Promise<T> {
  const open = async (i: number, m: Map<EngineName, EngineClient>): Promise<T> => {
    const engine = list[i];
    if (!engine) return fn(m);
    return withClient(engine, dir, (c) => open(i + 1, new Map(m).set(engine, c)));
  };
  return open(0, new Map());
}
