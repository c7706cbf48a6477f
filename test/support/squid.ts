// A real forward proxy with Digest proxy authentication (Debian's squid and its
// digest_file_auth helper), in the foreground with a throwaway config, no cache directory,
// and its pid file and logs in a temp dir.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, stopProcess, waitListening, type TestProxy } from './proxy.js';

const SQUID = '/usr/sbin/squid';
const HELPER = '/usr/lib/squid/digest_file_auth';
const MISSING = 'squid is not installed (Debian: apt-get install squid; it brings digest_file_auth)';

function config(dir: string, port: number): string {
  return [
    `http_port 127.0.0.1:${port}`,
    `pid_filename ${join(dir, 'squid.pid')}`,
    `cache_log ${join(dir, 'cache.log')}`,
    `access_log stdio:${join(dir, 'access.log')}`,
    `coredump_dir ${dir}`,
    'cache deny all',
    'cache_mem 8 MB',
    'netdb_filename none',
    'shutdown_lifetime 0 seconds',
    'visible_hostname inetscope-test-squid',
    // Plain-text "user:password" lines (no -c).
    `auth_param digest program ${HELPER} ${join(dir, 'passwd')}`,
    'auth_param digest realm inetscope-test',
    'auth_param digest children 2 startup=1 idle=1',
    'acl authed proxy_auth REQUIRED',
    'http_access allow authed',
    'http_access deny all',
  ].join('\n') + '\n';
}

/** squid on a free loopback port, asking for Digest proxy credentials user:password. */
export async function startSquidDigest(user: string, password: string): Promise<TestProxy> {
  if (!existsSync(SQUID) || !existsSync(HELPER)) throw new Error(MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'inetscope-squid-'));
  // Run as root, squid drops to its own user: that user writes the logs here.
  chmodSync(dir, 0o777);
  const port = await freePort();
  writeFileSync(join(dir, 'passwd'), `${user}:${password}\n`);
  chmodSync(join(dir, 'passwd'), 0o644);
  writeFileSync(join(dir, 'squid.conf'), config(dir, port));
  let output = '';
  const read = (f: string): string => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '');
  let finalLog: string | undefined;
  const log = (): string => finalLog ?? read('cache.log') + read('access.log') + output;
  const child = spawn(SQUID, ['-N', '-f', join(dir, 'squid.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= stopProcess(child).then(() => {
      finalLog = log();
      rmSync(dir, { recursive: true, force: true });
    });
    return closing;
  };
  try {
    await waitListening(child, port, log, 'squid');
  } catch (err) {
    await close();
    throw err;
  }
  return { url: `http://127.0.0.1:${port}`, port, close, log };
}
