// A test client for browser mode: raw HTTP requests and a WebSocket speaking the
// contract's envelope, every wait bounded.
import http, { type IncomingHttpHeaders } from 'node:http';
import { WebSocket } from 'ws';

interface Reply { status: number; headers: IncomingHttpHeaders; body: string }

/** A request sent verbatim (path not normalized), no pooled sockets, bounded to 5 s. */
export function rawRequest(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

interface WsOptions { origin?: string; host?: string }

/** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
export function openSocket(url: string, opts: WsOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = opts.host ? { Host: opts.host } : {};
    const ws = new WebSocket(url, { headers, handshakeTimeout: 5000, ...(opts.origin ? { origin: opts.origin } : {}) });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
      ws.terminate();
    });
    ws.once('error', (e) => reject(e));
  });
}

interface Result { kind: 'result'; callId: number; ok: boolean; output?: unknown; error?: { code: string; message: string } }
export interface PushedEvent { id: string; type: string; ok?: boolean; [k: string]: unknown }

/** Calls over one socket; collects every pushed event. */
export class ContractClient {
  readonly events: PushedEvent[] = [];
  private nextId = 1;
  private pending = new Map<number, (r: Result) => void>();

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as Result | { kind: 'events'; events: PushedEvent[] };
      if (msg.kind === 'events') this.events.push(...msg.events);
      else this.pending.get(msg.callId)?.(msg);
    });
  }

  call(command: string, input: unknown, ms = 10_000): Promise<Result> {
    const callId = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no result for ${command} in ${ms} ms`)), ms);
      this.pending.set(callId, (r) => {
        clearTimeout(timer);
        this.pending.delete(callId);
        resolve(r);
      });
      this.ws.send(JSON.stringify({ kind: 'call', callId, command, input }));
    });
  }

  async waitForEvent(pred: (e: PushedEvent) => boolean, ms = 15_000): Promise<PushedEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.events.find(pred);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error('waitForEvent: no matching event in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** Resolves with the close code, bounded. */
export function closeCode(ws: WebSocket, ms = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (ws.readyState === WebSocket.CLOSED) return reject(new Error('already closed'));
    const timer = setTimeout(() => reject(new Error('socket not closed in time')), ms);
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
