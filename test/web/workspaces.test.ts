// Browser mode's workspaces: folders come only from where the server starts (--workspace,
// repeatable, and INETSCOPE_WORKSPACES), never from the page. The real `npm run web`
// entry (dist/web/main.js) is started as a child process and asked over its socket.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { projectRoot } from '../../engine/paths.js';
import { startFolders } from '../../web/data-dir.js';
import { runProcess } from '../support/cli.js';
import { ContractClient, openSocket } from '../support/web-client.js';

const MAIN = path.join(projectRoot, 'dist', 'web', 'main.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-web-ws-'));
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Starts browser mode; resolves with its page URL once it printed it (bounded). */
function startWeb(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, INETSCOPE_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in 20 s: ${err}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => (err += String(d)));
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const m = /browser mode: (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: new URL(m[1]!) });
      }
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${err}`)));
  });
}

test('--workspace and INETSCOPE_WORKSPACES: those folders are open in listWorkspaces; the page cannot add one', { timeout: 60_000 }, async () => {
  const a = path.join(tmp, 'alpha');
  const b = path.join(tmp, 'beta');
  fs.mkdirSync(a);
  fs.mkdirSync(b);
  fs.writeFileSync(path.join(a, 'workspace.yaml'), 'name: Alpha\n');
  const { child, url } = await startWeb(['--workspace', a], { INETSCOPE_DATA_DIR: path.join(tmp, 'data'), INETSCOPE_WORKSPACES: b });
  const ws = await openSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`, { origin: url.origin });
  try {
    const client = new ContractClient(ws);
    const list = await client.call('listWorkspaces', {});
    assert.equal(list.ok, true, JSON.stringify(list));
    const open = (list.output as { open: Array<{ name: string; location: string }> }).open;
    assert.deepEqual(open.map((w) => [w.name, w.location]), [['My workspace', path.join(tmp, 'data', 'workspaces', 'default')], ['Alpha', a], ['beta', b]]);
    const dialog = await client.call('openWorkspace', { choose: 'dialog' });
    assert.equal(dialog.error?.code, 'NO_FOLDER_DIALOG');
    assert.match(dialog.error!.message, /--workspace DIR/);
  } finally {
    ws.terminate();
    child.kill('SIGTERM');
  }
});

test('a --workspace that is not a folder stops the start with a message naming it', { timeout: 60_000 }, async () => {
  const missing = path.join(tmp, 'missing');
  const r = await runProcess(process.execPath, [MAIN, `--workspace=${missing}`], { env: { ...process.env, INETSCOPE_PORT: '0', INETSCOPE_DATA_DIR: path.join(tmp, 'data2') }, timeoutMs: 30_000 });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`the folder ${missing} does not exist`));
});

test('startFolders: --workspace repeatable (and =DIR), then the environment list; ~ and relative paths', () => {
  const env = { INETSCOPE_WORKSPACES: ['/e1', '', 'rel'].join(path.delimiter) };
  assert.deepEqual(startFolders(['--workspace', 'w1', '--workspace=~/w2', '--downloads-dir', 'dl'], env, '/cwd', '/h'), {
    downloadsDir: path.resolve('/cwd', 'dl'),
    workspaces: [path.resolve('/cwd', 'w1'), path.join('/h', 'w2'), path.resolve('/e1'), path.resolve('/cwd', 'rel')],
  });
  assert.throws(() => startFolders(['--workspace'], {}, '/cwd', '/h'), /--workspace needs a folder/);
  assert.throws(() => startFolders(['--workspaces', 'x'], {}, '/cwd', '/h'), /unknown argument "--workspaces".*--workspace DIR/);
});
