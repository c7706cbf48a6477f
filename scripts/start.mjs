// npm start (after `npm run build`): the desktop app when Electron's runtime can run
// here, otherwise browser mode in this process. Plain JS so it runs without a build step
// of its own.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronMain = path.join(root, 'dist', 'electron', 'main', 'index.js');

/**
 * The Electron binary, or the reason it cannot be used. require('electron') downloads the
 * binary when it is missing, which hangs or fails without network; a child process with a
 * deadline keeps that from stalling npm start.
 */
function findElectron() {
  if (!fs.existsSync(electronMain)) return { reason: 'the desktop shell is not built (dist/electron/main/index.js is missing)' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' };
  }
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
    env: withoutRunAsNode(),
  });
  if (probe.error) {
    return { reason: probe.error.code === 'ETIMEDOUT' ? 'fetching its binary timed out' : probe.error.message };
  }
  if (probe.status !== 0) {
    const line = (probe.stderr || '').split('\n').find((l) => /error/i.test(l)) || `exit status ${probe.status}`;
    return { reason: line.trim().slice(0, 160) };
  }
  // The downloader may print progress first; the path is the last line.
  const binary = probe.stdout.trim().split('\n').pop()?.trim();
  if (!binary || !fs.existsSync(binary)) return { reason: 'its binary is missing' };
  return { binary };
}

/** ELECTRON_RUN_AS_NODE, set by some tools, would make Electron act as plain Node. */
function withoutRunAsNode() {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function runElectron(binary) {
  const env = withoutRunAsNode();
  const child = spawn(binary, [electronMain], { cwd: root, stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('error', (e) => {
    process.stderr.write(`InetScope: could not start Electron: ${e.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

const found = findElectron();
if (found.binary) {
  runElectron(found.binary);
} else {
  process.stdout.write(`InetScope: Electron's runtime is not available here (${found.reason}); serving browser mode instead.\n`);
  await import(pathToFileURL(path.join(root, 'dist', 'web', 'main.js')).href);
}
