// What the trackers of one libcurl transfer (proxy, TLS facts, client certificate, server
// auth legs) see of it, and the list that hands each moment to all of them in the order
// they were registered. Every hook is optional: a tracker implements the moments it needs.
import type { EngineErrorInfo, KnownStatusName, StatusInfo } from '../../contract/events.js';
import type { TlsFacts } from '../../contract/tls.js';

/** Where a tracker's events go: the transfer stamps them. */
export interface HopEvents {
  native(status: KnownStatusName, info?: StatusInfo): void;
  tls(facts: TlsFacts): void;
}

/** A final response head as the transfer opens it. */
export interface FinalHead {
  statusCode: number;
  raw: string;
  contentLength?: number;
}

export interface HopObserver {
  /** A hop begins: the request's URL before anything is set up, then each redirect's right after its REDIRECT. */
  hopStart?(url: string): void;
  /** Each CURLOPT_DEBUGFUNCTION chunk, before the transfer reads it; true: the chunk is not the request's own (a CONNECT). */
  debug?(type: number, data: unknown, size: number): boolean;
  /** libcurl starts on a request (resolving, a socket, prereq, request bytes out, a header line in): true when a new leg of the hop begins. */
  legStarts?(): boolean;
  /** Prereq: the connection (and its TLS) is ready; `reused`: no socket was opened for this hop. */
  prereq?(easy: unknown, reused: boolean): void;
  /** A response head that is not 1xx: true when libcurl answers it itself on this hop (a leg, not the response). */
  answered?(statusCode: number): boolean;
  /** The final response head: an error when it fails the request. */
  refusal?(statusCode: number): EngineErrorInfo | undefined;
  /** The final response head, the request not failed: true when it is held (libcurl may still answer it). */
  holds?(head: FinalHead): boolean;
  /** The body begins or the transfer ends well: a held head, now the response. */
  release?(): FinalHead | undefined;
  /** The transfer failed: why, when this tracker's side is why (before libcurl's code is read). */
  cause?(): EngineErrorInfo | undefined;
  /** libcurl's error, named for this tracker's side where it is about it. */
  explain?(error: EngineErrorInfo): EngineErrorInfo;
  /** The transfer is over (CURLcode, libcurl's error buffer), before `finished`. */
  done?(easy: unknown, code: number, detail: string): void;
}

/** The trackers of one transfer, registered once. */
export class HopObservers {
  constructor(private readonly list: readonly HopObserver[]) {}

  hopStart(url: string): void {
    for (const o of this.list) o.hopStart?.(url);
  }

  /** Every tracker sees every chunk; true when one claimed it. */
  debug(type: number, data: unknown, size: number): boolean {
    return this.any((o) => o.debug?.(type, data, size));
  }

  legStarts(): boolean {
    return this.any((o) => o.legStarts?.());
  }

  prereq(easy: unknown, reused: boolean): void {
    for (const o of this.list) o.prereq?.(easy, reused);
  }

  /** Every tracker sees every head (they count them); true when one answers it. */
  answered(statusCode: number): boolean {
    return this.any((o) => o.answered?.(statusCode));
  }

  refusal(statusCode: number): EngineErrorInfo | undefined {
    return this.first((o) => o.refusal?.(statusCode));
  }

  /** The first tracker that holds the head keeps it. */
  holds(head: FinalHead): boolean {
    return this.list.some((o) => o.holds?.(head) ?? false);
  }

  release(): FinalHead | undefined {
    return this.first((o) => o.release?.());
  }

  cause(): EngineErrorInfo | undefined {
    return this.first((o) => o.cause?.());
  }

  explain(error: EngineErrorInfo): EngineErrorInfo {
    return this.list.reduce((e, o) => o.explain?.(e) ?? e, error);
  }

  done(easy: unknown, code: number, detail: string): void {
    for (const o of this.list) o.done?.(easy, code, detail);
  }

  /** Asks every tracker (none is skipped: each may keep state), true when one said so. */
  private any(ask: (o: HopObserver) => boolean | undefined): boolean {
    let yes = false;
    for (const o of this.list) yes = (ask(o) ?? false) || yes;
    return yes;
  }

  private first<T>(ask: (o: HopObserver) => T | undefined): T | undefined {
    for (const o of this.list) {
      const r = ask(o);
      if (r !== undefined) return r;
    }
    return undefined;
  }
}
