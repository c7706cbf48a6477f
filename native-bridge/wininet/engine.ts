// The WinInet engine: async sessions (one per proxy route, proxy credentials and certificate policy), the status callback, and
// routing of callbacks to requests by their non-zero context id.
import { performance } from 'node:perf_hooks';
import type { Engine, EmitFn } from '../../engine/engine.js';
import type { EngineErrorInfo } from '../../contract/events.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { api, INTERNET_OPTION_MAX_CONNS_PER_SERVER, koffi, MAX_RELAYED_CALLBACKS, StatusCallback } from './api.js';
import { openProxySession, proxyKey, type ProxySession } from './proxy-session.js';
import { WinInetRequest } from './request.js';
import type { SessionResult } from './request-types.js';
import { decodeStatusInfo } from './status-info.js';
import { clientCertRefusal, httpVersionRefusal, authRefusal, proxyAuthRefusal, runtimeProblem, UNDER_WINE } from './wine-quirks.js';

export const USER_AGENT = 'InetScope/0.1 (WinInet)';

export interface WinInetEngineOptions {
  afterCall?: () => void;
  log?: (msg: string) => void;
  /** Requests held at once, live or abandoned (default: half of koffi's relay slots). */
  maxHeld?: number;
}

/** Each held request may have a Wine thread in our callback; two per request leaves room. */
const DEFAULT_MAX_HELD = MAX_RELAYED_CALLBACKS / 2;

export class WinInetEngine implements Engine {
  readonly name = 'wininet' as const;
  readonly stack = process.env.WINEPREFIX ? 'wininet.dll (Wine)' : 'wininet.dll';
  private sessions = new Map<string, ProxySession>();
  private byCtx = new Map<number, WinInetRequest>();
  private byId = new Map<string, WinInetRequest>();
  private nextCtx = 1;
  private keepAlive?: NodeJS.Timeout;
  private idleWaiters: Array<() => void> = [];
  private readonly callback: ReturnType<typeof koffi.register>;
  private readonly afterCall: () => void;
  private readonly log: (msg: string) => void;
  private readonly maxHeld: number;

  constructor(opts: WinInetEngineOptions = {}) {
    this.afterCall = opts.afterCall ?? (() => {});
    this.log = opts.log ?? (() => {});
    const problem = runtimeProblem(process.arch);
    if (problem) throw new Error(problem);
    this.maxHeld = opts.maxHeld ?? DEFAULT_MAX_HELD;
    this.callback = koffi.register(this.onStatus.bind(this), koffi.pointer(StatusCallback));
  }

  /** Runs on the JS thread (koffi relays WinInet's worker-thread calls): decode, record, defer. */
  private onStatus(h: unknown, ctx: number | bigint, status: number, info: unknown, length: number): void {
    const at = performance.now();
    const req = this.byCtx.get(Number(ctx));
    if (!req) return;
    try {
      const decoded = decodeStatusInfo(status, info, length);
      req.onStatus(h, status, decoded.info, decoded.async, at);
    } catch (e) {
      this.log(`status callback ${status}: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  /**
   * Connections are pooled per session: a TLS connection opened while ignoring
   * certificate errors must never be reused by a request that checks them.
   */
  private session(spec: RequestSpec): SessionResult {
    const key = `${spec.insecure ? 'insecure' : 'verify'} ${proxyKey(spec)}`;
    const existing = this.sessions.get(key);
    if (existing) return existing;
    // The OS settings unless the request says otherwise; loopback stays direct (proxy-session.ts).
    const s = openProxySession(USER_AGENT, spec);
    if ('error' in s) return s;
    api.InternetSetStatusCallbackW(s.handle, this.callback);
    api.InternetSetOptionW(s.handle, INTERNET_OPTION_MAX_CONNS_PER_SERVER, [64], 4);
    this.sessions.set(key, s);
    return s;
  }

  start(id: string, spec: RequestSpec, emit: EmitFn): void {
    if (this.byId.has(id)) throw new Error(`request id ${id} is already in flight`);
    const ctx = this.nextCtx++;
    const req = new WinInetRequest(id, ctx, spec, emit, {
      session: (s) => this.session(s),
      afterCall: this.afterCall,
      released: (fullyClosed) => this.release(req, fullyClosed),
      log: this.log,
    });
    // Registered before any WinInet call, since callbacks may arrive during the call.
    this.byCtx.set(ctx, req);
    this.byId.set(id, req);
    // A koffi callback does not keep Node alive: hold a handle while requests fly.
    this.keepAlive ??= setInterval(() => {}, 1 << 30);
    req.start(
      this.refusal() ??
        httpVersionRefusal(UNDER_WINE, spec.httpVersion, spec.url.startsWith('https:')) ??
        authRefusal(UNDER_WINE, spec.auth, spec.body !== undefined) ??
        proxyAuthRefusal(UNDER_WINE, spec.proxyAuth?.scheme) ??
        clientCertRefusal(UNDER_WINE, spec.clientCert),
    );
  }

  /** Past the limit a request is refused rather than risk more Wine threads than koffi relays. */
  private refusal(): EngineErrorInfo | undefined {
    const held = this.byCtx.size - 1;
    if (held < this.maxHeld) return undefined;
    const abandoned = held - (this.byId.size - 1);
    return {
      code: 'ENGINE_UNAVAILABLE',
      name: 'TOO_MANY_HELD_REQUESTS',
      message: `WinInet holds ${held} requests (${abandoned} of them cancelled with a call Wine has not completed, on connections the server keeps open): no new request until some of them end (limit ${this.maxHeld})`,
    };
  }

  cancel(id: string): void {
    this.byId.get(id)?.cancel();
  }

  activeCount(): number {
    return this.byId.size;
  }

  private release(req: WinInetRequest, fullyClosed: boolean): void {
    // A request finished with a call still pending keeps its context (and native
    // memory) until its HANDLE_CLOSING arrives, so late callbacks still find it.
    if (fullyClosed) this.byCtx.delete(req.ctx);
    if (this.byId.get(req.ev.id) === req) this.byId.delete(req.ev.id);
    if (this.byId.size === 0) {
      clearInterval(this.keepAlive);
      this.keepAlive = undefined;
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  async shutdown(): Promise<void> {
    for (const req of this.byId.values()) req.cancel();
    if (this.byId.size > 0) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 15_000);
        this.idleWaiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    // Remove the callback before closing, so nothing calls back into a dying process.
    for (const { handle: h } of this.sessions.values()) {
      api.InternetSetStatusCallbackW(h, null);
      api.InternetCloseHandle(h);
    }
    this.sessions.clear();
    // With abandoned calls WinInet may still call back: keep the trampoline until exit.
    if (this.byCtx.size === 0) koffi.unregister(this.callback);
    else this.log(`${this.byCtx.size} request(s) still wait for HANDLE_CLOSING at shutdown`);
  }
}
