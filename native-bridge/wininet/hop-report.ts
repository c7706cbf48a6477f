// What a request reports of each hop: the request head it sent (queried at the hop's first
// REQUEST_SENT), the head of a redirect (at REDIRECT) and of an auth leg (auth-legs.ts), and
// when a hop's response head is in: its tls event (once per hop, where WinInet says the
// connection is secure), PROTOCOL_NEGOTIATED, the headers event; and, for a certificate
// error that ends a hop, the certificate that was refused.
import type { EngineErrorInfo } from '../../contract/events.js';
import { STATUS } from '../../contract/events.js';
import type { EventStamper } from '../../engine/event-stamper.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { AuthLegs } from './auth-legs.js';
import type { RequestHandles } from './open-handles.js';
import { headersEvent, protocolInfo, queryResponseHead, querySentHead, type ResponseHead } from './query.js';
import { connectionFacts, refusedFacts } from './tls-facts.js';
import { securityFlags } from './tls-query.js';

export class HopReport {
  private tlsHop = -1;
  /** The request head of this hop as queried at its first REQUEST_SENT (what was really sent). */
  private sent?: { hop: number; head?: string };
  private readonly legs: AuthLegs;

  constructor(
    private readonly spec: RequestSpec,
    private readonly ev: EventStamper,
    private readonly handles: RequestHandles,
    private readonly log: (message: string) => void,
  ) {
    this.legs = new AuthLegs(ev, () => this.query(), log);
  }

  /**
   * Inside the status callback, before the engine records it; never once the request is
   * closing (the handle may be closed). `responded`: the request's final head is in.
   */
  onStatus(status: number, at: number, responded: boolean): void {
    if (status === STATUS.REQUEST_SENT && this.sent?.hop !== this.ev.hop) this.sent = { hop: this.ev.hop, head: querySentHead(this.handles.request) };
    if (status === STATUS.REDIRECT) this.redirectHead(at);
    if (this.spec.auth && !responded) this.legs.onStatus(status, at);
  }

  /** This hop's response head as WinInet holds it, with the request head the hop sent. */
  query(): ResponseHead | undefined {
    return queryResponseHead(this.handles.request, this.sent?.hop === this.ev.hop ? this.sent.head : undefined);
  }

  /** `at`: the performance.now() the head was seen at. */
  head(head: ResponseHead, at: number): void {
    const request = this.handles.request;
    this.tls(request, at);
    this.ev.native(STATUS.PROTOCOL_NEGOTIATED, protocolInfo(request, head, this.spec.httpVersion), at);
    this.ev.lifecycle(headersEvent(head), at);
  }

  /** The request ends with `error`: a certificate error names the certificate refused. */
  failed(error: EngineErrorInfo): void {
    if (error.code === 'TLS_CERT' && this.handles.request) this.tls(this.handles.request, undefined, error);
  }

  /** At REDIRECT the handle still holds the redirect response (documented; an in-memory lookup): this hop's headers. */
  private redirectHead(at: number): void {
    const head = this.query();
    if (!head) return this.log('no response headers to query at REDIRECT');
    this.head(head, at);
  }

  private tls(request: unknown, at?: number, refused?: EngineErrorInfo): void {
    if (this.tlsHop === this.ev.hop) return;
    if (!refused) {
      const flags = securityFlags(request);
      if (typeof flags === 'number' || !flags.secure) return;
    }
    this.tlsHop = this.ev.hop;
    this.ev.lifecycle({ type: 'tls', facts: refused ? refusedFacts(request, this.spec, refused) : connectionFacts(request, this.spec) }, at);
  }
}
