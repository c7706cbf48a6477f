// The one batching helper (engine/batcher.ts) and the one shutdown list (core/lifecycle.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Batcher, flushesAtOnce } from '../../engine/batcher.js';
import { DisposableStore } from '../../core/lifecycle.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('Batcher', () => {
  it('hands on everything added within the wait as one batch, in order', async () => {
    const out: number[][] = [];
    const b = new Batcher<number>((items) => out.push(items), 8);
    b.add(1);
    b.add(2);
    assert.deepEqual(out, [], 'nothing leaves before the wait ends');
    await sleep(30);
    b.add(3);
    await sleep(30);
    assert.deepEqual(out, [[1, 2], [3]]);
  });

  it('an urgent item takes the queued ones along at the end of the current task', async () => {
    const out: string[][] = [];
    const b = new Batcher<string>((items) => out.push(items), 10_000);
    b.add('body');
    b.add('finished', flushesAtOnce({ type: 'finished' }));
    b.add('late in the same task');
    assert.deepEqual(out, []);
    await Promise.resolve();
    assert.deepEqual(out, [['body', 'finished', 'late in the same task']]);
    b.flush();
    assert.equal(out.length, 1, 'an empty flush sends nothing');
  });

  it('untimed, it only says how long the batch may wait (a thread that never yields flushes itself)', async () => {
    const out: number[][] = [];
    const b = new Batcher<number>((items) => out.push(items), 8, false);
    assert.equal(b.wait(), Infinity);
    b.add(1);
    assert.ok(b.wait() > 0 && b.wait() <= 8);
    await sleep(30);
    assert.equal(b.wait(), 0);
    assert.deepEqual(out, [], 'no timer of its own');
    b.add(2, true);
    assert.equal(b.wait(), 0);
    b.flush();
    assert.deepEqual(out, [[1, 2]]);
    assert.equal(b.wait(), Infinity);
  });
});

describe('DisposableStore', () => {
  it('disposes in reverse order of adding, once, and throws the first failure after running every step', async () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(() => order.push('first made'));
    store.add(() => {
      throw new Error('second failed');
    });
    store.add(async () => {
      await sleep(1);
      order.push('last made');
    });
    await assert.rejects(store.dispose(), /second failed/);
    assert.deepEqual(order, ['last made', 'first made']);
    await assert.rejects(store.dispose(), /second failed/, 'a second call returns the same outcome');
    assert.deepEqual(order, ['last made', 'first made'], 'nothing runs twice');
    assert.throws(() => store.add(() => {}), /disposed already/);
  });
});
