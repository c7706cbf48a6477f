// Pushed events reach the store at most once a frame, except those a person waits to see.
// A fast transfer pushes a batch about every 16 ms, each of mostly progress (body, upload,
// native callbacks); one store update per push re-rendered the exchange per push, and the
// frame that showed the response's status waited behind them. Progress now gathers until
// the next animation frame; any other event (started, headers, finished…) is applied at
// once, together with what was gathered before it, so the order never changes.
import type { InetEvent } from '../../../contract/events.js';

const WAITS = new Set<InetEvent['type']>(['body', 'upload', 'native']);

export class PushPacer {
  private queued: InetEvent[] = [];
  private scheduled = false;

  constructor(
    private readonly apply: (events: InetEvent[]) => void,
    private readonly schedule: (run: () => void) => void,
  ) {}

  add(events: readonly InetEvent[]): void {
    let cut = events.length - 1;
    while (cut >= 0 && WAITS.has(events[cut]!.type)) cut--;
    if (cut >= 0) {
      const now = this.queued.concat(events.slice(0, cut + 1));
      this.queued = [];
      this.apply(now);
    }
    const rest = events.slice(cut + 1);
    if (rest.length === 0) return;
    this.queued.push(...rest);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  flush(): void {
    if (this.queued.length === 0) return;
    const batch = this.queued;
    this.queued = [];
    this.apply(batch);
  }
}

/** The next animation frame, or 100 ms if none comes (a hidden page gets no frames). */
export function nextFrame(run: () => void): void {
  let ran = false;
  const once = (): void => {
    if (ran) return;
    ran = true;
    clearTimeout(timer);
    run();
  };
  const timer = setTimeout(once, 100);
  requestAnimationFrame(once);
}
