// Auth legs on WinInet: with credentials, WinInet answers a 401 itself and sends again inside
// the same HttpSendRequest, reporting no head for it (Wine's http.c: SENDING_REQUEST …
// RESPONSE_RECEIVED per leg, nothing between). A response received before the send
// completed, then another SENDING_REQUEST, is an auth leg; the 401 head is still the
// request's at that moment, so it is queried there and reported as its own hop.
import { STATUS } from '../../contract/events.js';
import { offeredSchemes } from '../../domain/auth-legs.js';
import type { EventStamper } from '../../engine/event-stamper.js';
import { headersEvent, type ResponseHead } from './query.js';

export class AuthLegs {
  private answered = false;

  constructor(
    private readonly ev: EventStamper,
    private readonly queryHead: () => ResponseHead | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** Every status callback of the send phase, before the engine records it. */
  onStatus(status: number, at: number): void {
    if (status === STATUS.REDIRECT) this.answered = false;
    if (status === STATUS.RESPONSE_RECEIVED) this.answered = true;
    if (status !== STATUS.SENDING_REQUEST || !this.answered) return;
    this.answered = false;
    const head = this.queryHead();
    if (!head) return this.log('no response headers to query at an auth leg');
    this.ev.lifecycle(headersEvent(head), at);
    this.ev.native(STATUS.AUTH_CHALLENGE, { value: head.statusCode, schemes: offeredSchemes(head.rawHeaders, head.statusCode) }, at);
    this.ev.native(STATUS.AUTH_LEG, { value: head.statusCode }, at);
  }
}
