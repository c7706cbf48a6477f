// The HTTP side of the curl-control cases: redirects that read the upload first, and an
// echo of what the last hop received (method, content type, body), so curl's stdout and
// ours show whether a body was re-sent, and how.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ControlHttp {
  url: string;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://x');
  const redirect = /^\/redir\/(\d{3})$/.exec(url.pathname);
  if (redirect) {
    res.writeHead(Number(redirect[1]), { Location: '/echo', 'Content-Length': '6' });
    return void res.end('moved\n');
  }
  if (url.pathname === '/echo') {
    const text = `${req.method} ${req.headers['content-type'] ?? '-'} ${body.length} ${body.toString('latin1')}\n`;
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(text, 'latin1')) });
    return void res.end(text, 'latin1');
  }
  res.writeHead(404, { 'Content-Length': '0' });
  res.end();
}

export async function startControlHttp(): Promise<ControlHttp> {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
