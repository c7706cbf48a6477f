// The clock a running request's waterfall grows to: ms since the request started, updated
// once per animation frame while it runs. The loop stops on the finished event and on
// unmount, so an idle or finished exchange costs no frames.
import { useEffect, useState } from 'react';
import type { InetEvent } from '../../../contract/events.js';
import { startWallTime } from '../../../domain/timeline-text.js';

/** Epoch ms with sub-ms precision (Date.now() steps by whole ms, which shows as jitter). */
const epochNow = (): number => performance.timeOrigin + performance.now();

/** ms since the started event's wallTime while the request runs; undefined otherwise. */
export function useLiveNow(events: readonly InetEvent[]): number | undefined {
  const wallTime = startWallTime(events);
  // `finished` is always the last event of a request.
  const finished = events[events.length - 1]?.type === 'finished';
  const [now, setNow] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (wallTime === undefined || finished) return;
    let frame = 0;
    const tick = (): void => {
      setNow(epochNow() - wallTime);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [wallTime, finished]);
  return wallTime === undefined || finished ? undefined : now;
}
