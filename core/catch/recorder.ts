// One caught request's timeline: seq without gaps, t in ms since its start (the accept, or
// for a later request on a kept-alive connection, its headers), never going back.
import { performance } from 'node:perf_hooks';
import type { CatchEvent } from '../../contract/catch.js';

type Distribute<T> = T extends unknown ? Omit<T, 'id' | 'seq' | 't'> : never;
/** An event as a caller makes it: the recorder adds id, seq and t. */
type CatchEventBody = Distribute<CatchEvent>;

export class Recorder {
  private seq = 0;
  private lastT = 0;
  readonly events: CatchEvent[] = [];

  constructor(
    readonly id: string,
    private readonly t0: number,
    private readonly sink: (e: CatchEvent) => void,
  ) {}

  /** `at`: when it happened (performance.now()), if not now. */
  emit(body: CatchEventBody, at = performance.now()): CatchEvent {
    const t = Math.max(this.lastT, Math.round((at - this.t0) * 1000) / 1000);
    this.lastT = t;
    const e = { ...body, id: this.id, seq: this.seq++, t } as CatchEvent;
    this.events.push(e);
    this.sink(e);
    return e;
  }
}
