// The proxy side of one libcurl transfer: which proxy it takes (PROXY_CHOSEN), the CONNECT
// tunnel seen in libcurl's debug stream (TUNNEL_REQUESTED / TUNNEL_ESTABLISHED: the
// tunnel's answer never reaches the header callback, SUPPRESS_CONNECT_HEADERS), and the
// 407 legs of a proxy authentication, so a refusal is a named PROXY_FAILED.
import type { EngineErrorInfo } from '../../contract/events.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { curlProxyChoice, proxyAuthRequired, proxyRefusal, type ProxyChoice } from '../../domain/proxy.js';
import { debugText } from './api.js';
import type { HopEvents, HopObserver } from './hop-observers.js';

const CURLINFO_HEADER_IN = 1;
const CURLINFO_HEADER_OUT = 2;

/** 407s libcurl answers itself before the final response: one for digest and NTLM, two for "any" (none, then NTLM's type 1). */
const LEGS = { basic: 0, digest: 1, ntlm: 1, any: 2 } as const;

export class ProxyTrack implements HopObserver {
  readonly choice: ProxyChoice;
  private tunnelStatus?: number;
  private tunnelOpen = false;
  private legs = 0;
  private lastWas407 = false;

  constructor(
    private readonly spec: RequestSpec,
    private readonly events: HopEvents,
    env: Record<string, string | undefined> = process.env,
  ) {
    this.choice = curlProxyChoice(spec.url, spec, env);
  }

  /** Once per hop, before its connection (a redirect may leave or enter the no-proxy list). */
  hopStart(url: string): void {
    const c = url === this.spec.url ? this.choice : curlProxyChoice(url, this.spec, process.env);
    this.events.native('PROXY_CHOSEN', { proxy: c.proxy, reason: c.reason });
  }

  /** HEADER_IN lines may be the tunnel's answer; a HEADER_OUT chunk that is the CONNECT request is claimed. */
  debug(type: number, data: unknown, size: number): boolean {
    if (type === CURLINFO_HEADER_IN) this.headerIn(debugText(data, size));
    return type === CURLINFO_HEADER_OUT && this.headerOut(debugText(data, size));
  }

  /** A HEADER_OUT chunk: true when it is the CONNECT request (not the request's own head). */
  private headerOut(text: string): boolean {
    const m = /^CONNECT (\S+) HTTP/.exec(text);
    if (!m) return false;
    this.tunnelOpen = true;
    this.tunnelStatus = undefined;
    this.events.native('TUNNEL_REQUESTED', { address: m[1] });
    return true;
  }

  /** A HEADER_IN line while the tunnel is being set up: its status, then its end. */
  private headerIn(line: string): void {
    if (!this.tunnelOpen) return;
    const status = /^HTTP\/[\d.]+ (\d{3})/.exec(line);
    if (status && this.tunnelStatus === undefined) this.tunnelStatus = Number(status[1]);
    if (line !== '\r\n' && line !== '\n') return;
    // A 1xx before the CONNECT's answer is not its end.
    if (this.tunnelStatus !== undefined && this.tunnelStatus < 200) return void (this.tunnelStatus = undefined);
    this.tunnelOpen = false;
    this.events.native('TUNNEL_ESTABLISHED', { value: this.tunnelStatus ?? 0 });
  }

  /** A response head of status `code`: true when it is a 407 libcurl answers with credentials (a leg, not the response). */
  answered(code: number): boolean {
    this.lastWas407 = code === 407;
    if (code !== 407 || !this.spec.proxyAuth || this.legs >= LEGS[this.spec.proxyAuth.scheme]) return false;
    this.legs++;
    return true;
  }

  /** The final response head: a 407 through a proxy fails the request by name. */
  refusal(code: number): EngineErrorInfo | undefined {
    return proxyRefusal(code, this.choice, this.spec.proxyAuth);
  }

  /** Why a transfer that failed failed, when the proxy is why (a refused tunnel, unanswered 407 legs). */
  cause(): EngineErrorInfo | undefined {
    if (this.tunnelStatus === 407) return this.authRequired('the CONNECT tunnel');
    if (this.tunnelStatus !== undefined && this.tunnelStatus >= 300) {
      return { code: 'PROXY_FAILED', name: 'TUNNEL_REFUSED', native: this.tunnelStatus, message: `the proxy ${this.choice.proxy} refused the CONNECT tunnel (status ${this.tunnelStatus})` };
    }
    if (this.lastWas407) return this.authRequired('the request');
    return undefined;
  }

  /** A connection that failed was the one to the proxy (the first hop's, as curl names it). */
  explain(error: EngineErrorInfo): EngineErrorInfo {
    if (error.code !== 'CONNECT_FAILED' || this.choice.proxy === 'direct') return error;
    return { ...error, code: 'PROXY_FAILED', message: `could not connect to the proxy ${this.choice.proxy}: ${error.message}` };
  }

  private authRequired(what: string): EngineErrorInfo {
    return proxyAuthRequired(this.choice.proxy, what, this.spec.proxyAuth);
  }
}
