// Conformance: the HTTP version a request asks for, against real servers that report the
// version each request came in (node:http2 with TLS/ALPN and h2c, HTTP/1.1-only ones).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { HeadersEvent, InetEvent } from '../../../contract/events.js';
import type { RequestSpecInput } from '../../../engine/request-spec.js';
import { startVersionServer, type VersionServer } from '../../support/version-servers.js';
import { EXPECTATIONS } from './expectations.js';
import { assertOk, memory, type Harness } from './harness.js';

function negotiated(events: InetEvent[]): Array<string | undefined> {
  return events.flatMap((e) => (e.type === 'native' && e.status === 'PROTOCOL_NEGOTIATED' ? [e.info?.protocol] : []));
}

const head = (events: InetEvent[]) => events.find((e): e is HeadersEvent => e.type === 'headers');

async function withServer(kind: Parameters<typeof startVersionServer>[0], body: (s: VersionServer) => Promise<void>): Promise<void> {
  const s = await startVersionServer(kind);
  try {
    await body(s);
  } finally {
    await s.close();
  }
}

export function httpVersionCases(h: () => Harness): void {
  const get = (url: string, httpVersion?: RequestSpecInput['httpVersion']) => h().run({ url, insecure: true, sink: memory(), ...(httpVersion ? { httpVersion } : {}) });

  it('--http1.0 and --http1.1 go out as that version, and the version used is reported', async () => {
    await withServer('h1', async (s) => {
      assertOk(await get(`${s.url}/a`, '1.0'), 200);
      const x = await get(`${s.url}/b`, '1.1');
      assertOk(x, 200);
      assert.deepEqual(s.seen, ['1.0', '1.1']);
      assert.deepEqual(negotiated(x.events), ['HTTP/1.1']);
    });
  });

  it('--http2 over TLS negotiates h2 by ALPN where the stack has HTTP/2, else is refused by name', async () => {
    await withServer('h2-tls', async (s) => {
      const x = await get(`${s.url}/h2`, '2');
      if (EXPECTATIONS[h().engine].http2) {
        assertOk(x, 200);
        assert.deepEqual(s.seen, ['2.0']);
        assert.equal(head(x.events)?.httpVersion, 'HTTP/2');
        assert.deepEqual(negotiated(x.events), ['HTTP/2']);
      } else {
        assert.equal(x.finished.error?.name, 'HTTP2_UNSUPPORTED', JSON.stringify(x.finished.error));
        assert.equal(x.finished.error?.code, 'BAD_REQUEST');
        assert.deepEqual(s.seen, [], 'nothing was sent');
      }
    });
  });

  it("no version asked: the stack's default (libcurl: h2 over TLS when offered; WinInet: 1.1)", async () => {
    await withServer('h2-tls', async (s) => {
      const x = await get(`${s.url}/default`);
      assertOk(x, 200);
      const expected = EXPECTATIONS[h().engine].defaultOverTls;
      assert.deepEqual(s.seen, [expected === 'HTTP/2' ? '2.0' : '1.1']);
      assert.deepEqual(negotiated(x.events), [expected]);
    });
  });

  it('--http2 to a server that offers only 1.1 falls back to 1.1, shown as such', async () => {
    await withServer('h1-tls', async (s) => {
      const x = await get(`${s.url}/fallback`, '2');
      if (!EXPECTATIONS[h().engine].http2) return assert.equal(x.finished.error?.name, 'HTTP2_UNSUPPORTED');
      assertOk(x, 200);
      assert.deepEqual(s.seen, ['1.1']);
      assert.equal(head(x.events)?.httpVersion, 'HTTP/1.1');
      assert.deepEqual(negotiated(x.events), ['HTTP/1.1']);
    });
  });

  it('--http2-prior-knowledge speaks h2c where the stack can (curl), else is refused by name', async () => {
    await withServer('h2c', async (s) => {
      const x = await get(`${s.url}/h2c`, '2-prior-knowledge');
      if (h().engine === 'curl') {
        assertOk(x, 200);
        assert.deepEqual(s.seen, ['2.0']);
        assert.deepEqual(negotiated(x.events), ['HTTP/2']);
      } else {
        assert.equal(x.finished.error?.name, 'HTTP2_UNSUPPORTED');
        assert.deepEqual(s.seen, []);
      }
    });
  });

  it('--http3 where the stack has no HTTP/3 is refused by name before anything is sent', async () => {
    await withServer('h1', async (s) => {
      const x = await get(`${s.url}/h3`, '3');
      assert.equal(x.finished.ok, false);
      assert.equal(x.finished.error?.name, 'HTTP3_UNSUPPORTED', JSON.stringify(x.finished.error));
      assert.deepEqual(s.seen, []);
    });
  });

  it('a parallel HTTP/2 batch shares one connection, one stream per request', async () => {
    await withServer('h2-tls-only', async (s) => {
      const xs = await Promise.all(Array.from({ length: 5 }, (_, i) => get(`${s.url}/batch/${i}?delay=150`, '2')));
      if (!EXPECTATIONS[h().engine].http2) return assert.ok(xs.every((x) => x.finished.error?.name === 'HTTP2_UNSUPPORTED'));
      for (const x of xs) assertOk(x, 200);
      assert.equal(s.seen.length, 5);
      assert.equal(s.connections, 1, 'one HTTP/2 session');
      const reused = xs.filter((x) => x.events.some((e) => e.type === 'native' && e.status === 'CONNECTED_TO_SERVER' && e.info?.reused));
      assert.equal(reused.length, 4, 'four requests reported the reused connection');
    });
  });
}
