// The start half of the UI benchmark (bench/ui.ts): `npm run web` spawned on the built
// tree (its build step finds nothing changed), timed from the spawn until the printed URL
// answers an HTTP GET. Its data and downloads go to a temporary folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../test/e2e/support.js';

const DEADLINE_MS = 120_000;
const URL_LINE = /InetScope browser mode: (http:\/\/\S+)/;

export interface StartTime {
  /** ms from spawning `npm run web` to its URL answering; NaN if it never did. */
  ms: number;
  /** Whether it printed "building (sources changed)…" (the tree was not fresh). */
  built: boolean;
}

async function answers(url: string): Promise<boolean> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await r.arrayBuffer();
    return r.ok;
  } catch {
    return false;
  }
}

export async function measureStart(): Promise<StartTime> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-start-'));
  const env = { ...process.env, INETSCOPE_DATA_DIR: dir, INETSCOPE_DOWNLOADS_DIR: dir, INETSCOPE_PORT: '0' };
  const t0 = performance.now();
  // Detached: its own process group, so npm and the node it starts stop together.
  const child = spawn('npm', ['run', '--silent', 'web'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.resume();
  try {
    while (performance.now() - t0 < DEADLINE_MS && child.exitCode === null) {
      const url = URL_LINE.exec(out)?.[1];
      if (url && (await answers(url))) return { ms: performance.now() - t0, built: out.includes('building (sources changed)') };
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms: NaN, built: out.includes('building (sources changed)') };
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
