// The interface every engine implements; the host drives it, the conformance suite tests it.
import type { InetEvent } from './events.js';
import type { RequestSpec } from './request-spec.js';

export type EngineName = 'wininet' | 'curl';

export type EmitFn = (event: InetEvent) => void;

export interface Engine {
  readonly name: EngineName;
  /** Starts a request; every event of it goes to emit, the last one is `finished`. */
  start(id: string, spec: RequestSpec, emit: EmitFn): void;
  /** Cancels at any phase; the request still ends with a `finished` (CANCELLED) event. */
  cancel(id: string): void;
  activeCount(): number;
  /** Cancels what is in flight, waits for native teardown, releases the stack. */
  shutdown(): Promise<void>;
}
