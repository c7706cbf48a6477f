// Redirects followed by InetScope, hop by hop, so that a cookie jar sits between the hops
// (the native stacks follow internally, where no jar can): each hop is one engine request
// that does not follow (callerFollows: a redirect ends it at its head, its body unkept), the
// next one is made by curl -L's rules (domain/redirects.ts). The caller sees one request:
// one id, seq without gaps, hop n, t from the chain's start, one started and one finished,
// and between hops the REDIRECT event the curl engine emits when it follows itself. With a
// jar, each hop carries the jar's Cookie header and stores its Set-Cookie headers before the
// next hop, and a `cookies` event follows its headers event.
import { performance } from 'node:perf_hooks';
import { STATUS, type EngineErrorInfo, type FinishedEvent, type HeadersEvent, type InetEvent } from '../contract/events.js';
import type { CookiePort } from '../domain/cookies/port.js';
import { parseHeaderBlock } from '../domain/har/text.js';
import { nextHop, tooManyRedirects, type HopRequest } from '../domain/redirects.js';
import { locationOf, redirectEndsHop } from './body-receiver.js';
import { parseRequestSpec, type BodySource, type RequestSpecInput, type ValidRequestSpec } from './request-spec.js';

type Header = ValidRequestSpec['headers'][number];
type Hop = HopRequest<Header, BodySource>;

/** What the follower needs of an engine client (EngineClient is one). */
export interface HopSender {
  send(id: string, spec: ValidRequestSpec, onEvent: (e: InetEvent) => void): Promise<FinishedEvent>;
  cancel(id: string): boolean;
}

export interface FollowOptions {
  jar?: CookiePort;
  /** false: the jar adds no Cookie header; Set-Cookie headers are still stored. */
  sendCookies?: boolean;
  /** curl's --location-trusted: Authorization and Cookie go to other hosts too. */
  trusted?: boolean;
}

export interface FollowedRequest {
  finished: Promise<FinishedEvent>;
  /** Reaches the hop in flight; between hops, no next hop starts. */
  cancel(): void;
}

/** Starts the chain's first hop now: throws as EngineClient.send throws (nothing begun). */
export function sendFollowing(client: HopSender, id: string, spec: ValidRequestSpec, opts: FollowOptions, onEvent: (e: InetEvent) => void): FollowedRequest {
  const chain = new Chain(client, id, spec, opts, onEvent);
  const first = { url: spec.url, method: spec.method, headers: spec.headers, ...(spec.body ? { body: spec.body } : {}) };
  const hop = chain.send(first);
  return { finished: chain.follow(first, hop), cancel: () => chain.cancel() };
}

interface HopOutcome {
  finished: FinishedEvent;
  head?: HeadersEvent;
  spec: ValidRequestSpec;
}

/** Set-Cookie header values of a raw header block, as received. */
export function setCookiesOf(rawHeaders: string): string[] {
  return parseHeaderBlock(rawHeaders)
    .headers.filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value);
}

class Chain {
  private readonly t0 = performance.now();
  /** The wall time of hop 0's engine start: t = 0 of the chain, as of a request the engine follows. */
  private wall0?: number;
  private seq = 0;
  private hop = 0;
  /** Where the current hop's t = 0 is on the chain's clock. */
  private hopStart = 0;
  private lastT = 0;
  private cancelled = false;

  constructor(
    private readonly client: HopSender,
    private readonly id: string,
    private readonly spec: ValidRequestSpec,
    private readonly opts: FollowOptions,
    private readonly onEvent: (e: InetEvent) => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
    this.client.cancel(this.id);
  }

  async follow(first: Hop, pending: Promise<HopOutcome>): Promise<FinishedEvent> {
    let hop = first;
    for (let redirects = 0; ; redirects++) {
      const r = await pending;
      const status = r.finished.statusCode ?? 0;
      const location = r.finished.ok && r.head && redirectEndsHop(r.spec, status, r.head.rawHeaders) ? locationOf(r.head.rawHeaders) : undefined;
      if (location === undefined) return this.finish(r.finished);
      if (redirects >= this.spec.maxRedirects) return this.fail(r.finished, tooManyRedirects(this.spec.maxRedirects));
      const next = nextHop(hop, status, location, { trusted: this.opts.trusted });
      if (!next.ok) return this.fail(r.finished, next.error);
      if (this.cancelled) return this.fail(r.finished, { code: 'CANCELLED', name: 'CANCELLED', message: 'the request was cancelled' });
      const total = this.spec.timeouts.totalMs;
      if (total !== undefined && this.now() >= total) return this.fail(r.finished, { code: 'TIMEOUT', name: 'MAX_TIME', message: `the request took longer than ${total} ms (maximum time)` });
      this.emit({ type: 'native', status: 'REDIRECT', code: STATUS.REDIRECT, info: { url: next.next.url } }, this.now());
      this.hop++;
      hop = next.next;
      try {
        pending = this.send(hop);
      } catch (e) {
        return this.fail(r.finished, { code: 'BAD_REQUEST', name: 'BAD_REQUEST', message: (e as Error).message });
      }
    }
  }

  /** One hop through the engine, its events re-stamped into the chain's. Throws as the client's send does. */
  send(hop: Hop): Promise<HopOutcome> {
    const cookie = this.cookieFor(hop);
    const spec = this.hopSpec(hop, cookie?.headers ?? hop.headers);
    this.hopStart = this.now();
    let head: HeadersEvent | undefined;
    const finished = this.client.send(this.id, spec, (e) => {
      // Each hop's clock starts with its engine request (not when it waited for a host to start).
      if (e.type === 'started') this.anchor(e.wallTime);
      if (e.type === 'finished' || (e.type === 'started' && this.hop > 0)) return;
      this.emit(e, this.hopStart + e.t);
      // An auth leg inside the engine's request closes a hop of the chain as a REDIRECT does.
      if (e.type === 'native' && e.status === 'AUTH_LEG') this.hop++;
      if (e.type !== 'headers') return;
      head = e;
      if (!this.opts.jar) return;
      const received = this.opts.jar.store(hop.url, setCookiesOf(e.rawHeaders));
      this.emit({ type: 'cookies', sent: cookie?.names ?? [], received }, this.hopStart + e.t);
    });
    return finished.then((f) => ({ finished: { ...f, t: this.hopStart + f.t }, head, spec }));
  }

  /** The hop's headers with the jar's Cookie header (joined to the user's own, if any). */
  private cookieFor(hop: Hop): { headers: Header[]; names: string[] } | undefined {
    if (!this.opts.jar || this.opts.sendCookies === false) return undefined;
    const i = hop.headers.findIndex(([name]) => name.trim().toLowerCase() === 'cookie');
    const own = hop.headers[i];
    // "Cookie:" (curl's removal) sends no Cookie header at all.
    if (own && own[1] === '' && own.length === 2) return undefined;
    const jar = this.opts.jar.cookieHeader(hop.url);
    if (!jar) return undefined;
    const headers = [...hop.headers];
    if (own && own[1] !== '') headers[i] = [own[0], `${own[1]}; ${jar.value}`];
    else if (own) headers[i] = [own[0], jar.value];
    else headers.push(['Cookie', jar.value]);
    return { headers, names: jar.names };
  }

  private hopSpec(hop: Hop, headers: Header[]): ValidRequestSpec {
    const total = this.spec.timeouts.totalMs;
    const { body: _body, auth, ...rest } = this.spec;
    // As curl -L: the credentials go to the first URL's host only, unless --location-trusted.
    const sameHost = new URL(hop.url).host === new URL(this.spec.url).host;
    const input: RequestSpecInput = {
      ...rest,
      ...(auth && (sameHost || this.opts.trusted) ? { auth } : {}),
      url: hop.url,
      method: hop.method,
      headers,
      ...(hop.body ? { body: hop.body } : {}),
      followRedirects: false,
      callerFollows: this.spec.followRedirects,
      // The total timeout covers the chain: each hop gets what is left of it.
      timeouts: { ...this.spec.timeouts, ...(total !== undefined ? { totalMs: Math.max(1, Math.ceil(total - this.now())) } : {}) },
    };
    return parseRequestSpec(input);
  }

  private anchor(wallTime: number): void {
    this.wall0 ??= wallTime;
    this.hopStart = wallTime - this.wall0;
  }

  private now(): number {
    return this.wall0 === undefined ? performance.now() - this.t0 : Date.now() - this.wall0;
  }

  /** Re-stamps an event of a hop (or of the chain's own) into the chain: id, seq, hop, t. */
  private emit(e: InetEvent | Omit<InetEvent, 'id' | 'seq' | 'hop' | 't'>, t: number): void {
    this.lastT = Math.max(this.lastT, t);
    this.onEvent({ ...e, id: this.id, seq: this.seq++, hop: this.hop, t: this.lastT } as InetEvent);
  }

  private fail(last: FinishedEvent, error: EngineErrorInfo): FinishedEvent {
    const { bodyBase64: _body, engineTimings: _timings, ...rest } = last;
    return this.finish({ ...rest, t: this.now(), ok: false, error, bodyBytes: 0 });
  }

  private finish(last: FinishedEvent): FinishedEvent {
    const t = Math.max(this.lastT, last.t);
    const finished: FinishedEvent = { ...last, id: this.id, seq: this.seq++, hop: this.hop, t };
    this.onEvent(finished);
    return finished;
  }
}
