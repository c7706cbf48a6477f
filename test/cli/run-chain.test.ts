// Chained variables in `inetscope run` (bin/inetscope.js as a child process, curl engine,
// real workspace folders, a loopback server): a request needing a token from a login that
// comes later in collection order makes the login run first, once, reported as a result of
// its own; the run's own responses are the source; a cycle of chained requests fails each
// request in it naming the cycle, without a hang.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { REPO_ROOT, assertExit, runProcess } from '../support/cli.js';
import { startChainServer, type ChainServer } from '../support/chain-server.js';

const T = { timeout: 60_000 };
const BIN = path.join(REPO_ROOT, 'bin', 'inetscope.js');

interface Report {
  totals: { requests: number; run: number; passed: number; failed: number };
  requests: Array<{ path: string; status?: number; passed: boolean; error?: { code: string; message: string } }>;
}

describe('inetscope run with chained variables', () => {
  let srv: ChainServer;
  let tmp: string;

  before(async () => {
    srv = await startChainServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-run-chain-'));
  });
  after(async () => {
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const workspace = (name: string, files: Record<string, unknown>): string => {
    const root = path.join(tmp, name);
    for (const [rel, value] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), stringify(value));
    }
    return root;
  };
  const run = async (root: string, exit: number): Promise<{ report: Report; from: number }> => {
    const from = srv.seen.length;
    const r = await runProcess(process.execPath, [BIN, 'run', root, '-r', 'json'], { env: { ...process.env, INETSCOPE_DATA_DIR: path.join(tmp, 'data') }, timeoutMs: 45_000 });
    assertExit(r, exit);
    return { report: JSON.parse(r.stdout.toString('utf8')) as Report, from };
  };
  const get = (name: string, url: string, headers: Array<{ name: string; value: string }>, seq: number) => ({ name, request: { url: `${srv.url}${url}`, headers }, seq });

  test('the login a later request needs runs first, once; its token, header and status reach the requests after it', T, async () => {
    const root = workspace('shop', {
      'workspace.yaml': {
        name: 'Shop',
        variables: [
          { name: 'token', value: '', from: { request: 'auth/login.yaml', source: 'body', path: '$.token' } },
          { name: 'session', value: '', from: { request: 'auth/login.yaml', source: 'header', path: 'X-Session' } },
          { name: 'loginStatus', value: '', from: { request: 'auth/login.yaml', source: 'status' } },
        ],
      },
      'orders.yaml': get('Orders', '/orders', [{ name: 'Authorization', value: 'Bearer {{token}}' }], 0),
      'auth/folder.yaml': { seq: 1 },
      'auth/login.yaml': { name: 'Login', request: { url: `${srv.url}/login`, method: 'POST' } },
      'me.yaml': get('Me', '/me', [{ name: 'X-Session', value: '{{session}}' }, { name: 'X-Login-Status', value: '{{loginStatus}}' }], 2),
    });
    const { report, from } = await run(root, 0);
    assert.deepEqual(report.requests.map((r) => [r.path, r.status]), [['auth/login.yaml', 201], ['orders.yaml', 200], ['me.yaml', 200]]);
    assert.deepEqual(report.totals, { ...report.totals, requests: 3, run: 3, passed: 3 });
    const seen = srv.seen.slice(from);
    assert.deepEqual(seen.map((s) => s.path), ['/login', '/orders', '/me'], 'the login is sent once');
    assert.equal(seen[1]!.headers.authorization, 'Bearer abc');
    assert.equal(seen[2]!.headers['x-session'], 's-1');
    assert.equal(seen[2]!.headers['x-login-status'], '201');
  });

  test('a cycle of chained requests fails each request in it, naming the cycle; nothing is sent', T, async () => {
    const root = workspace('loop', {
      'workspace.yaml': {
        name: 'Loop',
        variables: [
          { name: 'fromA', value: '', from: { request: 'a.yaml', source: 'status' } },
          { name: 'fromB', value: '', from: { request: 'b.yaml', source: 'status' } },
        ],
      },
      'a.yaml': get('A', '/a', [{ name: 'X-B', value: '{{fromB}}' }], 0),
      'b.yaml': get('B', '/b', [{ name: 'X-A', value: '{{fromA}}' }], 1),
      'c.yaml': get('C', '/c', [], 2),
    });
    const { report, from } = await run(root, 1);
    const failed = report.requests.filter((r) => !r.passed);
    assert.deepEqual(failed.map((r) => [r.path, r.error?.code]), [['b.yaml', 'CHAIN_CYCLE'], ['a.yaml', 'CHAIN_CYCLE']]);
    assert.match(failed[0]!.error!.message, /depend on each other in a cycle: a\.yaml → b\.yaml → a\.yaml/);
    assert.deepEqual(srv.seen.slice(from).map((s) => s.path), ['/c']);
  });
});
