// What the core pushes of a fast transfer: progress thinned per request, hop and type, the
// head and the end at once (core/progress-coalesce.ts, core/push-batcher.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Push } from '../../contract/api.js';
import type { InetEvent } from '../../contract/events.js';
import { coalesceProgress } from '../../core/progress-coalesce.js';
import { PushBatcher } from '../../core/push-batcher.js';

let seq = 0;
const ev = (id: string, hop: number, body: Record<string, unknown>): InetEvent => ({ id, seq: seq++, hop, t: seq, ...body }) as InetEvent;
const body = (id: string, bytes: number, hop = 0): InetEvent => ev(id, hop, { type: 'body', bytes });
const upload = (id: string, bytes: number): InetEvent => ev(id, 0, { type: 'upload', bytes, total: 100 });
const native = (id: string): InetEvent => ev(id, 0, { type: 'native', status: 'RESPONSE_RECEIVED', code: 41 });
const headers = (id: string, hop = 0): InetEvent =>
  ev(id, hop, { type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: '1.1', rawHeaders: 'HTTP/1.1 200 OK\r\n\r\n' });

describe('coalesceProgress', () => {
  it('keeps only the last body and upload progress of a request, in its place, and every other event', () => {
    const a = [headers('a'), upload('a', 10), body('a', 1), native('a'), body('a', 2), upload('a', 20), native('a'), body('a', 3)];
    const out = coalesceProgress(a);
    assert.deepEqual(out, [a[0], a[3], a[5], a[6], a[7]]);
  });

  it('thins each request and each hop on its own', () => {
    const a = [body('a', 1), body('b', 5), headers('a', 1), body('a', 2), body('a', 9, 1), body('b', 6), body('a', 10, 1)];
    const out = coalesceProgress(a);
    assert.deepEqual(out, [a[2], a[3], a[5], a[6]]);
  });

  it('leaves a batch without repeated progress as it is', () => {
    const a = [headers('a'), body('a', 1), native('a')];
    assert.deepEqual(coalesceProgress(a), a);
    assert.deepEqual(coalesceProgress([]), []);
  });
});

describe('PushBatcher', () => {
  const collect = (): { batcher: PushBatcher; pushes: Push[] } => {
    const batcher = new PushBatcher(() => {});
    const pushes: Push[] = [];
    batcher.subscribe((p) => pushes.push(p));
    return { batcher, pushes };
  };

  it('a headers event takes the queued progress along at the end of the task, thinned', async () => {
    const { batcher, pushes } = collect();
    const h = headers('a');
    const last = body('a', 3);
    batcher.add(native('a'));
    batcher.add(h);
    batcher.add(body('a', 1));
    batcher.add(body('a', 2));
    batcher.add(last);
    assert.equal(pushes.length, 0, 'nothing leaves within the task');
    await Promise.resolve();
    assert.equal(pushes.length, 1);
    const push = pushes[0]!;
    assert.equal(push.kind, 'events');
    assert.deepEqual(push.kind === 'events' && push.events.slice(1), [h, last]);
  });

  it('progress alone waits for the frame (flushed here by hand)', async () => {
    const { batcher, pushes } = collect();
    batcher.add(body('a', 1));
    await Promise.resolve();
    assert.equal(pushes.length, 0, 'progress does not leave at once');
    batcher.flush();
    assert.equal(pushes.length, 1);
  });
});
