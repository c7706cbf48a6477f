// The build's steps and their inputs, for `npm start` and `npm run web`: a step runs only
// when a stamp of its inputs (path, size and mtime of each file) differs from the one
// written after its last success, or its output is missing. `--record` writes the stamps
// without building (the end of the full `npm run build`, so the next start is fresh).
// Plain JS so it runs before anything is built.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'dist', '.build-stamps.json');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const CORE_DIRS = ['native-bridge', 'engine', 'domain', 'core', 'cli', 'contract', 'web', 'electron', 'scripts', 'test', 'bench'];
const SHARED = ['package-lock.json'];

/** Each step: what it reads, what it must leave behind, and the command. */
const STEPS = [
  {
    name: 'tsc (core)',
    dirs: CORE_DIRS,
    files: [...SHARED, 'tsconfig.json'],
    ext: /\.ts$/,
    output: 'dist/web/main.js',
    cmd: [bin('tsc'), ['-p', '.']],
  },
  {
    name: 'tsc (renderer)',
    dirs: ['renderer/src', 'contract', 'domain'],
    files: [...SHARED, 'renderer/tsconfig.json'],
    ext: /\.tsx?$/,
    cmd: [bin('tsc'), ['-p', 'renderer']],
  },
  {
    name: 'vite (renderer)',
    dirs: ['renderer', 'contract', 'domain'],
    files: [...SHARED, 'vite.config.ts'],
    ext: /\.(tsx?|css|html|svg|png|woff2?)$/,
    output: 'dist/renderer/index.html',
    cmd: [bin('vite'), ['build', '--logLevel', 'warn']],
  },
  {
    name: 'esbuild (preload)',
    dirs: ['electron', 'contract', 'domain'],
    files: [...SHARED, 'package.json'],
    ext: /\.ts$/,
    output: 'dist/electron/preload.cjs',
    cmd: ['npm', ['run', '--silent', 'build:electron']],
  },
];

/** Files under dir (relative to the root) whose names match ext; node_modules and results skipped. */
function walk(dir, ext, out) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'results') walk(rel, ext, out);
    } else if (ext.test(e.name)) out.push(rel);
  }
}

function stampOf(step) {
  const files = [...step.files];
  for (const d of step.dirs) walk(d, step.ext, files);
  const hash = crypto.createHash('sha1');
  for (const f of files.sort()) {
    const st = fs.statSync(path.join(root, f), { throwIfNoEntry: false });
    hash.update(st ? `${f}\0${st.size}\0${st.mtimeMs}\n` : `${f}\0missing\n`);
  }
  return hash.digest('hex');
}

function readStamps() {
  try {
    return JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

function writeStamps(stamps) {
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, `${JSON.stringify(stamps, null, 2)}\n`);
}

function main() {
  const record = process.argv.includes('--record');
  const stamps = readStamps();
  let announced = false;
  for (const step of STEPS) {
    const now = stampOf(step);
    const fresh = stamps[step.name] === now && (!step.output || fs.existsSync(path.join(root, step.output)));
    if (!record && !fresh) {
      if (!announced) process.stdout.write('building (sources changed)…\n');
      announced = true;
      process.stdout.write(`  ${step.name}\n`);
      const [cmd, args] = step.cmd;
      const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) {
        process.stderr.write(`InetScope: the build step ${step.name} failed\n`);
        process.exit(r.status ?? 1);
      }
    }
    stamps[step.name] = now;
    writeStamps(stamps);
  }
}

main();
