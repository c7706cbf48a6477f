// Browser mode: the renderer served from 127.0.0.1 and the core reached over one
// WebSocket. The port is reachable by every local process and every page the user
// opens, so: loopback only, Host checked (DNS rebinding), a per-run secret token and our
// own Origin required for the WebSocket (the only way in to the core), no CORS, no GET
// that changes anything, and a strict CSP on every response.
import crypto from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import { hostAllowed, originAllowed, sendStatus, setSecurityHeaders, tokenMatches } from './http-guard.js';
import { serveStatic } from './static-files.js';
import { attachSocket, sendRaw, type CoreLike } from './ws-bridge.js';


interface WebServerOptions {
  core: CoreLike;
  /** 0 or absent: any free port. */
  port?: number;
  /** The page's secret (at least 32 characters); absent: a random one per run. A fixed one
   * lets an open page reconnect to a restarted server (INETSCOPE_TOKEN). */
  token?: string;
  /** The renderer's build output (dist/renderer). */
  staticDir: string;
  log?: (m: string) => void;
}

export interface WebServer {
  /** The page, token included: http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_PAYLOAD = 8 * 1024 * 1024;

/** Refuses an upgrade with a bare status line; nothing about the reason is disclosed. */
function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

function wsRequestAllowed(req: IncomingMessage, port: number, token: string): boolean | 'not-found' {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/ws') return 'not-found';
  return hostAllowed(req, port) && originAllowed(req, port) && tokenMatches(url.searchParams.get('token'), token);
}

function handleHttp(req: IncomingMessage, res: http.ServerResponse, port: number, staticDir: string): void {
  setSecurityHeaders(res);
  const head = req.method === 'HEAD';
  // 421 with no detail: a request under a foreign name is not for this server.
  if (!hostAllowed(req, port)) return sendStatus(res, 421, 'Misdirected Request\n', head);
  if (req.method !== 'GET' && !head) {
    res.setHeader('Allow', 'GET, HEAD');
    // The body is never read; closing the connection keeps it from being parsed as a next request.
    res.setHeader('Connection', 'close');
    return sendStatus(res, 405, 'Method Not Allowed\n');
  }
  serveStatic(staticDir, req, res);
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const log = opts.log ?? (() => {});
  const token = opts.token ?? crypto.randomBytes(32).toString('hex');
  if (token.length < 32 || !/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('the web token (INETSCOPE_TOKEN) must be at least 32 characters of A-Z, a-z, 0-9, _ or -');
  const sockets = new Set<WebSocket>();
  let port = 0; // known once listening; no request can arrive before that
  const server = http.createServer((req, res) => handleHttp(req, res, port, opts.staticDir));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD, perMessageDeflate: false });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = wsRequestAllowed(req, port, token);
    if (verdict !== true) return refuseUpgrade(socket, verdict === 'not-found' ? '404 Not Found' : '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      attachSocket(ws, opts.core, log);
    });
  });
  server.on('clientError', (_e, socket: Duplex) => socket.destroy());

  // Serialized once per batch, whatever the number of open pages.
  const unsubscribe = opts.core.onPush((push) => {
    if (sockets.size === 0) return;
    const text = JSON.stringify(push);
    for (const ws of sockets) sendRaw(ws, text);
  });

  try {
    port = await listen(server, opts.port ?? 0);
  } catch (e) {
    unsubscribe();
    throw e;
  }
  const close = async (): Promise<void> => {
    unsubscribe();
    for (const ws of sockets) ws.terminate();
    sockets.clear();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };
  return { url: `http://127.0.0.1:${port}/?token=${token}`, port, token, close };
}
