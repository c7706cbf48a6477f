// The engine host and its client: authentication of the loopback connection, a host crash
// turned into an error on every in-flight request, and the client as the one owner of its
// hosts (a fresh one after a crash) and of the in-flight ids.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../engine/client.js';
import { acceptHost, HostStartError } from '../../engine/host-handshake.js';
import { startTestServer, type TestServer } from '../support/servers.js';
import { parseRequestSpec } from '../../engine/request-spec.js';

async function listening(): Promise<{ server: net.Server; port: number }> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as net.AddressInfo).port };
}

function connectAndSay(port: number, line: string): Promise<'closed'> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(line + '\n'));
    s.on('close', () => resolve('closed'));
    s.on('error', () => {});
  });
}

describe('host handshake', () => {
  it('drops a connection with the wrong token and accepts the right one', async () => {
    const { server, port } = await listening();
    const child = new EventEmitter();
    const token = 'a'.repeat(64);
    const accepted = acceptHost(server, child, token, 10_000, '/dev/null');
    const hello = (t: string) => JSON.stringify({ type: 'hello', token: t, engine: 'wininet', pid: 1, runtime: 'test' });
    assert.equal(await connectAndSay(port, hello('b'.repeat(64))), 'closed');
    assert.equal(await connectAndSay(port, 'not json'), 'closed');
    // A forged host-error without the token must not abort the start either.
    assert.equal(await connectAndSay(port, JSON.stringify({ type: 'host-error', token: 'x', message: 'boom' })), 'closed');
    const good = net.connect(port, '127.0.0.1', () => good.write(hello(token) + '\n'));
    const host = await accepted;
    assert.equal(host.hello.runtime, 'test');
    good.destroy();
    server.close();
  });

  it('fails clearly when the host process exits before saying hello', async () => {
    const { server } = await listening();
    const child = new EventEmitter();
    const accepted = acceptHost(server, child, 'x'.repeat(64), 10_000, '/tmp/some.log');
    child.emit('exit', 3);
    await assert.rejects(accepted, (e: unknown) => e instanceof HostStartError && /exited with code 3/.test(e.message) && /some\.log/.test(e.message));
    server.close();
  });
});

describe('host crash', () => {
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer();
  });
  after(async () => {
    await srv.close();
  });

  it('turns a killed host into HOST_CRASHED on every in-flight request', async () => {
    const client = await EngineClient.start({ engine: 'wininet' });
    let sent = 0;
    const onEvent = (e: { type: string; status?: string }) => {
      if (e.type === 'native' && e.status === 'REQUEST_SENT' && ++sent === 2) void client.kill();
    };
    const [a, b] = await Promise.all([
      client.send('one', parseRequestSpec({ url: `${srv.url}/stall` }), onEvent),
      client.send('two', parseRequestSpec({ url: `${srv.url}/stall` }), onEvent),
    ]);
    for (const f of [a, b]) {
      assert.equal(f.ok, false);
      assert.equal(f.error?.code, 'HOST_CRASHED');
      assert.match(f.error?.message ?? '', /wininet engine host/);
    }
    assert.equal(await client.active(), 0);
  });

  it('the client refuses a duplicate id, ends a killed host\'s request HOST_CRASHED and runs the next on a fresh host', async () => {
    const client = await EngineClient.start({ engine: 'curl' });
    try {
      const stall = parseRequestSpec({ url: `${srv.url}/stall` });
      let sent!: () => void;
      const sending = new Promise<void>((r) => (sent = r));
      const first = client.send('one', stall, (e) => e.type === 'native' && e.status === 'REQUEST_SENT' && sent());
      assert.throws(() => client.send('one', stall), /request id one is already in flight/);
      await sending;
      assert.equal(client.starting, false);
      await client.kill();
      const crashed = await first;
      assert.equal(crashed.error?.code, 'HOST_CRASHED');
      assert.match(crashed.error?.message ?? '', /curl engine host/);
      // The dead host is forgotten at once: the next request starts another process.
      assert.equal(client.starting, true);
      const next = await client.send('one', parseRequestSpec({ url: `${srv.url}/bytes/1000`, sink: { kind: 'memory', cap: 1000 } }));
      assert.equal(next.ok, true, JSON.stringify(next.error));
      assert.equal(next.bodyBytes, 1000);
      assert.equal(client.starting, false);
      assert.equal(client.active(), 0);
    } finally {
      await client.close();
    }
  });
});
