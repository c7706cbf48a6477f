// The host spawner seam (engine/host-spawn.ts): the desktop app starts Node-kind
// hosts as Electron utility processes (a module plus piped stdio, since its RunAsNode fuse
// is off). Electron cannot run here, so this drives the same seam with child_process.fork,
// which has that shape: the real host, a real request to a loopback server, the host's
// output piped into its log. Wine hosts always start as child processes.
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../engine/client.js';
import { HostConnection } from '../../engine/host-connection.js';
import { HostExitedEarly } from '../../engine/host-handshake.js';
import { hostLaunch } from '../../engine/host-launch.js';
import { spawnChild, spawnerFor, useNodeHostSpawner, type HostSpawner } from '../../engine/host-spawn.js';
import { startTestServer, type TestServer } from '../support/servers.js';
import { parseRequestSpec } from '../../engine/request-spec.js';

describe('host spawner seam', () => {
  let srv: TestServer;
  before(async () => void (srv = await startTestServer()));
  after(async () => {
    useNodeHostSpawner(undefined);
    await srv.close();
  });

  it('a Node-kind host started by a module spawner (utilityProcess-shaped) serves requests; its output goes to the log', async () => {
    const started: string[] = [];
    const forkSpawner: HostSpawner = ({ launch, env, logFile }) => {
      started.push(launch.entry);
      const child = fork(launch.entry, [], { env, execArgv: launch.nodeArgs, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      const log = fs.createWriteStream('', { fd: fs.openSync(logFile, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_NOFOLLOW) });
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
      child.once('exit', () => log.end());
      return child;
    };
    useNodeHostSpawner(forkSpawner);
    const client = await EngineClient.start({ engine: 'curl' });
    try {
      const f = await client.send('one', parseRequestSpec({ url: `${srv.url}/bytes/1000` }));
      assert.equal(f.ok, true, JSON.stringify(f.error));
      assert.equal(f.bodyBytes, 1000);
      assert.equal(started.length, 1);
    } finally {
      await client.close();
      useNodeHostSpawner(undefined);
    }
  });

  it('a host that exits before its hello is started once more, the first exit in its log; a second exit is the error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-early-'));
    const listener = { event: () => {}, gone: () => {} };
    // A real process that ends at once, as a Windows Node under Wine rarely does at start.
    const exitsAtOnce: HostSpawner = ({ env, logFd }) => spawn(process.execPath, ['-e', 'process.exit(1)'], { env, stdio: ['ignore', logFd, logFd] });
    try {
      let starts = 0;
      useNodeHostSpawner((r) => (++starts === 1 ? exitsAtOnce(r) : spawnChild(r)));
      const logFile = path.join(dir, 'once.log');
      const host = await HostConnection.start({ engine: 'curl', policy: 'verify', logFile }, listener);
      assert.equal(starts, 2);
      assert.match(fs.readFileSync(logFile, 'utf8'), /\[core\] the engine host exited with code 1 before it was ready \(host log: .*\); starting it once more/);
      await host.close();

      starts = 0;
      useNodeHostSpawner((r) => (++starts, exitsAtOnce(r)));
      const always = path.join(dir, 'always.log');
      await assert.rejects(HostConnection.start({ engine: 'curl', policy: 'verify', logFile: always }, listener), (e: unknown) => e instanceof HostExitedEarly && /exited with code 1/.test(e.message));
      assert.equal(starts, 2, 'one more start, not a loop');
    } finally {
      useNodeHostSpawner(undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Wine hosts always start as child processes; Node-kind ones by the spawner set, else as children', () => {
    const spy: HostSpawner = () => {
      throw new Error('not called');
    };
    useNodeHostSpawner(spy);
    assert.equal(spawnerFor(hostLaunch('curl')), spy);
    assert.equal(spawnerFor({ ...hostLaunch('curl'), kind: 'wine' }), spawnChild);
    useNodeHostSpawner(undefined);
    assert.equal(spawnerFor(hostLaunch('curl')), spawnChild);
  });
});
