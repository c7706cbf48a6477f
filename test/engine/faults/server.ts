// The fault server: raw TCP (and TLS) on loopback that plays a case's script for
// GET /fault/<case>. It waits for the end of the request head first, so every case
// starts from a request the engine really sent. close() never hangs on a held socket.
import net, { type AddressInfo, type Socket } from 'node:net';
import tls from 'node:tls';
import { play, type Script } from './script.js';

export interface FaultServer {
  /** e.g. http://127.0.0.1:41234 (https://localhost:41234 for a TLS server). */
  url: string;
  /** Request heads received, oldest first. */
  requests: string[];
  close(): Promise<void>;
}

type ScriptFor = (path: string, ctx: { url: string }) => Script | undefined;

const NOT_FOUND: Script = [{ send: 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' }];
const MAX_HEAD = 64 * 1024;

export async function startFaultServer(scriptFor: ScriptFor, opts: { tls?: { key: string; cert: string } } = {}): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const abort = new AbortController();
  let url = '';
  const onSocket = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    const onData = (d: Buffer): void => {
      buf = Buffer.concat([buf, d]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0 && buf.length < MAX_HEAD) return;
      socket.off('data', onData);
      const text = buf.subarray(0, end < 0 ? buf.length : end).toString('latin1');
      requests.push(text);
      const path = /^\S+ (\S+)/.exec(text)?.[1] ?? '';
      void play(socket, scriptFor(path, { url }) ?? NOT_FOUND, abort.signal);
      // The rest of the request (an upload body) is read and dropped.
      socket.resume();
    };
    socket.on('data', onData);
  };
  const server = opts.tls ? tls.createServer({ ...opts.tls }, onSocket) : net.createServer(onSocket);
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  url = opts.tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`;
  return {
    url,
    requests,
    async close() {
      abort.abort();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
