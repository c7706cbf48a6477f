// Real loopback HTTP(S) server for the client conformance tests. Routes live
// in routes.ts; this file owns the lifecycle: request log, socket and timer
// tracking, and a close() that never hangs on stalled connections.
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import * as routes from './routes.js';
import type { RouteContext, UploadRecord } from './routes.js';
import { send } from './respond.js';

export { GZIP_BODY, GZIP_BODY_PLAIN } from './routes.js';
export type { UploadRecord } from './routes.js';

export interface TestServer {
  /** e.g. "http://127.0.0.1:41234" or "https://localhost:41234"; no trailing slash. */
  url: string;
  port: number;
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
  uploads: UploadRecord[];
  /** Destroys every open socket (stalled ones too) and clears all timers. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  tls?: { key: string | Buffer; cert: string | Buffer };
}

type Handler = (ctx: RouteContext) => void | Promise<void>;

const UPLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** First path segment -> handler; `arg` says whether a numeric /:n segment is required. */
const ROUTES: Record<string, { arg: boolean; handler: Handler }> = {
  bytes: { arg: true, handler: routes.bytes },
  chunked: { arg: true, handler: routes.chunked },
  gzip: { arg: false, handler: routes.gzip },
  status: { arg: true, handler: routes.status },
  redirect: { arg: true, handler: (ctx) => routes.redirect(ctx, false) },
  'redirect-abs': { arg: true, handler: (ctx) => routes.redirect(ctx, true) },
  upload: { arg: false, handler: uploadGuard },
  echo: { arg: false, handler: routes.echo },
  stall: { arg: false, handler: routes.stall },
  'stall-body': { arg: true, handler: routes.stallBody },
  truncate: { arg: true, handler: routes.truncate },
  slow: { arg: true, handler: routes.slow },
  delay: { arg: true, handler: routes.delay },
  headers: { arg: false, handler: routes.headers },
  // As /upload, for any method (a GET with a body included).
  'upload-any': { arg: false, handler: routes.upload },
  'chunked-pause': { arg: true, handler: routes.chunkedPause },
  'redirect-body': { arg: true, handler: routes.redirectBody },
};

function uploadGuard(ctx: RouteContext): void {
  if (UPLOAD_METHODS.has(ctx.req.method ?? '')) return routes.upload(ctx);
  ctx.res.setHeader('Allow', 'POST, PUT, PATCH');
  send(ctx.res, 405, 'method not allowed\n');
}

/** Resolves a path like /bytes/42 to its route; undefined means 404. */
function match(pathname: string): { handler: Handler; arg: number } | undefined {
  const [, name = '', num, extra] = pathname.split('/');
  const route = ROUTES[name];
  if (!route || extra !== undefined) return undefined;
  if (!route.arg) return num === undefined || num === '' ? { handler: route.handler, arg: NaN } : undefined;
  if (num === undefined || !/^\d+$/.test(num)) return undefined;
  return { handler: route.handler, arg: Number(num) };
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: TestServer['requests'] = [];
  const uploads: UploadRecord[] = [];
  let baseUrl = '';

  const later = (res: ServerResponse, ms: number, fn: () => void): void => {
    const onClose = (): void => {
      clearTimeout(timer);
      timers.delete(timer);
    };
    const timer = setTimeout(() => {
      timers.delete(timer);
      res.off('close', onClose);
      fn();
    }, ms);
    timers.add(timer);
    res.once('close', onClose);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://test.invalid');
    const found = match(url.pathname);
    if (!found) return send(res, 404, 'not found\n');
    const ctx: RouteContext = {
      req, res, query: url.searchParams, arg: found.arg, baseUrl, uploads,
      later: (ms, fn) => later(res, ms, fn),
    };
    // A failing route must not take the process down; drop that connection instead.
    Promise.resolve()
      .then(() => found.handler(ctx))
      .catch(() => res.destroy());
  };

  const server = opts.tls
    ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert, keepAlive: true }, onRequest)
    : http.createServer({ keepAlive: true }, onRequest);
  // Slow uploads and /stall must not be cut by node's 300 s request timeout.
  server.requestTimeout = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = opts.tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return { url: baseUrl, port, requests, uploads, close };
}
