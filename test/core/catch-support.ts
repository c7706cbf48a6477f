// Helpers for the catch-server tests: waiting (bounded) for pushed client events and caught
// requests, and the invariants of a caught request's timeline.
import assert from 'node:assert/strict';
import type { CatchEvent, CaughtSummary } from '../../contract/catch.js';
import type { InetEvent } from '../../contract/events.js';
import type { AppCore } from '../../core/app-core.js';

type Waiter<T> = { test: (v: T) => boolean; resolve: (v: T) => void };

function waitList<T>(list: Array<Waiter<T>>, test: (v: T) => boolean, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    list.push({ test, resolve: (v) => (clearTimeout(timer), resolve(v)) });
  });
}

function settle<T>(list: Array<Waiter<T>>, v: T): void {
  for (const w of list.filter((x) => x.test(v))) {
    list.splice(list.indexOf(w), 1);
    w.resolve(v);
  }
}

export function catchRecorder(core: AppCore) {
  const finished: Array<Waiter<InetEvent>> = [];
  const caught: Array<Waiter<CaughtSummary>> = [];
  const seen = new Map<string, CaughtSummary>();
  core.onPush((push) => {
    if (push.kind === 'events') for (const e of push.events) settle(finished, e);
    else if (push.kind === 'caught')
      for (const s of push.requests) {
        seen.set(s.id, s);
        settle(caught, s);
      }
  });
  const ended = (s: CaughtSummary) => s.state === 'done' || s.state === 'aborted';
  return {
    finished: (id: string, ms = 120_000) =>
      waitList(finished, (e) => e.id === id && e.type === 'finished', ms, `finished of ${id}`) as Promise<Extract<InetEvent, { type: 'finished' }>>,
    /** The caught request whose X-Test-Id header is `tag`, once it is done or aborted. */
    caught: (tag: string, ms = 120_000): Promise<CaughtSummary> => {
      const test = (s: CaughtSummary) => ended(s) && s.headers.some(([k, v]) => k.toLowerCase() === 'x-test-id' && v === tag);
      const known = [...seen.values()].find(test);
      return known ? Promise.resolve(known) : waitList(caught, test, ms, `caught request ${tag}`);
    },
    /** The next caught request that ends in the given state. */
    next: (state: CaughtSummary['state'], ms = 30_000) => waitList(caught, (s) => s.state === state, ms, `a caught request ${state}`),
  };
}

/** seq 0.. without gaps, t monotonic, accepted/reused first, headers read next, one SESSION_DONE. */
export function assertCatchTimeline(events: CatchEvent[]): void {
  assert.ok(events.length >= 3, `too few events: ${events.map((e) => e.type).join(' ')}`);
  events.forEach((e, i) => assert.equal(e.seq, i, `seq ${e.seq} at index ${i}`));
  for (let i = 1; i < events.length; i++) assert.ok((events[i] as CatchEvent).t >= (events[i - 1] as CatchEvent).t, `t goes back at seq ${i}`);
  assert.match(events[0]?.type ?? '', /^CONNECTION_(ACCEPTED|REUSED)$/);
  assert.equal(events[1]?.type, 'REQUEST_HEADERS_READ');
  assert.equal(events.filter((e) => e.type === 'SESSION_DONE').length, 1);
}

/** The BODY_CHUNK_READ events: one per read, counts summing to the total, totals running. */
export function assertChunkReads(events: CatchEvent[], total: number): number {
  const reads = events.filter((e): e is Extract<CatchEvent, { type: 'BODY_CHUNK_READ' }> => e.type === 'BODY_CHUNK_READ');
  let sum = 0;
  for (const r of reads) {
    sum += r.bytes;
    assert.equal(r.total, sum, 'each read reports the running total');
  }
  assert.equal(sum, total, 'the reads add up to the body');
  return reads.length;
}
