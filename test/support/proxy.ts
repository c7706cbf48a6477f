// A real forward proxy (Debian's tinyproxy) for the proxy conformance tests,
// run in the foreground with a throwaway config so tests never touch /etc.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestProxy {
  url: string;
  port: number;
  close(): Promise<void>;
  /** tinyproxy's log file plus its stdout/stderr, for failure messages. */
  log(): string;
}

const STARTUP_LIMIT_MS = 10_000;
const MISSING = 'tinyproxy is not installed (Debian: apt-get install tinyproxy)';

function findTinyproxy(): string {
  if (existsSync('/usr/bin/tinyproxy')) return '/usr/bin/tinyproxy';
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'tinyproxy'))) return join(dir, 'tinyproxy');
  }
  throw new Error(MISSING);
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

export interface TinyproxyOptions {
  /** tinyproxy's BasicAuth: every request must carry these proxy credentials (Basic). */
  basicAuth?: { user: string; password: string };
}

function writeConfig(dir: string, port: number, opts: TinyproxyOptions): string {
  // No User/Group: tinyproxy then keeps the current user (root here) with a warning.
  const lines = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 60',
    'Allow 127.0.0.1',
    'LogLevel Info',
    `LogFile "${join(dir, 'tinyproxy.log')}"`,
    `PidFile "${join(dir, 'tinyproxy.pid')}"`,
    'MaxClients 50',
    'ViaProxyName "inetscope-test-proxy"',
    'DisableViaHeader No',
    ...(opts.basicAuth ? [`BasicAuth ${opts.basicAuth.user} ${opts.basicAuth.password}`] : []),
  ];
  const path = join(dir, 'tinyproxy.conf');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
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

/** Polls until the port accepts TCP; rejects if the process dies or time runs out. */
export async function waitListening(child: ChildProcess, port: number, log: () => string, name = 'tinyproxy'): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null || child.killed) {
      throw new Error(`${name} exited during startup (${child.exitCode ?? child.signalCode}):\n${log()}`);
    }
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} did not accept connections on port ${port} within ${STARTUP_LIMIT_MS} ms:\n${log()}`);
}

export function stopProcess(child: ChildProcess): Promise<void> {
  // No pid means spawn failed: there is nothing to wait for.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // SIGKILL fallback so a wedged proxy can never hang the test run.
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts tinyproxy in the foreground on a free loopback port; resolves once it accepts TCP. */
export async function startTinyproxy(opts: TinyproxyOptions = {}): Promise<TestProxy> {
  const bin = findTinyproxy();
  const dir = mkdtempSync(join(tmpdir(), 'inetscope-proxy-'));
  const port = await freePort();
  const config = writeConfig(dir, port, opts);
  let output = '';
  let finalLog: string | undefined;
  const log = (): string => {
    if (finalLog !== undefined) return finalLog;
    let file = '';
    try {
      file = readFileSync(join(dir, 'tinyproxy.log'), 'utf8');
    } catch {
      // No log file yet: tinyproxy has not got that far.
    }
    return file + output;
  };

  const child = spawn(bin, ['-d', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const spawnError = new Promise<never>((_, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new Error(MISSING) : err));
  });
  spawnError.catch(() => undefined); // only observed through the race below

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= stopProcess(child).then(() => {
      finalLog = log();
      rmSync(dir, { recursive: true, force: true });
    });
    return closing;
  };

  try {
    await Promise.race([waitListening(child, port, log), spawnError]);
  } catch (err) {
    await close();
    throw err;
  }
  return { url: `http://127.0.0.1:${port}`, port, close, log };
}
