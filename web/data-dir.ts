// Where browser mode keeps its data, following each platform's convention (the same
// place the desktop app uses, so both modes share history and settings).
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.INETSCOPE_DATA_DIR) return path.resolve(env.INETSCOPE_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'InetScope');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'InetScope');
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share');
  return path.join(base, 'inetscope');
}

/** INETSCOPE_PORT: an integer 0–65535 (0, the default, picks a free port). */
export function portFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`INETSCOPE_PORT must be an integer 0-65535, not ${JSON.stringify(value)}`);
  return n;
}

/**
 * The downloads folder fixed where browser mode starts: `--downloads-dir DIR` (or
 * `--downloads-dir=DIR`), else INETSCOPE_DOWNLOADS_DIR, else undefined (the settings
 * file's value or the default then). `~` is the home folder; a relative path is taken from
 * the working directory. Any other argument is refused, so a typo is not silently ignored.
 */
export function downloadsDirFromStart(argv: string[], env: NodeJS.ProcessEnv, cwd: string, home: string): string | undefined {
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--downloads-dir') {
      given = argv[++i];
      if (given === undefined || given.trim() === '') throw new Error('--downloads-dir needs a folder');
    } else if (arg.startsWith('--downloads-dir=')) {
      given = arg.slice('--downloads-dir='.length);
      if (given.trim() === '') throw new Error('--downloads-dir needs a folder');
    } else {
      throw new Error(`unknown argument ${JSON.stringify(arg)} (browser mode takes --downloads-dir DIR)`);
    }
  }
  const d = (given ?? env.INETSCOPE_DOWNLOADS_DIR)?.trim();
  if (!d) return undefined;
  if (d === '~' || d.startsWith('~/') || d.startsWith('~\\')) return path.join(home, d.slice(1));
  return path.resolve(cwd, d);
}
