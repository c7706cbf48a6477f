// `inetscope run` on a Postman collection file: bin/inetscope.js as a child process with the
// curl engine, a Postman v2.1 collection written as Postman writes one, whose requests use
// {{baseUrl}}, run against a loopback node:http server with a Postman environment file
// (--env-file) and --var; what arrives is compared with what the collection says, the JUnit
// report is checked as the workspace runs' is, and the temp workspace is gone afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { stringify } from 'yaml';
import { captureServer, type Arrived, type CaptureServer } from '../support/capture-server.js';
import { REPO_ROOT, assertExit, runProcess, type CliResult } from '../support/cli.js';

const T = { timeout: 120_000 };
const BIN = path.join(REPO_ROOT, 'bin', 'inetscope.js');
const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const header = (a: Arrived, name: string): string | undefined => a.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

const collection = {
  info: { name: 'Shop API: v2', schema: SCHEMA },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
  variable: [
    { key: 'baseUrl', value: 'http://127.0.0.1:1' },
    { key: 'token', value: 'collection-token', type: 'secret' },
    { key: 'page', value: '1' },
  ],
  item: [
    {
      name: 'Users',
      variable: [{ key: 'who', value: 'ann' }],
      item: [
        {
          name: 'List users',
          request: {
            method: 'GET',
            header: [{ key: 'X-Who', value: '{{who}}' }, { key: 'X-Off', value: 'no', disabled: true }],
            url: { raw: '{{baseUrl}}/users?page={{page}}', host: ['{{baseUrl}}'], path: ['users'], query: [{ key: 'page', value: '{{page}}' }] },
          },
        },
        {
          name: 'Create user',
          request: { method: 'POST', header: [], body: { mode: 'urlencoded', urlencoded: [{ key: 'name', value: 'bob {{page}}' }, { key: 'off', value: 'x', disabled: true }] }, url: '{{baseUrl}}/users' },
        },
      ],
    },
    {
      name: 'Ping',
      request: { method: 'PUT', auth: { type: 'noauth' }, header: [], body: { mode: 'raw', raw: '{"ping":"{{who2}}"}', options: { raw: { language: 'json' } } }, url: '{{baseUrl}}/ping' },
    },
  ],
};

describe('inetscope run FILE.postman_collection.json', () => {
  let srv: CaptureServer;
  let tmp: string;
  let file: string;
  let envFile: string;

  before(async () => {
    srv = await captureServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-postman-run-'));
    file = path.join(tmp, 'shop.postman_collection.json');
    fs.writeFileSync(file, JSON.stringify(collection, null, 2));
    envFile = path.join(tmp, 'local.postman_environment.json');
    const values = [
      { key: 'baseUrl', value: srv.origin, type: 'default', enabled: true },
      { key: 'token', value: 'env-token', type: 'secret', enabled: true },
      { key: 'who2', value: 'zed', type: 'default', enabled: true },
    ];
    fs.writeFileSync(envFile, JSON.stringify({ name: 'Local', values, _postman_variable_scope: 'environment' }));
  });
  after(async () => {
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const run = async (args: string[]): Promise<CliResult & { out: string; arrived: Arrived[] }> => {
    const from = srv.arrived.length;
    const r = await runProcess(process.execPath, [BIN, 'run', ...args], { env: { ...process.env, INETSCOPE_DATA_DIR: path.join(tmp, 'no-data'), TMPDIR: path.join(tmp, 'tmp') }, timeoutMs: 90_000 });
    return { ...r, out: r.stdout.toString('utf8'), arrived: srv.arrived.slice(from) };
  };

  test('runs in collection order with a Postman environment and --var; JUnit report; the temp workspace removed', T, async () => {
    fs.mkdirSync(path.join(tmp, 'tmp'), { recursive: true });
    const report = path.join(tmp, 'report.xml');
    const r = await run([file, '--env-file', envFile, '--var', 'page=7', '--engine', 'curl', '-r', 'cli', '-r', 'junit', '--out', report]);
    assertExit(r, 0);
    assert.deepEqual(r.arrived.map((a) => `${a.method} ${a.target}`), ['GET /users?page=7', 'POST /users', 'PUT /ping']);
    const [list, create, ping] = r.arrived as [Arrived, Arrived, Arrived];
    assert.equal(header(list, 'Authorization'), 'Bearer env-token', 'the environment file overrides the collection variable');
    assert.equal(header(list, 'X-Who'), 'ann', 'the folder variable');
    assert.equal(header(list, 'X-Off'), undefined, 'a disabled header is not sent');
    assert.equal(create.body.toString(), 'name=bob+7');
    assert.equal(header(create, 'Content-Type'), 'application/x-www-form-urlencoded');
    assert.equal(ping.body.toString(), '{"ping":"zed"}');
    assert.equal(header(ping, 'Content-Type'), 'application/json');
    assert.equal(header(ping, 'Authorization'), undefined, 'noauth on the request');
    assert.match(r.out, /^inetscope run: Shop API: v2 \(3 requests/m);
    assert.match(r.out, /environment Local/);
    assert.ok(!r.out.includes('env-token'), 'the secret from the environment file is masked on the lines');
    const xml = fs.readFileSync(report, 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    assert.deepEqual([parsed.testsuites.name, parsed.testsuites.tests, parsed.testsuites.failures, parsed.testsuites.errors], ['Shop API: v2', '3', '0', '0']);
    const cases = (parsed.testsuites.testsuite as Array<{ testcase: Array<{ name: string }> }>).flatMap((s) => s.testcase.map((c) => c.name));
    assert.deepEqual(cases, ['List users', 'Create user', 'Ping']);
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'tmp')).filter((n) => n.startsWith('inetscope-collection-')), [], 'the temp workspace is removed');
  });

  test('a workspace environment file in YAML works with a collection too', T, async () => {
    const yamlEnv = path.join(tmp, 'ci.yaml');
    fs.writeFileSync(yamlEnv, stringify({ name: 'ci', variables: [{ name: 'baseUrl', value: srv.origin }, { name: 'who2', value: 'y' }] }));
    const r = await run([file, '--env-file', yamlEnv, '--folder', 'Users', '--engine', 'curl']);
    assertExit(r, 0);
    assert.deepEqual(r.arrived.map((a) => `${a.method} ${a.target} ${header(a, 'Authorization')}`), ['GET /users?page=1 Bearer collection-token', 'POST /users Bearer collection-token']);
  });

  test('bad files exit 2 naming the file and the problem', T, async () => {
    const write = (name: string, text: string): string => (fs.writeFileSync(path.join(tmp, name), text), path.join(tmp, name));
    const cases: Array<[string[], RegExp]> = [
      [[write('broken.json', '{"info": ')], /the collection .*broken\.json is not JSON/],
      [[envFile], /local\.postman_environment\.json is not a Postman collection \(it reads as postman environment\)/],
      [[write('v1.json', JSON.stringify({ requests: [], order: [] }))], /v1\.json: the file is a Postman v1 collection/],
      [[write('other.json', '{"a":1}')], /other\.json: the file is neither a Postman collection/],
      [[file, '--env-file', write('env-bad.yaml', 'name: [x\n')], /env-bad\.yaml: not valid YAML/],
      [[file, '--env-file', write('env-shape.json', '{"values": 3}')], /env-shape\.json.*name/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      assertExit(r, 2);
      assert.match(r.stderr, message, `inetscope run ${args.join(' ')}`);
      assert.equal(r.arrived.length, 0);
    }
  });
});
