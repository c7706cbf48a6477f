// Helpers for tests that drive AppCore with real engine hosts: a recorder of pushed events
// per request with bounded waits.
import assert from 'node:assert/strict';
import type { Push } from '../../contract/api.js';
import type { InetEvent } from '../../contract/events.js';
import type { AppCore } from '../../core/app-core.js';

type FinishedDto = Extract<InetEvent, { type: 'finished' }>;

/** Collects pushed events per request; waits are bounded. */
export function recorder(core: AppCore) {
  const pushes: Push[] = [];
  const byId = new Map<string, InetEvent[]>();
  const waiters: Array<{ test: (e: InetEvent) => boolean; resolve: (e: InetEvent) => void }> = [];
  core.onPush((push) => {
    pushes.push(push);
    if (push.kind !== 'events') return;
    for (const e of push.events) {
      let list = byId.get(e.id);
      if (!list) byId.set(e.id, (list = []));
      list.push(e);
      for (const w of waiters.filter((x) => x.test(e))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    }
  });
  const waitFor = (test: (e: InetEvent) => boolean, ms: number, what: string): Promise<InetEvent> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  return {
    pushes,
    events: (id: string) => byId.get(id) ?? [],
    /** Forgets a request's events (long soak runs). */
    forget: (id: string) => byId.delete(id),
    waitFor,
    finished: (id: string, ms = 60_000) => waitFor((e) => e.id === id && e.type === 'finished', ms, `finished of ${id}`),
    sent: (id: string, ms = 60_000) =>
      waitFor((e) => e.id === id && e.type === 'native' && e.status === 'REQUEST_SENT', ms, `REQUEST_SENT of ${id}`),
  };
}

export function finishedOf(e: InetEvent): FinishedDto {
  assert.equal(e.type, 'finished');
  return e as FinishedDto;
}
