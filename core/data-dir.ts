// Where the app keeps its data, following each platform's convention (the same place the
// desktop app uses, so both modes share history and settings; `inetscope run` reads the
// secrets there). INETSCOPE_DATA_DIR comes first.
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
