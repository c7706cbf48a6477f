// Server authentication leg by leg against a real server (Debian's apache2 with
// mod_auth_digest and mod_auth_basic): every 401 the engine answers is a hop of its own
// (AUTH_CHALLENGE, AUTH_LEG), in the events, the timeline and the HAR; curl's own --digest
// beside ours. WinInet under Wine: Digest refused by name, Basic from the first request.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InetEvent } from '../../contract/events.js';
import { assertExit, runCli, runProcess } from '../support/cli.js';
import { startAuthServer, startNtlmServer, type AuthServer } from '../support/apache.js';

const T = { timeout: 90_000 };

describe('inetscope -u with --digest / --anyauth / --basic (apache2)', () => {
  let server: AuthServer;
  let dir: string;
  before(async () => {
    server = await startAuthServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-auth-'));
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cred = () => `${server.user}:${server.password}`;
  const run = async (name: string, args: string[]) => {
    const events = path.join(dir, `${name}.ndjson`);
    const har = path.join(dir, `${name}.har`);
    const r = await runCli([...args, '--events', events, '--har', har]);
    const list = fs.readFileSync(events, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as InetEvent);
    return { r, list, har: JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: Array<Record<string, unknown> & { response: { status: number } }> } } };
  };
  const natives = (list: InetEvent[], status: string) => list.filter((e) => e.type === 'native' && e.status === status);
  const heads = (list: InetEvent[]) => list.filter((e) => e.type === 'headers') as Extract<InetEvent, { type: 'headers' }>[];

  it('curl itself: --digest gets 200 from this server (the peer the engine is compared with)', T, async () => {
    const r = await runProcess('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{num_connects}', '--digest', '-u', cred(), `${server.url}/digest/index.html`]);
    assert.match(r.stdout.toString(), /^200 /, server.log());
  });

  it('--digest on curl: 401 then 200, two hops, the second with its Authorization: Digest', T, async () => {
    const { r, list, har } = await run('digest', ['--engine', 'curl', '--digest', '-u', cred(), `${server.url}/digest/index.html`]);
    assertExit(r, 0);
    assert.equal(r.stdout.toString(), 'you are in digest\n');
    const h = heads(list);
    assert.deepEqual(h.map((e) => [e.hop, e.statusCode]), [[0, 401], [1, 200]]);
    const challenge = natives(list, 'AUTH_CHALLENGE');
    assert.equal(challenge.length, 1);
    assert.deepEqual(challenge[0]?.type === 'native' && challenge[0].info, { value: 401, schemes: ['Digest'] });
    assert.equal(natives(list, 'AUTH_LEG')[0]?.hop, 0, 'the AUTH_LEG closes hop 0');
    assert.doesNotMatch(h[0]?.requestHeaders ?? '', /authorization:/i, 'the first leg goes without credentials');
    assert.match(h[1]?.requestHeaders ?? '', /^Authorization: Digest username="alice", realm="InetScope test"/m);
    // Each leg its own phases: hop 1 sends its own request.
    assert.equal(natives(list, 'SENDING_REQUEST').filter((e) => e.hop === 1).length, 1);
    assert.deepEqual(har.log.entries.map((e) => e.response.status), [401, 200]);
    assert.deepEqual(har.log.entries[0]?._authLeg, { status: 401, offered: ['Digest'], answered: 'Digest' });
  });

  it('--digest with a wrong password: the second 401 is the response (exit 0, as curl without -f)', T, async () => {
    const { r, list } = await run('wrong', ['--engine', 'curl', '--digest', '-u', `${server.user}:nope`, '-i', `${server.url}/digest/index.html`]);
    assertExit(r, 0);
    assert.match(r.stdout.toString('latin1'), /^HTTP\/1\.1 401/);
    assert.deepEqual(heads(list).map((e) => [e.hop, e.statusCode]), [[0, 401], [1, 401]]);
    assert.equal(natives(list, 'AUTH_LEG').length, 1, 'the final 401 is not a leg');
    const finished = list.at(-1);
    assert.equal(finished?.type === 'finished' && finished.statusCode, 401);
  });

  it('--anyauth picks Digest from the challenge', T, async () => {
    const { r, list } = await run('any', ['--engine', 'curl', '--anyauth', '-u', cred(), `${server.url}/digest/index.html`]);
    assertExit(r, 0);
    assert.match(heads(list)[1]?.requestHeaders ?? '', /^Authorization: Digest /m);
  });

  it('--basic (and plain -u): one round trip, the header on the first request', T, async () => {
    for (const engine of ['curl', 'wininet']) {
      const { r, list } = await run(`basic-${engine}`, ['--engine', engine, '--basic', '-u', cred(), `${server.url}/basic/index.html`]);
      assertExit(r, 0);
      assert.equal(r.stdout.toString(), 'you are in basic\n', engine);
      assert.deepEqual(heads(list).map((e) => e.statusCode), [200], engine);
      assert.equal(natives(list, 'AUTH_LEG').length, 0, engine);
    }
  });

  it('--timeline labels the leg', T, async () => {
    const r = await runCli(['--engine', 'curl', '--digest', '-u', cred(), '--timeline', '-o', path.join(dir, 'tl.out'), `${server.url}/digest/index.html`]);
    assertExit(r, 0);
    assert.match(r.stderr, /AUTH_CHALLENGE \(1006\)/);
    assert.match(r.stderr, /AUTH_LEG \(1007\)/);
  });

  it('WinInet under Wine: --digest is refused by name, nothing sent', T, async () => {
    const r = await runCli(['--engine', 'wininet', '--digest', '-u', cred(), `${server.url}/digest/index.html`]);
    assertExit(r, 43);
    assert.match(r.stderr, /Digest authentication is not available on the WinInet engine under Wine/);
  });

  it('WinInet under Wine: --anyauth on a Digest-only server leaves the 401 as the response (Wine has no Digest)', T, async () => {
    const { r, list } = await run('wininet-any', ['--engine', 'wininet', '--anyauth', '-u', cred(), '-i', `${server.url}/digest/index.html`]);
    assertExit(r, 0);
    assert.match(r.stdout.toString('latin1'), /^HTTP\/1\.1 401/);
    assert.equal(natives(list, 'AUTH_LEG').length, 0);
  });

  it('WinInet under Wine: --anyauth (and --ntlm: WinInet picks from the challenge) answers a Basic 401 itself: two legs', T, async () => {
    for (const flag of ['--anyauth', '--ntlm']) {
      const { r, list, har } = await run(`wininet-leg${flag}`, ['--engine', 'wininet', flag, '-u', cred(), `${server.url}/basic/index.html`]);
      assertExit(r, 0);
      assert.equal(r.stdout.toString(), 'you are in basic\n', flag);
      const h = heads(list);
      assert.deepEqual(h.map((e) => [e.hop, e.statusCode]), [[0, 401], [1, 200]], flag);
      assert.deepEqual(natives(list, 'AUTH_CHALLENGE').map((e) => e.type === 'native' && e.info?.schemes), [['Basic']], flag);
      assert.match(h[1]?.requestHeaders ?? '', /^Authorization: Basic /m, flag);
      assert.deepEqual(har.log.entries.map((e) => e.response.status), [401, 200], flag);
    }
  });
});

describe('inetscope --ntlm against an NTLM server (impacket messages, NTLMv2 checked)', () => {
  let ntlmServer: { url: string; close(): Promise<void> };
  let dir: string;
  before(async () => {
    ntlmServer = await startNtlmServer('alice', 'wonder land', 'CORP');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-ntlm-'));
  });
  after(async () => {
    await ntlmServer?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const legs = async (engine: string, user: string) => {
    const events = path.join(dir, `${engine}.ndjson`);
    const r = await runCli(['--engine', engine, '--ntlm', '-u', user, '--events', events, `${ntlmServer.url}/`]);
    const list = fs.readFileSync(events, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as InetEvent);
    return { r, statuses: list.filter((e) => e.type === 'headers').map((e) => (e.type === 'headers' ? [e.hop, e.statusCode] : [])), list };
  };

  it('curl: Type 1 on the first request, 401 with the challenge, then 200 (two legs, one connection)', T, async () => {
    const { r, statuses, list } = await legs('curl', 'alice:wonder land');
    assertExit(r, 0);
    assert.equal(r.stdout.toString(), 'hello alice\n');
    assert.deepEqual(statuses, [[0, 401], [1, 200]]);
    const second = list.find((e) => e.type === 'native' && e.status === 'CONNECTED_TO_SERVER' && e.hop === 1);
    assert.equal(second?.type === 'native' && second.info?.reused, true, 'NTLM authenticates the connection: the leg reuses it');
  });

  it('WinInet under Wine (secur32 → ntlm_auth): 401, 401 with the challenge, 200: three round trips', T, async () => {
    const { r, statuses } = await legs('wininet', 'alice:wonder land');
    assertExit(r, 0);
    assert.equal(r.stdout.toString(), 'hello alice\n');
    assert.deepEqual(statuses, [[0, 401], [1, 401], [2, 200]]);
  });

  it('a wrong password ends in the 401 on both engines', T, async () => {
    for (const engine of ['curl', 'wininet']) {
      const { r, statuses } = await legs(engine, 'alice:nope');
      assertExit(r, 0);
      assert.deepEqual(statuses.at(-1)?.[1], 401, engine);
    }
  });
});
