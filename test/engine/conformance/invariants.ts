// What every event list must satisfy, whatever the engine and the outcome.
import assert from 'node:assert/strict';
import type { FinishedEvent, InetEvent } from '../../../contract/events.js';

/** `maxRedirects`: the request's limit (the request spec's default is 50). */
export function assertEventInvariants(events: InetEvent[], finished: FinishedEvent, maxRedirects = 50): void {
  assert.ok(events.length >= 2, 'at least started and finished');
  assert.equal(events[0]?.type, 'started', 'the first event is started');
  assert.equal(events.at(-1), finished, 'the last event is finished');
  events.forEach((e, i) => {
    assert.equal(e.seq, i, `seq has no gaps (event ${i} has seq ${e.seq})`);
    assert.equal(e.id, finished.id);
    if (i > 0) assert.ok(e.t >= (events[i - 1] as InetEvent).t, `t is monotonic at seq ${i}`);
    if (i > 0) assert.ok(e.hop >= (events[i - 1] as InetEvent).hop, `hop never decreases at seq ${i}`);
  });
  const native = events.filter((e) => e.type === 'native');
  const idx = (status: string) => native.findIndex((e) => e.status === status);
  const lastIdx = (status: string) => native.map((e) => e.status as string).lastIndexOf(status);
  const completes = native.filter((e) => e.status === 'REQUEST_COMPLETE');
  if (finished.ioPending !== undefined) {
    // Every ERROR_IO_PENDING is answered by exactly one REQUEST_COMPLETE.
    // (or the call is named as abandoned when the stack never completed it).
    assert.equal(completes.length + (finished.abandoned ? 1 : 0), finished.ioPending, 'one REQUEST_COMPLETE per ERROR_IO_PENDING');
  }
  if (idx('HANDLE_CREATED') >= 0) {
    if (completes.length > 0) assert.ok(idx('HANDLE_CREATED') < idx('REQUEST_COMPLETE'), 'HANDLE_CREATED precedes REQUEST_COMPLETE');
    if (!finished.abandoned) assert.ok(idx('HANDLE_CLOSING') >= 0, 'every created handle is closed (HANDLE_CLOSING)');
    if (completes.length > 0 && !finished.abandoned) assert.ok(lastIdx('REQUEST_COMPLETE') < lastIdx('HANDLE_CLOSING'), 'HANDLE_CLOSING comes after the last REQUEST_COMPLETE');
  }
  assertHopHeaders(events, finished, maxRedirects);
  const lastBody = events.filter((e) => e.type === 'body').at(-1);
  if (finished.ok && lastBody?.type === 'body') assert.equal(lastBody.bytes, finished.bodyBytes, 'body progress ends at the body size');
  if (!finished.ok) assert.ok(finished.error?.message, 'an error has a message');
}

/** Every hop reports its own response: one headers event per hop at most, a followed
 * redirect's before its REDIRECT, and a completed exchange has the final one. */
function assertHopHeaders(events: InetEvent[], finished: FinishedEvent, maxRedirects: number): void {
  const headers = events.filter((e) => e.type === 'headers');
  const hops = headers.map((e) => e.hop);
  assert.equal(new Set(hops).size, hops.length, `at most one headers event per hop (hops ${hops.join(',')})`);
  for (const r of events) {
    if (r.type !== 'native' || r.status !== 'REDIRECT') continue;
    // WinInet follows redirects itself: one it starts while the request is being closed for
    // exceeding the limit has no handle left to query.
    if (finished.error?.code === 'TOO_MANY_REDIRECTS' && r.hop > maxRedirects) continue;
    const head = headers.find((e) => e.hop === r.hop);
    assert.ok(head && head.seq < r.seq, `the redirect of hop ${r.hop} has its response headers before REDIRECT`);
    assert.ok(head.type === 'headers' && head.statusCode >= 300 && head.statusCode < 400, `hop ${r.hop} was redirected by a 3xx`);
  }
  if (finished.ok) assert.ok(headers.some((e) => e.hop === finished.hop), 'a completed exchange has its final response headers');
}
