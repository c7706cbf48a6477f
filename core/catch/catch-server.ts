// The catch server: a node:http listener (loopback unless asked otherwise) whose every
// request is caught into a CaughtStore with a server-side timeline. Limits: header size
// and the number of open connections; no request timeout (a 100 MB upload may be slow)
// beyond Node's headers timeout.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { CaughtStore } from './caught-store.js';
import type { CatchLimits } from '../../contract/catch.js';
import { handleRequest, type ActiveRule, type ConnectionInfo } from './request-handler.js';

const MAX_HEADER_BYTES = 32 * 1024;
export const MAX_CONNECTIONS = 256;

interface CatchServerOptions {
  host: string;
  port: number;
  rules: ActiveRule[];
  limits: CatchLimits;
  store: CaughtStore;
  log: (m: string) => void;
}

export class CatchServerError extends Error {}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class CatchServer {
  rules: ActiveRule[];
  private connections = 0;
  private readonly conns = new Map<Socket, ConnectionInfo>();

  private constructor(
    private readonly server: http.Server,
    private readonly opts: CatchServerOptions,
  ) {
    this.rules = opts.rules;
  }

  static async start(opts: CatchServerOptions): Promise<CatchServer> {
    // No overall request timeout (a 100 MB upload may be slow): the head must come within
    // headersTimeoutMs (checked every second), a body must not stall (body-capture.ts).
    const { headersTimeoutMs } = opts.limits;
    const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 0, headersTimeout: headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, headersTimeoutMs), keepAliveTimeout: 5_000 });
    server.maxConnections = MAX_CONNECTIONS;
    const cs = new CatchServer(server, opts);
    server.on('connection', (socket: Socket) => cs.accept(socket));
    const loopback = isLoopback(opts.host);
    server.on('request', (req, res) => {
      const conn = cs.conns.get(req.socket);
      if (!conn) return void res.destroy();
      const ctx = { store: opts.store, rules: cs.rules, limits: opts.limits, loopback };
      handleRequest(ctx, conn, req, res).catch((e: Error) => {
        opts.log(`catch server: ${e.stack ?? e.message}`);
        res.destroy();
      });
    });
    // A bad request line or headers over the limit: Node answers 400/431 itself when it can.
    server.on('clientError', (e: NodeJS.ErrnoException, socket) => {
      if (socket.writable && e.code === 'HPE_HEADER_OVERFLOW') socket.end('HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
      else if (socket.writable && e.code === 'ERR_HTTP_REQUEST_TIMEOUT') socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      else if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) => reject(new CatchServerError(`cannot listen on ${opts.host}:${opts.port}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}`)));
      server.listen(opts.port, opts.host, () => resolve());
    });
    server.on('error', (e) => opts.log(`catch server: ${e.message}`));
    return cs;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    const host = this.opts.host.includes(':') ? `[${this.opts.host}]` : this.opts.host;
    return `http://${host}:${this.port}/`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private accept(socket: Socket): void {
    const info: ConnectionInfo = {
      connection: ++this.connections,
      acceptedAt: performance.now(),
      wallTime: Date.now(),
      remoteAddress: socket.remoteAddress ?? '?',
      remotePort: socket.remotePort ?? 0,
      requests: 0,
    };
    this.conns.set(socket, info);
    socket.once('close', () => {
      this.conns.delete(socket);
      info.last?.rec.emit({ type: 'CONNECTION_CLOSED', connection: info.connection });
    });
  }
}
