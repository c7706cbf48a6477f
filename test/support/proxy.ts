// A real forward proxy (Debian's tinyproxy) for the proxy conformance tests,
// run in the foreground with a throwaway config so tests never touch /etc.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon } from './daemon.js';

export { freePort } from './daemon.js';

export interface TestProxy {
  url: string;
  port: number;
  close(): Promise<void>;
  /** The proxy's log files plus its stdout/stderr, for failure messages. */
  log(): string;
}

const MISSING = 'tinyproxy is not installed (Debian: apt-get install tinyproxy)';

function findTinyproxy(): string {
  if (existsSync('/usr/bin/tinyproxy')) return '/usr/bin/tinyproxy';
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'tinyproxy'))) return join(dir, 'tinyproxy');
  }
  throw new Error(MISSING);
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

/** Starts tinyproxy in the foreground on a free loopback port; resolves once it accepts TCP. */
export async function startTinyproxy(opts: TinyproxyOptions = {}): Promise<TestProxy> {
  const d = await startDaemon({
    name: 'tinyproxy',
    bin: findTinyproxy(),
    missing: MISSING,
    prepare: (dir, port) => ['-d', '-c', writeConfig(dir, port, opts)],
    logFiles: ['tinyproxy.log'],
  });
  return { url: `http://127.0.0.1:${d.port}`, port: d.port, close: d.close, log: d.log };
}
