// What a request reports when a hop's response head is in: its tls event (once per hop,
// where WinInet says the connection is secure), PROTOCOL_NEGOTIATED, the headers event;
// and, for a certificate error that ends a hop, the certificate that was refused.
import type { EngineErrorInfo } from '../../contract/events.js';
import { STATUS } from '../../contract/events.js';
import type { EventStamper } from '../../engine/event-stamper.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { headersEvent, protocolInfo, type ResponseHead } from './query.js';
import { connectionFacts, refusedFacts } from './tls-facts.js';
import { securityFlags } from './tls-query.js';

export class HopReport {
  private tlsHop = -1;

  constructor(private readonly spec: RequestSpec) {}

  /** `at`: the performance.now() the head was seen at. */
  head(ev: EventStamper, request: unknown, head: ResponseHead, at: number): void {
    this.tls(ev, request, at);
    ev.native(STATUS.PROTOCOL_NEGOTIATED, protocolInfo(request, head, this.spec.httpVersion), at);
    ev.lifecycle(headersEvent(head), at);
  }

  /** The request ends with `error`: a certificate error names the certificate refused. */
  failed(ev: EventStamper, request: unknown, error: EngineErrorInfo): void {
    if (error.code === 'TLS_CERT' && request) this.tls(ev, request, undefined, error);
  }

  private tls(ev: EventStamper, request: unknown, at?: number, refused?: EngineErrorInfo): void {
    if (this.tlsHop === ev.hop) return;
    if (!refused) {
      const flags = securityFlags(request);
      if (typeof flags === 'number' || !flags.secure) return;
    }
    this.tlsHop = ev.hop;
    ev.lifecycle({ type: 'tls', facts: refused ? refusedFacts(request, this.spec, refused) : connectionFacts(request, this.spec) }, at);
  }
}
