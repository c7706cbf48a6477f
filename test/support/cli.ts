// Helpers for the CLI end-to-end tests: run bin/inetscope.js as a child process,
// bounded by a timeout, and small checks on what it leaves behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { projectRoot as REPO_ROOT } from '../../engine/paths.js';

export { REPO_ROOT };
export const BIN = path.join(REPO_ROOT, 'bin', 'inetscope.js');

export interface CliResult {
  /** Exit code; null when killed (see signal / timedOut). */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: Buffer;
  stderr: string;
}

interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, then closed (default: no stdin). */
  stdin?: Buffer;
  timeoutMs?: number;
}

/** Runs a program with its output collected; kills it after timeoutMs (default 60 s). */
export function runProcess(cmd: string, args: string[], opts: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? REPO_ROOT, env: opts.env ?? process.env, stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    if (opts.stdin && child.stdin) {
      child.stdin.on('error', () => {});
      child.stdin.end(opts.stdin);
    }
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Runs `node bin/inetscope.js ...args` in the repo root; kills it after timeoutMs. */
export function runCli(args: string[], timeoutMs = 60_000): Promise<CliResult> {
  return runProcess(process.execPath, [BIN, ...args], { timeoutMs });
}

/** Asserts the exit code, showing stderr when it differs. */
export function assertExit(r: CliResult, expected: number): void {
  assert.ok(!r.timedOut, `inetscope did not finish in time; stderr:\n${r.stderr}`);
  assert.equal(r.code, expected, `exit code ${r.code} (expected ${expected}); stderr:\n${r.stderr}`);
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The .inetscope-*.part temp files left in dir. */
export function partFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => /\.inetscope-.*\.part$/.test(f));
}

/** A loopback port nothing listens on (bound, then closed again). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type EventLine = Record<string, unknown> & { type: string };

/** Every line of NDJSON text as an object (a line that does not parse fails the test). */
export function parseNdjson(text: string): EventLine[] {
  const lines = text.split('\n').filter((l) => l.length > 0);
  return lines.map((l, i) => {
    let v: unknown;
    assert.doesNotThrow(() => (v = JSON.parse(l)), `line ${i + 1} is not JSON: ${l}`);
    assert.equal(typeof v, 'object', `line ${i + 1} is not an object: ${l}`);
    return v as EventLine;
  });
}

/** The shape --events promises: started first, finished ok last, well-formed native lines. */
export function assertEventStream(events: EventLine[]): void {
  assert.ok(events.length >= 3, `only ${events.length} events`);
  assert.equal(events[0]?.type, 'started');
  const last = events[events.length - 1];
  assert.equal(last?.type, 'finished');
  assert.equal(last?.ok, true, `finished: ${JSON.stringify(last)}`);
  const native = events.filter((e) => e.type === 'native');
  for (const e of native) {
    assert.equal(typeof e.status, 'string', JSON.stringify(e));
    assert.equal(typeof e.code, 'number', JSON.stringify(e));
    assert.equal(typeof e.hop, 'number', JSON.stringify(e));
    assert.equal(typeof e.t, 'number', JSON.stringify(e));
    if ('info' in e) assert.ok(e.info !== null && typeof e.info === 'object', JSON.stringify(e));
  }
  const statuses = new Set(native.map((e) => e.status));
  for (const s of ['CONNECTED_TO_SERVER', 'REQUEST_COMPLETE']) assert.ok(statuses.has(s), `no ${s} in ${[...statuses].join(', ')}`);
}

/** The JSON body printed by a CLI run. */
export function jsonOf<T = Record<string, unknown>>(r: CliResult): T {
  return JSON.parse(r.stdout.toString('utf8')) as T;
}
