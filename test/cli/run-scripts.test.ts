// Postman scripts in `inetscope run`: a Postman collection with scripts at the collection and
// request levels, imported through a real AppCore into a workspace, then run by
// bin/inetscope.js (curl engine) against a loopback server that records what arrives. With
// --trust-scripts: a pre-request script's variables and header reach the server, a test
// script's set carries to the next request, pm.test results (passing and failing) are in the
// cli lines, the JSON and the JUnit report. Without it: nothing runs, the tests are named as
// not run and the run fails. A throwing script and an endless loop are reported on their
// requests within a bounded time, and the sandbox still runs the next request's scripts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { stringify } from 'yaml';
import { AppCore } from '../../core/app-core.js';
import { workspaceIdFor } from '../../core/workspace/registry.js';
import { captureServer, type Arrived, type CaptureServer } from '../support/capture-server.js';
import { REPO_ROOT, assertExit, runProcess, type CliResult } from '../support/cli.js';

const T = { timeout: 60_000 };
const BIN = path.join(REPO_ROOT, 'bin', 'inetscope.js');
const header = (a: Arrived, name: string): string | undefined => a.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const exec = (...lines: string[]) => ({ exec: lines, type: 'text/javascript' });

function respond(a: Arrived, res: import('node:http').ServerResponse): void {
  const json = (value: unknown): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (a.target.startsWith('/login')) return json({ auth: header(a, 'authorization') ?? null, session: 's-1' });
  return json({ ok: true });
}

/** The collection: a collection-level pre-request script, a request with both kinds, one using the test script's set. */
const collection = (host: string) => ({
  info: { name: 'Scripted', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  variable: [
    { key: 'base', value: host },
    { key: 'runId', value: 'none' },
    { key: 'session', value: 'none' },
  ],
  event: [{ listen: 'prerequest', script: exec('pm.collectionVariables.set("runId", "r-" + (40 + 2));') }],
  item: [
    {
      name: 'Login',
      event: [
        { listen: 'prerequest', script: exec('pm.variables.set("token", "tok-" + pm.collectionVariables.get("runId"));', 'pm.request.headers.add({ key: "X-Added", value: "by-script" });') },
        {
          listen: 'test',
          script: exec(
            'pm.test("status is 200", () => pm.response.to.have.status(200));',
            'pm.test("echoes the token", () => pm.expect(pm.response.json().auth).to.eql("Bearer tok-r-42"));',
            'pm.test("fails on purpose", () => pm.expect(pm.response.code).to.eql(201));',
            'pm.collectionVariables.set("session", pm.response.json().session);',
            'console.log("session is", pm.response.json().session);',
          ),
        },
      ],
      request: { method: 'POST', url: 'http://{{base}}/login/{{runId}}', header: [{ key: 'Authorization', value: 'Bearer {{token}}' }] },
    },
    {
      name: 'Profile',
      event: [{ listen: 'test', script: exec('pm.test("profile ok", () => pm.response.to.be.ok);') }],
      request: { method: 'GET', url: 'http://{{base}}/profile', header: [{ key: 'X-Session', value: '{{session}}' }] },
    },
  ],
});

describe('inetscope run with Postman scripts', () => {
  let srv: CaptureServer;
  let tmp: string;
  let dataDir: string;
  let scripted: string;

  before(async () => {
    srv = await captureServer(respond);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-run-scripts-'));
    dataDir = path.join(tmp, 'data');
    const file = path.join(tmp, 'scripted.postman_collection.json');
    fs.writeFileSync(file, JSON.stringify(collection(srv.origin.replace('http://', ''))));
    const core = await AppCore.create({ dataDir, hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => file }, log: () => {} });
    try {
      const info = (await core.call('listWorkspaces', {})).open[0]!;
      const picked = await core.call('pickUploadFile', {});
      assert.ok(picked.picked);
      const imported = await core.call('importCollection', { id: info.id, fileToken: picked.fileToken });
      assert.ok(imported.notes.some((n) => n.path === 'Scripted/Login.yaml' && /test script kept: it runs once the workspace is trusted/.test(n.note)), JSON.stringify(imported.notes));
      scripted = path.join(info.location, 'Scripted');
    } finally {
      await core.close();
    }
  });
  after(async () => {
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const run = async (args: string[]): Promise<CliResult & { out: string; err: string; arrived: Arrived[]; ms: number }> => {
    const from = srv.arrived.length;
    const t0 = Date.now();
    const r = await runProcess(process.execPath, [BIN, 'run', ...args], { env: { ...process.env, INETSCOPE_DATA_DIR: dataDir }, timeoutMs: 40_000 });
    return { ...r, out: r.stdout.toString(), err: r.stderr, arrived: srv.arrived.slice(from), ms: Date.now() - t0 };
  };

  test('the imported files keep the scripts as YAML block scalars', () => {
    const text = fs.readFileSync(path.join(scripted, 'Login.yaml'), 'utf8');
    assert.match(text, /^scripts:\n {2}prerequest: \|-\n {4}pm\.variables\.set\("token", "tok-" \+ pm\.collectionVariables\.get\("runId"\)\);\n {4}pm\.request\.headers\.add/m);
    assert.match(fs.readFileSync(path.join(scripted, 'folder.yaml'), 'utf8'), /^scripts:\n {2}prerequest: pm\.collectionVariables\.set\("runId", "r-" \+ \(40 \+ 2\)\);$/m);
  });

  test('--trust-scripts: what the scripts set reaches the server; pm.test results are reported, a failing one fails the run', T, async () => {
    const prefix = path.join(tmp, 'trusted');
    const r = await run([scripted, '--trust-scripts', '--engine', 'curl', '-r', 'cli', '-r', 'json', '-r', 'junit', '--out', prefix]);
    assertExit(r, 1);
    const [login, profile] = r.arrived as [Arrived, Arrived];
    assert.deepEqual(r.arrived.map((a) => `${a.method} ${a.target}`), ['POST /login/r-42', 'GET /profile']);
    assert.equal(header(login, 'Authorization'), 'Bearer tok-r-42');
    assert.equal(header(login, 'X-Added'), 'by-script');
    assert.equal(header(profile, 'X-Session'), 's-1', "the test script's collection set carries to the next request");
    assert.match(r.out, /^ {6}✓ status is 200$/m);
    assert.match(r.out, /^ {6}✓ echoes the token$/m);
    assert.match(r.out, /^ {6}✗ fails on purpose: expected 200 to deeply equal 201$/m);
    assert.match(r.out, /^ {2}✓ Profile {2}GET /m);
    assert.match(r.out, /· 4 tests: 3 passed, 1 failed ·/);
    assert.doesNotMatch(r.err, /--trust-scripts/);
    const json = JSON.parse(fs.readFileSync(`${prefix}.json`, 'utf8'));
    assert.deepEqual(json.totals.tests, 4);
    const loginScripts = json.requests[0].scripts;
    assert.deepEqual(loginScripts.tests.map((t: { name: string; status: string }) => `${t.status} ${t.name}`), ['passed status is 200', 'passed echoes the token', 'failed fails on purpose']);
    assert.deepEqual(loginScripts.console, [{ phase: 'test', level: 'log', text: 'session is s-1' }]);
    const xml = fs.readFileSync(`${prefix}.xml`, 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name) }).parse(xml);
    assert.deepEqual([parsed.testsuites.tests, parsed.testsuites.failures, parsed.testsuites.errors], ['2', '1', '0']);
    const cases = parsed.testsuites.testsuite[0].testcase as Array<{ name: string; failure?: Array<{ message: string; '#text': string }> }>;
    assert.equal(cases[0]!.name, 'Login');
    assert.equal(cases[0]!.failure![0]!.message, '1 of 3 checks failed: test "fails on purpose" failed: expected 200 to deeply equal 201');
    assert.match(cases[0]!.failure![0]!['#text'], /^passed: test "status is 200"$/m);
    assert.equal(cases[1]!.failure, undefined);
  });

  test('without --trust-scripts no script runs: tests are named as not run, the run fails, a line says --trust-scripts runs them', T, async () => {
    const r = await run([scripted, '--engine', 'curl']);
    assertExit(r, 1);
    // No pre-request script set {{token}}, so Login is not sent; Profile goes with the file's value.
    assert.deepEqual(r.arrived.map((a) => `${a.method} ${a.target}`), ['GET /profile']);
    assert.equal(header(r.arrived[0]!, 'X-Session'), 'none');
    assert.match(r.out, /^ {2}✗ Login {2}POST http:\/\/\{\{base\}\}\/login\/\{\{runId\}\} {2}not sent: \{\{token\}\} is not defined/m);
    assert.equal(r.err.match(/--trust-scripts runs them/g)?.length, 1, r.err);
    assert.match(r.err, /2 requests have Postman scripts; they are not run/);
    assert.equal(r.out.match(/^ {6}- test script of the request: not run: scripts run only with --trust-scripts$/gm)?.length, 2, r.out);
    assert.match(r.out, /· 2 tests: 0 passed, 0 failed, 2 not run ·/);
  });

  test('a throwing script and an endless loop are reported on their requests; the next request still runs its scripts', T, async () => {
    const root = fs.mkdtempSync(path.join(tmp, 'faulty-'));
    const host = srv.origin.replace('http://', '');
    const files: Record<string, unknown> = {
      'workspace.yaml': { name: 'Faulty', variables: [{ name: 'host', value: host }, { name: 'key', value: '', secret: true }] },
      'a.yaml': { name: 'Pre throws', seq: 0, request: { url: 'http://{{host}}/pre-throws' }, scripts: { prerequest: 'throw new Error("no token here")' } },
      'b.yaml': { name: 'Test throws', seq: 1, request: { url: 'http://{{host}}/test-throws' }, scripts: { test: 'pm.test("before the throw", () => {});\nthrow new Error("boom in test")' } },
      'c.yaml': { name: 'Loops', seq: 2, request: { url: 'http://{{host}}/loops' }, scripts: { test: 'while (true) {}' } },
      'd.yaml': {
        name: 'After',
        seq: 3,
        request: { url: 'http://{{host}}/after', headers: [{ name: 'X-Key', value: '{{key}}' }] },
        scripts: { test: 'pm.test("still runs", () => pm.response.to.have.status(200));\nconsole.log("the key is", pm.variables.get("key"));' },
      },
    };
    for (const [rel, value] of Object.entries(files)) fs.writeFileSync(path.join(root, rel), stringify(value));
    // The secret's value from the data dir, as the app stores it.
    fs.mkdirSync(path.join(dataDir, 'secrets'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'secrets', `${workspaceIdFor(fs.realpathSync(root))}.json`), JSON.stringify({ workspace: { key: 'k3y-value' } }));
    const report = path.join(tmp, 'faulty.json');
    const r = await run([root, '--trust-scripts', '--script-timeout', '300', '--engine', 'curl', '-r', 'cli', '-r', 'json', '--out', report]);
    assertExit(r, 1);
    assert.ok(r.ms < 20_000, `the run took ${r.ms} ms`);
    assert.deepEqual(r.arrived.map((a) => a.target), ['/test-throws', '/loops', '/after'], 'a failed pre-request script stops its send');
    assert.match(r.out, /^ {2}✗ Pre throws {2}GET http:\/\/\{\{host\}\}\/pre-throws {2}not sent: the pre-request script of the request failed: no token here$/m);
    assert.match(r.out, /^ {6}✓ before the throw$/m);
    assert.match(r.out, /^ {6}✗ test script of the request: boom in test$/m);
    assert.match(r.out, /^ {6}✗ test script of the request: timed out after 300 ms \(the script was stopped\)$/m);
    assert.match(r.out, /^ {2}✓ After {2}GET /m);
    assert.match(r.out, /^ {6}✓ still runs$/m);
    assert.equal(header(r.arrived[2]!, 'X-Key'), 'k3y-value');
    const text = fs.readFileSync(report, 'utf8');
    assert.deepEqual(JSON.parse(text).requests[3].scripts.console, [{ phase: 'test', level: 'log', text: 'the key is {{key}}' }], 'a secret a script prints is masked in the report');
    assert.doesNotMatch(text, /k3y-value/);
  });
});
