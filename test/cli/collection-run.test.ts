// `inetscope run` end to end: real workspace folders in a temp dir, bin/inetscope.js as a
// child process with a real engine (curl; one WinInet case), a loopback server that records
// what arrives. What the server receives is compared with what the collection says.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { stringify } from 'yaml';
import { workspaceIdFor } from '../../core/workspace/registry.js';
import { captureServer, type Arrived, type CaptureServer } from '../support/capture-server.js';
import { REPO_ROOT, assertExit, closedPort, runProcess, type CliResult } from '../support/cli.js';

const T = { timeout: 120_000 };
const BIN = path.join(REPO_ROOT, 'bin', 'inetscope.js');

function respond(a: Arrived, res: import('node:http').ServerResponse): void {
  const json = (status: number, value: unknown): void => void res.writeHead(status, { 'content-type': 'application/json', 'x-shop': 'yes' }).end(JSON.stringify(value));
  if (a.target.startsWith('/users/2')) return json(404, { error: 'no such user' });
  if (a.target.startsWith('/users')) return json(200, { users: [{ id: 1, name: 'ann' }], page: a.target });
  if (a.target.startsWith('/slow')) return void setTimeout(() => json(200, { slow: true }), 300);
  return json(200, { ok: true, got: a.body.toString('utf8') });
}

const header = (a: Arrived, name: string): string | undefined => a.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe('inetscope run', () => {
  let srv: CaptureServer;
  let tmp: string;
  let host: string;

  before(async () => {
    srv = await captureServer(respond);
    host = srv.origin.replace('http://', '');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-run-test-'));
  });
  after(async () => {
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A workspace folder from file path → YAML value (a string is written as it is). */
  const workspace = (name: string, files: Record<string, unknown>): string => {
    const root = fs.mkdtempSync(path.join(tmp, `${name}-`));
    for (const [rel, value] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), typeof value === 'string' ? value : stringify(value));
    }
    return root;
  };

  const run = async (args: string[], dataDir = path.join(tmp, 'no-data')): Promise<CliResult & { out: string; arrived: Arrived[] }> => {
    const from = srv.arrived.length;
    const r = await runProcess(process.execPath, [BIN, 'run', ...args], { env: { ...process.env, INETSCOPE_DATA_DIR: dataDir }, timeoutMs: 90_000 });
    return { ...r, out: r.stdout.toString('utf8'), arrived: srv.arrived.slice(from) };
  };

  /** Three requests in two folders, an environment, variables at each level. */
  const shop = (): string =>
    workspace('shop', {
      'workspace.yaml': {
        name: 'Shop',
        variables: [
          { name: 'host', value: '127.0.0.1:1' },
          { name: 'token', value: 'ws-token' },
          { name: 'page', value: '1' },
        ],
        environments: [{ name: 'dev', variables: [{ name: 'host', value: host }] }],
      },
      'auth/folder.yaml': { variables: [{ name: 'user', value: 'alice' }], seq: 0 },
      'auth/login.yaml': {
        name: 'Login',
        request: { url: 'http://{{host}}/login', method: 'POST', headers: [{ name: 'X-User', value: '{{user}}' }], body: { kind: 'text', text: '{"user":"{{user}}"}' } },
      },
      'users/folder.yaml': { seq: 1 },
      'users/list.yaml': {
        name: 'List users',
        request: { url: 'http://{{host}}/users?page={{page}}', headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }] },
        seq: 0,
        assertions: [{ kind: 'status', equals: 200 }, { kind: 'jsonPath', path: '$.users[0].name', equals: 'ann' }],
      },
      'users/create.yaml': {
        name: 'Create user',
        request: { url: 'http://{{host}}/users', method: 'POST', body: { kind: 'form', fields: [{ name: 'name', value: 'bob {{page}}' }, { name: 'off', value: 'x', enabled: false }] } },
        seq: 1,
      },
    });

  test('a workspace runs in collection order: the server gets what the collection says, a line per request', T, async () => {
    const r = await run([shop(), '--env', 'dev', '--engine', 'curl']);
    assertExit(r, 0);
    assert.deepEqual(r.arrived.map((a) => `${a.method} ${a.target}`), ['POST /login', 'GET /users?page=1', 'POST /users']);
    const [login, list, create] = r.arrived as [Arrived, Arrived, Arrived];
    assert.equal(header(login, 'X-User'), 'alice');
    assert.equal(login.body.toString(), '{"user":"alice"}');
    assert.equal(header(list, 'Authorization'), 'Bearer ws-token');
    assert.equal(create.body.toString(), 'name=bob+1');
    assert.equal(header(create, 'Content-Type'), 'application/x-www-form-urlencoded');
    assert.match(r.out, /^inetscope run: Shop \(3 requests, engine curl, environment dev\)$/m);
    assert.match(r.out, /^auth\/$/m);
    const origin = `http://${host.replace(/\./g, '\\.')}`;
    assert.match(r.out, new RegExp(`^ {2}✓ Login {2}POST ${origin}/login {2}200 {2}[\\d.]+ ms {2}\\(dns [\\d.]+ · connect [\\d.]+ · wait [\\d.]+ · receive [\\d.]+ ms\\)$`, 'm'));
    // One engine client for the run: the next request reuses the connection (no dns, no connect).
    assert.match(r.out, new RegExp(`^ {2}✓ List users {2}GET ${origin}/users\\?page=1 {2}200 {2}[\\d.]+ ms {2}\\(.*wait [\\d.]+ · receive [\\d.]+ ms\\)$`, 'm'));
    assert.match(r.out, /^ {6}✓ \$\.users\[0\]\.name equals "ann"$/m);
    assert.match(r.out, /^3 requests: 3 passed, 0 failed · 2 assertions: 2 passed, 0 failed · [\d.]+ ms$/m);
  });

  test('--var overrides every scope; --folder and a PATH inside the workspace run one folder', T, async () => {
    const root = shop();
    const v = await run([root, '--env', 'dev', '--var', 'page=7', '--var', 'token=from-cli', '--var', 'user=zoe']);
    assertExit(v, 0);
    assert.equal(v.arrived[1]?.target, '/users?page=7');
    assert.equal(header(v.arrived[1]!, 'Authorization'), 'Bearer from-cli');
    assert.equal(header(v.arrived[0]!, 'X-User'), 'zoe', 'a run variable overrides a folder variable');
    const f = await run([root, '--env', 'dev', '--folder', 'users']);
    assertExit(f, 0);
    assert.deepEqual(f.arrived.map((a) => `${a.method} ${a.target}`), ['GET /users?page=1', 'POST /users']);
    const p = await run([path.join(root, 'auth'), '--env', 'dev']);
    assertExit(p, 0);
    assert.deepEqual(p.arrived.map((a) => a.target), ['/login']);
  });

  const checks = async (): Promise<string> =>
    workspace('checks', {
      'workspace.yaml': { name: 'Checks', variables: [{ name: 'host', value: host }] },
      'bad/missing.yaml': {
        name: 'Missing user',
        request: { url: 'http://{{host}}/users/2' },
        assertions: [
          { kind: 'status', equals: 200 },
          { kind: 'header', name: 'X-Missing' },
          { kind: 'jsonPath', path: '$.error', equals: 'yes' },
          { kind: 'header', name: 'x-shop', equals: 'yes' },
        ],
      },
      'bad/slow.yaml': { name: 'Slow', request: { url: 'http://{{host}}/slow' }, assertions: [{ kind: 'time', belowMs: 50 }] },
      'down.yaml': `name: "Down <\\"&'> \\x07"\nrequest:\n  url: http://127.0.0.1:${await closedPort()}/\n`,
      'good/all.yaml': {
        name: 'All pass',
        request: { url: 'http://{{host}}/users' },
        assertions: [
          { kind: 'status', oneOf: [200, 204] },
          { kind: 'header', name: 'CONTENT-TYPE', equals: 'application/json' },
          { kind: 'jsonPath', path: '$.users[*].id' },
          { kind: 'jsonPath', path: '$.users[0]', equals: { id: 1, name: 'ann' } },
          { kind: 'time', belowMs: 60_000 },
        ],
      },
    });

  test('assertions pass and fail with expected and actual; a transport failure fails its request; exit 1', T, async () => {
    const root = await checks();
    const r = await run([root, '-r', 'cli', '-r', 'json', '--out', path.join(root, '..', 'checks.json')]);
    assertExit(r, 1);
    assert.match(r.out, /^ {6}✗ status equals 200: expected 200, got 404$/m);
    assert.match(r.out, /^ {6}✗ header X-Missing is present: expected present, got absent$/m);
    assert.match(r.out, /^ {6}✗ \$\.error equals "yes": expected "yes", got "no such user"$/m);
    assert.match(r.out, /^ {6}✓ header x-shop equals "yes"$/m);
    assert.match(r.out, /^ {6}✗ time below 50 ms: expected < 50 ms, got \d+ ms$/m);
    assert.match(r.out, /^ {2}✗ Down .* {2}GET http:\/\/127\.0\.0\.1:\d+\/ {2}- {2}[\d.]+ ms {2}.*failed: /m);
    const doc = JSON.parse(fs.readFileSync(path.join(root, '..', 'checks.json'), 'utf8'));
    assert.deepEqual(doc.totals, { requests: 4, run: 4, passed: 1, failed: 3, assertions: 10, assertionsFailed: 4, tests: 0, testsPassed: 0, testsFailed: 0, testsNotRun: 0 });
    assert.deepEqual(doc.requests.map((x: { path: string; passed: boolean }) => [x.path, x.passed]), [['bad/missing.yaml', false], ['bad/slow.yaml', false], ['down.yaml', false], ['good/all.yaml', true]]);
    assert.equal(doc.requests[2].error.code, 'CONNECT_FAILED');
    assert.deepEqual(doc.requests[2].assertions, []);
    assert.deepEqual(doc.requests[0].assertions[2], { kind: 'jsonPath', description: '$.error equals "yes"', passed: false, expected: '"yes"', actual: '"no such user"' });
    assert.equal(doc.workspace.name, 'Checks');
  });

  test('--bail stops at the first failure: later requests are not sent', T, async () => {
    const r = await run([await checks(), '--bail']);
    assertExit(r, 1);
    assert.deepEqual(r.arrived.map((a) => a.target), ['/users/2']);
    assert.match(r.out, /^1 request: 0 passed, 1 failed · 4 assertions: 1 passed, 3 failed · [\d.]+ ms · stopped at the first failure \(--bail\): 3 not run$/m);
  });

  test('junit: valid XML with a testsuite per folder, a testcase per request, failures and errors counted', T, async () => {
    const root = await checks();
    const prefix = path.join(root, '..', 'reports', 'run');
    fs.mkdirSync(path.dirname(prefix), { recursive: true });
    const r = await run([root, '-r', 'junit', '-r', 'json', '--out', prefix]);
    assertExit(r, 1);
    assert.equal(r.out, '', 'no cli reporter: nothing on stdout');
    const xml = fs.readFileSync(`${prefix}.xml`, 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(fs.existsSync(`${prefix}.json`));
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'failure', 'error'].includes(name) }).parse(xml);
    const all = parsed.testsuites;
    assert.deepEqual([all.name, all.tests, all.failures, all.errors], ['Checks', '4', '2', '1']);
    const suites = all.testsuite as Array<{ name: string; tests: string; failures: string; errors: string; testcase: Array<{ name: string; failure?: Array<{ message: string }>; error?: unknown[] }> }>;
    assert.deepEqual(suites.map((s) => [s.name, s.tests, s.failures, s.errors]), [['bad', '2', '2', '0'], ['Checks', '1', '0', '1'], ['good', '1', '0', '0']]);
    const missing = suites[0]!.testcase[0]!;
    assert.equal(missing.name, 'Missing user');
    assert.match(missing.failure![0]!.message, /^3 of 4 assertions failed: status equals 200 \(expected 200, got 404\)$/);
    const down = suites[1]!.testcase[0]!;
    assert.equal(down.name, `Down <"&'> \uFFFD`, 'escaped, and a control character XML cannot hold replaced');
    assert.equal(down.error?.length, 1);
    assert.equal(suites[2]!.testcase[0]!.failure, undefined);
  });

  test('a malformed request file refuses the run (exit 2, file, line and field named, nothing sent)', T, async () => {
    const root = shop();
    fs.writeFileSync(path.join(root, 'users', 'typo.yaml'), 'name: Typo\nrequest:\n  url: http://x/\nassertions:\n  - kind: status\n    equal: 200\n');
    const r = await run([root, '--env', 'dev']);
    assertExit(r, 2);
    assert.match(r.stderr, /users\/typo\.yaml:6: assertions\.0\.equal: /);
    assert.equal(r.arrived.length, 0);
    fs.writeFileSync(path.join(root, 'users', 'typo.yaml'), 'name: [unclosed\n');
    const y = await run([root, '--env', 'dev']);
    assertExit(y, 2);
    assert.match(y.stderr, /users\/typo\.yaml: not valid YAML/);
  });

  test('usage and file errors exit 2 with a message naming the problem', T, async () => {
    const root = shop();
    const cases: Array<[string[], RegExp]> = [
      [[], /takes one PATH/],
      [[root, '--reporter', 'xml'], /--reporter must be cli, json or junit/],
      // (an existing file: Node 20 itself reads a --env-file argument, docs/known-gaps.md)
      [[root, '--env', 'dev', '--env-file', path.join(root, 'workspace.yaml')], /--env and --env-file/],
      [[root, '--var', 'novalue'], /--var needs NAME=VALUE/],
      [[root, '--env', 'prod'], /no environment named "prod"/],
      [[root, '--folder', 'nope'], /no such folder.*folders: auth, users/],
      [[root, '-r', 'json', '-r', 'cli'], /needs --out FILE/],
      [[root, '--out', 'x.json'], /add --reporter json or --reporter junit/],
      [[tmp], /not in a workspace/],
      [[root, '--frobnicate'], /unknown option --frobnicate/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      assertExit(r, 2);
      assert.match(r.stderr, message, `inetscope run ${args.join(' ')}`);
    }
  });

  test('--env-file, and secrets from the data dir (absent: the request is not sent, naming the variable)', T, async () => {
    const root = workspace('secret', {
      'workspace.yaml': { name: 'Secret', variables: [{ name: 'apiKey', value: '', secret: true }] },
      'get.yaml': { name: 'Get', request: { url: 'http://{{host}}/users?key={{apiKey}}' } },
    });
    const envFile = path.join(root, '..', 'secret-env.yaml');
    fs.writeFileSync(envFile, stringify({ name: 'ci', variables: [{ name: 'host', value: host }] }));
    const none = await run([root, '--env-file', envFile]);
    assertExit(none, 1);
    assert.match(none.out, /✗ Get {2}GET http:\/\/\{\{host\}\}\/users\?key=\{\{apiKey\}\} {2}not sent: \{\{apiKey\}\} is not defined, used in url/);
    assert.equal(none.arrived.length, 0);
    const dataDir = path.join(tmp, 'data-with-secrets');
    fs.mkdirSync(path.join(dataDir, 'secrets'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'secrets', `${workspaceIdFor(fs.realpathSync(root))}.json`), JSON.stringify({ workspace: { apiKey: 's3cret' } }));
    const withKey = await run([root, '--env-file', envFile], dataDir);
    assertExit(withKey, 0);
    assert.equal(withKey.arrived[0]?.target, '/users?key=s3cret');
    assert.match(withKey.out, /environment ci\)/);
    assert.ok(!withKey.out.includes('s3cret'), 'the line shows the secret as its {{name}}');
    assert.match(withKey.out, /\/users\?key=\{\{apiKey\}\} {2}200/);
  });

  test('the WinInet engine runs the same collection', { timeout: 180_000 }, async () => {
    const r = await run([shop(), '--env', 'dev', '--engine', 'wininet']);
    assertExit(r, 0);
    assert.deepEqual(r.arrived.map((a) => `${a.method} ${a.target}`), ['POST /login', 'GET /users?page=1', 'POST /users']);
    assert.equal(r.arrived[2]?.body.toString(), 'name=bob+1');
    assert.match(r.out, /engine wininet/);
  });
});
