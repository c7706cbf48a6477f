#!/usr/bin/env node
// Runs the compiled CLI (npm install builds it; `npm run build` after changes).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('inetscope: not built yet: run `npm run build` in the project folder\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
