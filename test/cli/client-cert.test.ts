// curl's -E/--cert, --key, --cert-type, --pass on the inetscope command line against a TLS
// server that requires a client certificate, beside the real curl with the same flags.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { REPO_ROOT, assertExit, runCli, runProcess } from '../support/cli.js';
import { P12_PASSWORD, startClientCertServer, type ClientCertServer } from '../support/client-cert-server.js';

const T = { timeout: 60_000 };

describe('inetscope -E/--cert against a server that requires a client certificate', () => {
  let s: ClientCertServer;
  before(async () => {
    s = await startClientCertServer();
  });
  after(() => s.close());

  const ours = (args: string[], engine = 'curl') => runCli(['--engine', engine, '-sS', '--cacert', s.file('ca.pem'), ...args, `${s.url}/`]);
  const theirs = (args: string[]) => runProcess('curl', ['-sS', '--cacert', s.file('ca.pem'), ...args, `${s.url}/`]);

  it('PEM certificate and key: accepted, the server sees the subject (as with curl); the events name it', T, async () => {
    const pem = ['-E', s.file('client.pem'), '--key', s.file('client.key')];
    assert.equal((await theirs(pem)).stdout.toString(), 'subject=Alice Client\n');
    const r = await ours([...pem, '--timeline']);
    assertExit(r, 0);
    assert.equal(r.stdout.toString(), 'subject=Alice Client\n');
    assert.match(r.stderr, /CLIENT_CERT_REQUESTED \(1010\)[\s\S]*CLIENT_CERT_SENT \(1011\)\s+subject="CN=Alice Client"/);
  });

  it('P12 with its password (FILE:PASSWORD, and --pass): accepted', T, async () => {
    const colon = ['-E', `${s.file('client.p12')}:${P12_PASSWORD}`, '--cert-type', 'P12'];
    assert.equal((await theirs(colon)).stdout.toString(), 'subject=Alice Client\n');
    const har = path.join(s.dir, 'p12.har');
    for (const args of [colon, ['-E', s.file('client.p12'), '--pass', P12_PASSWORD, '--cert-type', 'p12', '--har', har]]) {
      const r = await ours(args);
      assertExit(r, 0);
      assert.equal(r.stdout.toString(), 'subject=Alice Client\n');
    }
    // The HAR names the file for its reader, never the password.
    const text = fs.readFileSync(har, 'utf8');
    assert.deepEqual(JSON.parse(text).log.entries[0]._inetscope.request.clientCert, { certName: 'client.p12', type: 'P12' });
    assert.ok(!text.includes(P12_PASSWORD));
  });

  it('a wrong P12 password: exit 58 as curl, the file named', T, async () => {
    const args = ['-E', `${s.file('client.p12')}:wrong`, '--cert-type', 'P12'];
    assert.equal((await theirs(args)).code, 58);
    const r = await ours(args);
    assertExit(r, 58);
    assert.match(r.stderr, new RegExp(`the client certificate ${s.file('client.p12').replace(/[.]/g, '\\.')} cannot be used: .*(password|mac verify)`));
  });

  it('a certificate the server refuses, and none: named, with curl\'s exit codes', T, async () => {
    const rogue = ['-E', s.file('rogue.pem'), '--key', s.file('rogue.key')];
    const refused = await ours(rogue);
    assertExit(refused, (await theirs(rogue)).code ?? -1);
    assert.match(refused.stderr, /the server refused the client certificate .*rogue\.pem/);
    const none = await ours([]);
    assertExit(none, (await theirs([])).code ?? -1);
    assert.match(none.stderr, /the server requires a client certificate and none was given/);
  });

  it('a missing file is refused before anything is sent (exit 43); --key without -E is a usage error', T, async () => {
    const missing = await ours(['-E', s.file('client.pem').replace('client.pem', 'nope.pem')]);
    assertExit(missing, 43);
    assert.match(missing.stderr, /the client certificate file .*nope\.pem does not exist/);
    const orphan = await ours(['--key', s.file('client.key')]);
    assertExit(orphan, 2);
    assert.match(orphan.stderr, /--key, --cert-type and --pass need -E\/--cert/);
  });

  it('WinInet under Wine: refused by name before anything is sent (Wine fails INTERNET_OPTION_CLIENT_CERT_CONTEXT)', T, async () => {
    const r = await ours(['-E', `${s.file('client.p12')}:${P12_PASSWORD}`, '--cert-type', 'P12'], 'wininet');
    assertExit(r, 4);
    assert.match(r.stderr, /client certificates are not available on the WinInet engine under Wine/);
  });

  it('inetscope run: the workspace\'s certificate for the host (its password from a variable); another host gets none', T, async () => {
    const root = path.join(s.dir, 'ws');
    const write = (rel: string, value: unknown) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), stringify(value));
    };
    fs.mkdirSync(path.join(root, 'certs'), { recursive: true });
    fs.copyFileSync(s.file('client.p12'), path.join(root, 'certs', 'me.p12'));
    const port = new URL(s.url).port;
    write('workspace.yaml', { name: 'mTLS', variables: [{ name: 'p12pass', value: P12_PASSWORD }], clientCerts: [{ host: `LOCALHOST:${port}`, cert: 'certs/me.p12', type: 'P12', passwordVariable: 'p12pass' }] });
    write('a-who.yaml', { name: 'who', seq: 0, request: { url: `${s.url}/who`, engine: 'curl' } });
    write('b-other.yaml', { name: 'other host', seq: 1, request: { url: `https://127.0.0.1:${port}/other`, engine: 'curl' } });
    const r = await runProcess(process.execPath, [path.join(REPO_ROOT, 'bin', 'inetscope.js'), 'run', root, '-k', '-r', 'json'], { env: { ...process.env, INETSCOPE_DATA_DIR: path.join(s.dir, 'data') }, timeoutMs: 45_000 });
    const report = JSON.parse(r.stdout.toString('utf8')) as { requests: Array<{ name: string; status?: number; error?: { code: string; message: string } }> };
    const [who, other] = report.requests;
    assert.equal(who?.status, 200, JSON.stringify(report));
    assert.equal(other?.error?.code, 'TLS_HANDSHAKE', JSON.stringify(report));
    assert.match(other?.error?.message ?? '', /requires a client certificate and none was given/);
  });
});
