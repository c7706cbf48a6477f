// `npm run web`: the app in a browser. Composes the core, the browser-mode hooks and the
// loopback server, prints the page URL and runs until SIGINT/SIGTERM. Importing this
// module starts it (scripts/start.mjs relies on that). `--downloads-dir DIR` (or
// INETSCOPE_DOWNLOADS_DIR) fixes where saves go; the page can see it, not change it.
// `--workspace DIR` (repeatable, or INETSCOPE_WORKSPACES) opens a folder as a workspace:
// the page cannot choose one.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppCore } from '../core/app-core.js';
import { DisposableStore } from '../core/lifecycle.js';
import { defaultDataDir, portFromEnv, startFolders } from './data-dir.js';
import { createBrowserHooks, downloadsDir } from './hooks.js';
import { startWebServer } from './server.js';

const log = (m: string): void => void process.stderr.write(`${m}\n`);

async function main(): Promise<void> {
  const port = portFromEnv(process.env.INETSCOPE_PORT);
  const dataDir = defaultDataDir();
  const home = os.homedir();
  const start = startFolders(process.argv.slice(2), process.env, process.cwd(), home);
  const startDir = start.downloadsDir;
  // The hooks need the settings, which live in the core the hooks are given to.
  const created: { core?: AppCore } = {};
  const hooks = createBrowserHooks({ settings: async () => (created.core ? created.core.call('getSettings', {}) : {}) });
  // Fixed for this run: the start's choice, else the settings file's, else the default.
  const fixedSettings = (stored: { downloadsDir?: string }) => ({ downloadsDir: startDir ?? downloadsDir(stored.downloadsDir, home) });
  const shutdown = new DisposableStore();
  const core = await AppCore.create({ dataDir, hooks, log, fixedSettings, workspaces: start.workspaces });
  shutdown.add(() => core.close());
  created.core = core;
  const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  const token = process.env.INETSCOPE_TOKEN || undefined;
  const server = await startWebServer({ core, port, staticDir, log, ...(token ? { token } : {}) });
  shutdown.add(() => server.close());
  process.stdout.write(`InetScope browser mode: ${server.url}\n`);

  const stop = (): void => {
    shutdown.dispose().then(
      // Unref'd: it only fires if something still holds the event loop open.
      () => void setTimeout(() => process.exit(0), 2000).unref(),
      (e: unknown) => {
        log(`InetScope: error while closing: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  log(`InetScope: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
