// The interface every engine implements; the host drives it, the conformance suite tests it.
import type { InetEvent } from '../contract/events.js';
import type { ValidRequestSpec } from './request-spec.js';

export type EngineName = 'wininet' | 'curl';

export type EmitFn = (event: InetEvent) => void;

export interface Engine {
  readonly name: EngineName;
  /** The native stack as loaded, e.g. "libcurl/7.88.1 OpenSSL/3.0.19 … (features: …)". */
  readonly stack: string;
  /** Starts a request; every event of it goes to emit, the last one is `finished`. */
  start(id: string, spec: ValidRequestSpec, emit: EmitFn): void;
  /** Cancels at any phase; the request still ends with a `finished` (CANCELLED) event. */
  cancel(id: string): void;
  activeCount(): number;
  /** Cancels what is in flight, waits for native teardown, releases the stack. */
  shutdown(): Promise<void>;
}
