// Loopback servers that tell which HTTP version each request came in: node:http2 over TLS
// (ALPN h2, optionally 1.1 too), h2c (prior knowledge only), and HTTP/1.1-only http/https.
// Each counts its connections (HTTP/2 sessions), so a batch can show it shared one.
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCert } from './tls.js';

export interface VersionServer {
  url: string;
  /** The request's httpVersion as the server parsed it ("1.0", "1.1", "2.0"), in arrival order. */
  seen: string[];
  /** TCP connections (HTTP/2: sessions) accepted. */
  connections: number;
  close(): Promise<void>;
}

type Kind = 'h2-tls' | 'h2-tls-only' | 'h2c' | 'h1' | 'h1-tls';

/** ?delay=MS holds the response that long (bounded), so parallel requests overlap. */
function handler(seen: string[]) {
  return (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse) => {
    seen.push(req.httpVersion);
    const delay = Math.min(2000, Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay') ?? 0));
    setTimeout(() => {
      res.setHeader('content-type', 'text/plain');
      res.end(`version=${req.httpVersion}`);
    }, delay);
  };
}

function create(kind: Kind, seen: string[]) {
  const tls = selfSignedCert();
  const h = handler(seen);
  if (kind === 'h2-tls' || kind === 'h2-tls-only') return http2.createSecureServer({ ...tls, allowHTTP1: kind === 'h2-tls' }, h);
  if (kind === 'h2c') return http2.createServer(h);
  if (kind === 'h1-tls') return https.createServer({ ...tls, ALPNProtocols: ['http/1.1'] }, h);
  return http.createServer(h);
}

export async function startVersionServer(kind: Kind): Promise<VersionServer> {
  const seen: string[] = [];
  const server = create(kind, seen);
  const state = { connections: 0 };
  const sockets = new Set<{ destroy(): void }>();
  server.on(kind.startsWith('h2') ? 'session' : 'connection', () => state.connections++);
  server.on(kind.includes('tls') ? 'secureConnection' : 'connection', (s: { destroy(): void; once(e: string, f: () => void): void }) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${kind.includes('tls') ? 'https' : 'http'}://127.0.0.1:${port}`,
    seen,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
