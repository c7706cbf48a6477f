// A real HTTP server with real authentication (Debian's apache2: mod_auth_basic and
// mod_auth_digest) for the auth-leg tests, run in the foreground (-X: one process) with a
// throwaway config in a temp dir, so tests never touch /etc. /basic/ and /digest/ ask for
// the one user this server knows (mod_auth_digest does MD5 only: no SHA-256 here).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';
import { startDaemon, stopProcess } from './daemon.js';

export interface AuthServer {
  url: string;
  user: string;
  password: string;
  realm: string;
  close(): Promise<void>;
  /** The error log, for failure messages. */
  log(): string;
}

const MODULES = '/usr/lib/apache2/modules';
const STARTUP_LIMIT_MS = 10_000;
const MISSING = 'apache2 is not installed (Debian: apt-get install apache2)';
const NEEDED = ['mpm_prefork', 'authn_core', 'authn_file', 'authz_core', 'authz_user', 'auth_basic', 'auth_digest'];

function writeConfig(dir: string, port: number, realm: string): string {
  const protect = (path: string, types: string, provider: string) => [
    `<Location "${path}">`,
    `  AuthType ${types}`,
    `  AuthName "${realm}"`,
    ...provider.split('\n').map((l) => `  ${l}`),
    '  Require valid-user',
    '</Location>',
  ];
  const lines = [
    `ServerRoot "${dir}"`,
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    ...NEEDED.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    // Run as root (CI), apache drops to this user: the temp files are world-readable.
    ...(process.getuid?.() === 0 ? ['User nobody', 'Group nogroup'] : []),
    `PidFile "${join(dir, 'httpd.pid')}"`,
    `ErrorLog "${join(dir, 'error.log')}"`,
    'LogLevel info',
    `DocumentRoot "${join(dir, 'www')}"`,
    `<Directory "${join(dir, 'www')}">`,
    '  Require all granted',
    '</Directory>',
    'KeepAlive On',
    ...protect('/basic/', 'Basic', `AuthBasicProvider file\nAuthUserFile "${join(dir, 'htpasswd')}"`),
    ...protect('/digest/', 'Digest', `AuthDigestProvider file\nAuthUserFile "${join(dir, 'htdigest')}"\nAuthDigestDomain /digest/`),
  ];
  const file = join(dir, 'httpd.conf');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** htdigest's line (user:realm:MD5(user:realm:password)) and a {SHA} htpasswd line, written as the tools write them. */
function writeUsers(dir: string, user: string, password: string, realm: string): void {
  const ha1 = createHash('md5').update(`${user}:${realm}:${password}`).digest('hex');
  writeFileSync(join(dir, 'htdigest'), `${user}:${realm}:${ha1}\n`);
  writeFileSync(join(dir, 'htpasswd'), `${user}:{SHA}${createHash('sha1').update(password).digest('base64')}\n`);
  for (const d of ['basic', 'digest']) {
    mkdirSync(join(dir, 'www', d), { recursive: true });
    writeFileSync(join(dir, 'www', d, 'index.html'), `you are in ${d}\n`);
  }
}

export async function startAuthServer(): Promise<AuthServer> {
  if (!existsSync(`${MODULES}/mod_auth_digest.so`)) throw new Error(MISSING);
  const [user, password, realm] = ['alice', 'wonder land', 'InetScope test'];
  const d = await startDaemon({
    name: 'apache2',
    bin: '/usr/sbin/apache2',
    missing: MISSING,
    dirMode: 0o755,
    prepare: (dir, port) => {
      writeUsers(dir, user, password, realm);
      return ['-X', '-f', writeConfig(dir, port, realm)];
    },
    logFiles: ['error.log'],
    env: (dir) => ({ ...process.env, APACHE_RUN_DIR: dir }),
  });
  return { url: `http://127.0.0.1:${d.port}`, user, password, realm, log: d.log, close: d.close };
}

/** The NTLM server of test/support/ntlm-server.py (impacket's NTLM messages, NTLMv2 checked), run by Debian's python3. */
export async function startNtlmServer(user: string, password: string, domain: string): Promise<{ url: string; close(): Promise<void> }> {
  const script = join(REPO_ROOT, 'test', 'support', 'ntlm-server.py');
  const child = spawn('/usr/bin/python3', ['-u', script, user, password, domain], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const t0 = Date.now();
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  const listening = new Promise<number>((resolve, reject) => {
    // A bound that only catches a hang; what it says tells a slow start from a silent one.
    const timer = setTimeout(() => reject(new Error(`the NTLM server did not start within ${(Date.now() - t0) / 1000} s (pid ${child.pid}, running: ${child.exitCode === null}); stdout: ${JSON.stringify(out)}; stderr: ${JSON.stringify(err)}`)), 6 * STARTUP_LIMIT_MS);
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`the NTLM server exited with ${code} (python3-impacket installed?): ${err}`)));
  });
  // A server that never said where it listens is stopped too, not left running.
  const port = await listening.catch(async (e: unknown) => {
    await stopProcess(child);
    throw e;
  });
  return { url: `http://127.0.0.1:${port}`, close: () => stopProcess(child) };
}
