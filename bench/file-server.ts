// A bench-local loopback HTTP server that streams one pre-generated file. Serving from the
// page cache (1 MiB reads) costs far less CPU than generating the pattern per request, so
// the server is not what limits either client; both tools download from this same server.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';

const MIB = 1024 * 1024;

interface FileServer {
  /** URL of the file, e.g. http://127.0.0.1:41234/data */
  url: string;
  /** Responses that ended before their whole body was sent, and why (for diagnosing failures). */
  incidents: string[];
  close(): Promise<void>;
}

export async function startFileServer(file: string): Promise<FileServer> {
  const size = fs.statSync(file).size;
  const incidents: string[] = [];
  let served = 0;
  const server = http.createServer({ keepAlive: true }, (req, res) => {
    if (req.url !== '/data' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Length': 0 }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': size });
    if (req.method === 'HEAD') return void res.end();
    res.flushHeaders(); // so the socket's byte count from here on is body only
    const n = ++served;
    const t0 = Date.now();
    const socket = res.socket;
    const sent0 = socket?.bytesWritten ?? 0;
    pipeline(fs.createReadStream(file, { highWaterMark: MIB }), res).catch((e: Error) => {
      const sent = (socket?.bytesWritten ?? 0) - sent0;
      // A client that read the whole body may close before 'finish': not an incident.
      if (sent < size) incidents.push(`response ${n} cut short after ${Date.now() - t0} ms, ${sent} of ${size} body bytes sent: ${e.message}`);
      res.destroy();
    });
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/data`,
    incidents,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
