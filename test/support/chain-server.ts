// The loopback server the chaining suites send to: POST /login answers 201 with a JSON token
// and an X-Session header, /text plain text, /big an 11 MiB JSON body; every other path
// answers 200 and the server records each request's method, path and headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChainServer {
  url: string;
  seen: Array<{ method: string; path: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export const BIG_BYTES = 11 * 1024 * 1024;

export async function startChainServer(): Promise<ChainServer> {
  const seen: ChainServer['seen'] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => {
      if (req.url === '/login') {
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Session': 's-1' });
        res.end(JSON.stringify({ token: 'abc', user: { id: 7, roles: ['admin'] } }));
      } else if (req.url === '/text') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('hello, not json');
      } else if (req.url === '/big') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(`"${'x'.repeat(BIG_BYTES - 2)}"`);
      } else {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
