// Stamps events of one request with id, seq, hop and t (ms since start, monotonic).
import { performance } from 'node:perf_hooks';
import type { EmitFn } from './engine.js';
import { STATUS, statusName, type EventPayload, type InetEvent, type StatusInfo } from '../contract/events.js';

export class EventStamper {
  readonly t0 = performance.now();
  readonly wallTime = Date.now();
  private seq = 0;
  private done = false;
  hop = 0;
  constructor(
    readonly id: string,
    private readonly emit: EmitFn,
    /** Callbacks that arrive after `finished` (an abandoned call completing late) go here. */
    private readonly late: (e: InetEvent) => void = () => {},
  ) {}

  now(): number {
    return performance.now() - this.t0;
  }

  /** One event per native callback; `at` is the performance.now() taken on entry. */
  native(code: number, info: StatusInfo | undefined, at: number): void {
    const t = at - this.t0;
    const ev: InetEvent = { type: 'native', id: this.id, seq: this.seq++, hop: this.hop, t, status: statusName(code), code };
    if (info) ev.info = info;
    if (this.done) return this.late(ev);
    this.emit(ev);
    // A REDIRECT (or an AUTH_LEG) closes its hop; what follows belongs to the next one.
    if (code === STATUS.REDIRECT || code === STATUS.AUTH_LEG) this.hop++;
  }

  /** `at` (a performance.now()) stamps an event taken inside a native callback at that callback's time. */
  lifecycle(payload: EventPayload, at?: number): void {
    if (this.done) return;
    if (payload.type === 'finished') this.done = true;
    const t = at === undefined ? this.now() : at - this.t0;
    this.emit({ ...payload, id: this.id, seq: this.seq++, hop: this.hop, t } as InetEvent);
  }
}
