// Conformance: the request as it goes on the wire (the raw fault server records each head):
// only the headers the user asked for plus those the stack must add, the request line the
// events report is the one sent, and a redirect limit stops before another hop is sent.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { head, type Script } from '../faults/script.js';
import { startFaultServer, type FaultServer } from '../faults/server.js';
import { EXPECTATIONS } from './expectations.js';
import { assertError, assertOk, memory, type Harness } from './harness.js';

const close = ['Connection', 'close'] as [string, string];
const OK: Script = [{ send: head('HTTP/1.1 200 OK', [['Content-Length', 2], close]) + 'ok' }];

async function withServer(scriptFor: (path: string) => Script, fn: (srv: FaultServer) => Promise<void>): Promise<void> {
  const srv = await startFaultServer((p) => scriptFor(p));
  try {
    await fn(srv);
  } finally {
    await srv.close();
  }
}

/** Header names of a recorded request head, lowercased, in order. */
function headerNames(requestHead: string): string[] {
  return requestHead.split('\r\n').slice(1).map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
}

function headerValue(requestHead: string, name: string): string | undefined {
  const line = requestHead.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1);
}

export function requestShapeCases(h: () => Harness): void {
  for (const method of ['GET', 'POST'] as const) {
    it(`${method}: sends the user's headers and only those the stack must add`, async () => {
      await withServer(() => OK, async (srv) => {
        const body = method === 'POST' ? { kind: 'memory' as const, base64: Buffer.from('a=1').toString('base64') } : undefined;
        const headers: Array<[string, string] | [string, string, 'empty']> = [['X-A', '1'], ['X-Empty', '', 'empty'], ['X-Gone', '']];
        const x = await h().run({ url: `${srv.url}/shape`, method, headers, body, sink: memory() });
        assertOk(x, 200);
        const got = srv.requests[0] ?? '';
        const added = EXPECTATIONS[h().engine].addedHeaders[method];
        assert.deepEqual(headerNames(got).filter((n) => !added.includes(n)), ['x-a', 'x-empty'], `the request head:\n${got}`);
        assert.equal(headerValue(got, 'x-empty')?.trim(), '', '"Name;" sends the header with an empty value');
      });
    });
  }

  it("removes the stack's own User-Agent when asked, or refuses by name where it cannot", async () => {
    await withServer(() => OK, async (srv) => {
      const x = await h().run({ url: `${srv.url}/no-agent`, headers: [['User-Agent', '']], sink: memory() });
      if (EXPECTATIONS[h().engine].removableDefaults) {
        assertOk(x, 200);
        assert.equal(headerNames(srv.requests[0] ?? '').includes('user-agent'), false);
        return;
      }
      assertError(x, 'BAD_REQUEST');
      assert.equal(x.finished.error?.name, 'HEADER_NOT_REMOVABLE');
      assert.equal(srv.requests.length, 0, 'nothing was sent');
    });
  });

  it("sends the user's Connection header as given", async () => {
    await withServer(() => OK, async (srv) => {
      const x = await h().run({ url: `${srv.url}/conn`, headers: [['Connection', 'close']], sink: memory() });
      assertOk(x, 200);
      const lines = (srv.requests[0] ?? '').split('\r\n').filter((l) => /^connection:/i.test(l));
      assert.deepEqual(lines, ['Connection: close']);
    });
  });

  it('sends a header value as its UTF-8 bytes, and reports the response head as the bytes received', async () => {
    const value = 'caf\u00e9 \u201cq\u201d';
    const utf8 = Buffer.from(value, 'utf8').toString('latin1');
    await withServer(() => [{ send: head('HTTP/1.1 200 OK', [['X-Name', utf8], ['Content-Length', 2], close]) + 'ok' }], async (srv) => {
      const x = await h().run({ url: `${srv.url}/utf8`, headers: [['X-Q', value]], sink: memory() });
      assertOk(x, 200);
      assert.equal(headerValue(srv.requests[0] ?? '', 'x-q')?.trim(), utf8, 'the value on the wire');
      const reported = x.events.find((e) => e.type === 'headers');
      assert.match(reported?.type === 'headers' ? reported.rawHeaders : '', new RegExp(`\r\nX-Name: ${utf8}\r\n`), 'the head as a latin1 string of its bytes');
    });
  });

  it('reports the request line it sent, also after an HTTP/1.0 reply', async () => {
    await withServer(() => [{ send: head('HTTP/1.0 200 OK', [['Content-Length', 2]]) + 'hi' }], async (srv) => {
      const x = await h().run({ url: `${srv.url}/v10`, sink: memory() });
      assertOk(x, 200);
      const reported = x.events.find((e) => e.type === 'headers');
      const line = reported?.type === 'headers' ? reported.requestHeaders?.split('\r\n')[0] : undefined;
      assert.equal(line, 'GET /v10 HTTP/1.1');
      assert.equal(line, srv.requests[0]?.split('\r\n')[0], 'the line the server got');
    });
  });

  it('stops at maxRedirects before another hop is sent (a 307 chain with a body)', async () => {
    // An endless chain of 307s: a stack that does not stop runs on until the server closes.
    const chain = (p: string): Script => {
      const k = Number(/^\/chain\/(\d+)/.exec(p)?.[1] ?? 0);
      return [{ send: head('HTTP/1.1 307 Temporary Redirect', [['Location', `/chain/${k + 1}`], ['Content-Length', 0], close]) }];
    };
    await withServer(chain, async (srv) => {
      const body = { kind: 'memory' as const, base64: Buffer.from('a=1').toString('base64') };
      const x = await h().run({ url: `${srv.url}/chain/0`, method: 'POST', body, followRedirects: true, maxRedirects: 2, sink: memory() });
      assertError(x, 'TOO_MANY_REDIRECTS');
      const paths = srv.requests.map((r) => r.split(' ')[1]);
      assert.deepEqual(paths.slice(0, 3), ['/chain/0', '/chain/1', '/chain/2']);
      // Under Wine the worker sends further hops after the close (wine-quirks.ts, redirectCloseRuns).
      if (EXPECTATIONS[h().engine].redirectLimitStopsNextHop) assert.equal(paths.length, 3, `requests: ${paths.join(' ')}`);
    });
  });
}
