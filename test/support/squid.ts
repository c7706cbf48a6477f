// A real forward proxy with Digest proxy authentication (Debian's squid and its
// digest_file_auth helper), in the foreground with a throwaway config, no cache directory,
// and its pid file and logs in a temp dir.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon } from './daemon.js';
import type { TestProxy } from './proxy.js';

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
  if (!existsSync(HELPER)) throw new Error(MISSING);
  const d = await startDaemon({
    name: 'squid',
    bin: SQUID,
    missing: MISSING,
    // Run as root, squid drops to its own user: that user writes the logs here.
    dirMode: 0o777,
    prepare: (dir, port) => {
      writeFileSync(join(dir, 'passwd'), `${user}:${password}\n`);
      chmodSync(join(dir, 'passwd'), 0o644);
      writeFileSync(join(dir, 'squid.conf'), config(dir, port));
      return ['-N', '-f', join(dir, 'squid.conf')];
    },
    logFiles: ['cache.log', 'access.log'],
  });
  return { url: `http://127.0.0.1:${d.port}`, port: d.port, close: d.close, log: d.log };
}
