// The CLI against the real curl as control: each case runs /usr/bin/curl and inetscope
// with the same arguments against the same loopback servers (a scripted raw-socket server
// for replies no HTTP library would send, a small HTTP server for uploads and redirects)
// and compares the exit code and the stdout bytes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngineName } from '../../engine/engine.js';
import { REPO_ROOT, runProcess } from '../support/cli.js';
import { startFaultServer, type FaultServer } from '../engine/faults/server.js';
import { startControlHttp, type ControlHttp } from './control-http.js';
import { CONTROL_CASES, type ControlCase, type ControlEnv } from './control-cases.js';

const CURL = '/usr/bin/curl';
const BIN = path.join(REPO_ROOT, 'bin', 'inetscope.js');
const T = { timeout: 120_000 };

/** One side's run, in its own directory (files it writes are compared). */
const run = (cmd: string, args: string[], cwd: string, stdin?: Buffer) => runProcess(cmd, args, { cwd, stdin });

/** What a run left behind that the case compares besides stdout: files it names. */
function filesOf(dir: string, names: string[] = []): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const n of names) {
    const p = path.join(dir, n);
    out[n] = fs.existsSync(p) ? fs.readFileSync(p).toString('latin1') : null;
  }
  return out;
}

async function compare(c: ControlCase, env: ControlEnv, engine: EngineName, tmp: string): Promise<void> {
  const dirs = { curl: fs.mkdtempSync(path.join(tmp, 'curl-')), ours: fs.mkdtempSync(path.join(tmp, 'ours-')) };
  const setup = (dir: string) => c.setup?.(dir);
  setup(dirs.curl);
  setup(dirs.ours);
  const args = c.args(env);
  const want = await run(CURL, ['-s', ...args], dirs.curl, c.stdin);
  const got = await run(process.execPath, [BIN, '--engine', engine, '-s', ...args], dirs.ours, c.stdin);
  assert.ok(!got.timedOut, `inetscope did not finish in time; stderr:\n${got.stderr}`);
  if (c.expectCurl !== undefined) assert.equal(want.code, c.expectCurl, `the control curl itself exited ${want.code}`);
  const show = (b: Buffer) => JSON.stringify(b.toString('latin1'));
  assert.equal(got.code, want.code, `exit ${got.code}, curl ${want.code}; stderr:\n${got.stderr}\nstdout ${show(got.stdout)}`);
  assert.equal(show(got.stdout), show(want.stdout), 'stdout differs from curl');
  assert.deepEqual(filesOf(dirs.ours, c.files), filesOf(dirs.curl, c.files), 'files differ from curl');
  for (const f of c.absent ?? []) assert.equal(fs.existsSync(path.join(dirs.ours, f)), false, `${f} must not exist after a failure`);
  if (c.stderr) assert.match(got.stderr, c.stderr);
}

export function cliControlSuite(engine: EngineName): void {
  describe(`inetscope CLI against curl ${'(' + engine + ' engine)'}`, () => {
    let faults: FaultServer;
    let http: ControlHttp;
    let tmp: string;
    const env: ControlEnv = { raw: (name) => `${faults.url}/fault/${name}`, http: (p) => `${http.url}${p}`, port: () => Number(new URL(faults.url).port) };

    before(async () => {
      faults = await startFaultServer((p, ctx) => {
        const name = /^\/fault\/([^?]+)/.exec(p)?.[1];
        const c = CONTROL_CASES.find((k) => k.name === name);
        return c?.script?.({ url: ctx.url, lastRequest: faults.requests[faults.requests.length - 1] ?? '' });
      });
      http = await startControlHttp();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-control-'));
    });
    after(async () => {
      await faults?.close();
      await http?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    for (const c of CONTROL_CASES) {
      const gap = c.gaps?.[engine];
      // A case a stack cannot pass is named with its reason, not counted as passing.
      if (gap) test(`${c.name} (${c.title})`, { ...T, todo: gap }, () => compare(c, env, engine, tmp));
      else test(`${c.name} (${c.title})`, T, () => compare(c, env, engine, tmp));
    }
  });
}
