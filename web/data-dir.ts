// Browser mode's start settings: its data dir (core/data-dir.ts: the one `inetscope run`
// reads secrets from too), its port, the folders fixed on its command line.
import path from 'node:path';

export { defaultDataDir } from '../core/data-dir.js';

/** INETSCOPE_PORT: an integer 0–65535 (0, the default, picks a free port). */
export function portFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`INETSCOPE_PORT must be an integer 0-65535, not ${JSON.stringify(value)}`);
  return n;
}

/** Folders fixed where browser mode starts (the page can name neither). */
export interface StartFolders {
  downloadsDir: string | undefined;
  /** Opened as workspaces, in order: --workspace flags first, then INETSCOPE_WORKSPACES. */
  workspaces: string[];
}

const FLAGS = ['--downloads-dir', '--workspace'] as const;

/**
 * `--downloads-dir DIR` (once) and `--workspace DIR` (repeatable), each also as `--flag=DIR`;
 * the environment adds INETSCOPE_DOWNLOADS_DIR (if no flag) and INETSCOPE_WORKSPACES (a
 * path-delimiter separated list). `~` is the home folder; a relative path is taken from the
 * working directory. Any other argument is refused, so a typo is not silently ignored.
 */
export function startFolders(argv: string[], env: NodeJS.ProcessEnv, cwd: string, home: string): StartFolders {
  const given: Record<(typeof FLAGS)[number], string[]> = { '--downloads-dir': [], '--workspace': [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const flag = FLAGS.find((f) => arg === f || arg.startsWith(`${f}=`));
    if (!flag) throw new Error(`unknown argument ${JSON.stringify(arg)} (browser mode takes --downloads-dir DIR and --workspace DIR)`);
    const value = arg === flag ? argv[++i] : arg.slice(flag.length + 1);
    if (value === undefined || value.trim() === '') throw new Error(`${flag} needs a folder`);
    given[flag].push(value);
  }
  const resolve = (d: string): string => (d === '~' || d.startsWith('~/') || d.startsWith('~\\') ? path.join(home, d.slice(1)) : path.resolve(cwd, d));
  const downloads = (given['--downloads-dir'].at(-1) ?? env.INETSCOPE_DOWNLOADS_DIR)?.trim();
  const fromEnv = (env.INETSCOPE_WORKSPACES ?? '').split(path.delimiter).map((d) => d.trim()).filter(Boolean);
  return { downloadsDir: downloads ? resolve(downloads) : undefined, workspaces: [...given['--workspace'], ...fromEnv].map((d) => resolve(d.trim())) };
}

/** The downloads folder of startFolders. */
export function downloadsDirFromStart(argv: string[], env: NodeJS.ProcessEnv, cwd: string, home: string): string | undefined {
  return startFolders(argv, env, cwd, home).downloadsDir;
}
