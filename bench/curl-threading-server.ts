// The threading benchmark's loopback HTTP server, run as a child process (so that its
// work never shows in the main thread's event-loop delay): streams the file given as
// argv[2] with fs.createReadStream (1 MiB reads) at http://127.0.0.1:PORT/data and sends
// { port } to its parent over IPC once listening. Ends when its parent disconnects.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';

const file = process.argv[2];
if (!file || !process.send) throw new Error('usage: fork curl-threading-server.js FILE (with an IPC channel)');
const size = fs.statSync(file).size;

const server = http.createServer({ keepAlive: true }, (req, res) => {
  if (req.url !== '/data' || req.method !== 'GET') {
    res.writeHead(404, { 'Content-Length': 0 }).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': size });
  pipeline(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), res).catch(() => res.destroy());
});
server.requestTimeout = 0;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
