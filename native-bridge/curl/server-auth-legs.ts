// Server authentication on libcurl: with credentials, a 401 head may be a leg libcurl answers
// itself (it sends the request again on the same transfer) or the final response. The head
// is held: libcurl starting the next request makes it a leg (AUTH_LEG, a new hop), its body
// arriving (or the transfer ending well) makes it the response.
import { challengeHeaderName, offeredSchemes } from '../../domain/auth-legs.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import type { FinalHead, HopEvents, HopObserver } from './hop-observers.js';

export class ServerAuthLegs implements HopObserver {
  private challenge?: FinalHead;
  private url: string;

  constructor(
    private readonly spec: RequestSpec,
    private readonly events: HopEvents,
  ) {
    this.url = spec.url;
  }

  hopStart(url: string): void {
    this.url = url;
  }

  /** A challenge with credentials to answer it: AUTH_CHALLENGE, and the head waits. */
  holds(head: FinalHead): boolean {
    if (!this.spec.auth || challengeHeaderName(head.statusCode) !== 'www-authenticate') return false;
    this.events.native('AUTH_CHALLENGE', { value: head.statusCode, schemes: offeredSchemes(head.raw, head.statusCode) });
    this.challenge = head;
    return true;
  }

  /** The challenge was answered: libcurl is starting the next request, which is the next hop. */
  legStarts(): boolean {
    if (!this.challenge) return false;
    this.events.native('AUTH_LEG', { value: this.challenge.statusCode, url: this.url });
    this.challenge = undefined;
    return true;
  }

  /** libcurl did not answer the challenge (its body comes, or the transfer ends): it is the response. */
  release(): FinalHead | undefined {
    const c = this.challenge;
    this.challenge = undefined;
    return c;
  }
}
