// One launcher for the tests' real Debian daemons (tinyproxy, squid, apache2): a throwaway
// config in a temp dir, the daemon in the foreground on a free loopback port, started once
// the port accepts, stopped by a signal and its exit waited for, the temp dir then removed.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STARTUP_LIMIT_MS = 10_000;
const KILL_AFTER_MS = 3000;

export interface DaemonSpec {
  /** What errors call it ("squid"). */
  name: string;
  bin: string;
  /** Said when the binary is not there (which Debian package brings it). */
  missing: string;
  /** Writes the config (and what it names) into the temp dir; returns the daemon's arguments. */
  prepare(dir: string, port: number): string[];
  /** Files in the temp dir the daemon logs to, for failure messages. */
  logFiles: string[];
  /** The temp dir's mode (a daemon that drops root needs to write or read there). */
  dirMode?: number;
  /** The daemon's environment (default: the tests'), given the temp dir. */
  env?(dir: string): NodeJS.ProcessEnv;
}

export interface Daemon {
  port: number;
  dir: string;
  /** Its log files and its stdout/stderr (kept after close). */
  log(): string;
  close(): Promise<void>;
}

/** Binds port 0 and releases it; the tiny race window is acceptable for tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startDaemon(spec: DaemonSpec): Promise<Daemon> {
  if (!existsSync(spec.bin)) throw new Error(spec.missing);
  const dir = mkdtempSync(join(tmpdir(), `inetscope-${spec.name}-`));
  if (spec.dirMode !== undefined) chmodSync(dir, spec.dirMode);
  let output = '';
  let finalLog: string | undefined;
  const read = (f: string): string => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '');
  const log = (): string => finalLog ?? spec.logFiles.map(read).join('') + output;
  let child: ChildProcess | undefined;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (child ? stopProcess(child) : Promise.resolve()).then(() => {
      finalLog = log();
      rmSync(dir, { recursive: true, force: true });
    });
    return closing;
  };
  try {
    const port = await freePort();
    const args = spec.prepare(dir, port);
    child = spawn(spec.bin, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(spec.env ? { env: spec.env(dir) } : {}) });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitListening(child, port, log, spec);
    return { port, dir, log, close };
  } catch (err) {
    await close();
    throw err;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Polls until the port accepts TCP; rejects if the process fails to spawn, dies, or time runs out. */
async function waitListening(child: ChildProcess, port: number, log: () => string, spec: DaemonSpec): Promise<void> {
  let spawnError: Error | undefined;
  child.once('error', (err: NodeJS.ErrnoException) => (spawnError = err.code === 'ENOENT' ? new Error(spec.missing) : err));
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (spawnError) throw spawnError;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${spec.name} exited during startup (${child.exitCode ?? child.signalCode}):\n${log()}`);
    }
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${spec.name} did not accept connections on port ${port} within ${STARTUP_LIMIT_MS} ms:\n${log()}`);
}

/** SIGTERM, then SIGKILL after KILL_AFTER_MS; resolves once the process has exited. */
export function stopProcess(child: ChildProcess): Promise<void> {
  // No pid means spawn failed: there is nothing to wait for.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // SIGKILL fallback so a wedged daemon can never hang the test run.
    const force = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
