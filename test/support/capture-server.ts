// A loopback HTTP server that records what arrives (method, raw target, raw header pairs, body
// bytes) and answers 200 (or as a responder says): the far end of the export probes, which run
// generated code against it, and of the collection runner's tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Arrived {
  method: string;
  target: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

export interface CaptureServer {
  origin: string;
  arrived: Arrived[];
  close(): Promise<void>;
}

/** How it answers what arrived (default: 200 "ok"). */
export type Responder = (arrived: Arrived, res: http.ServerResponse) => void;

export async function captureServer(respond?: Responder): Promise<CaptureServer> {
  const arrived: Arrived[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Array<[string, string]> = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
      const a = { method: req.method ?? '', target: req.url ?? '', headers, body: Buffer.concat(chunks) };
      arrived.push(a);
      if (respond) respond(a, res);
      else res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    arrived,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
