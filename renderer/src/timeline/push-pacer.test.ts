import { describe, expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import { PushPacer } from './push-pacer.js';

const base = { id: 'r1', t: 0 };
const native = (seq: number) => ({ ...base, seq, type: 'native', code: 1, name: 'X' }) as unknown as InetEvent;
const body = (seq: number) => ({ ...base, seq, type: 'body', bytes: seq }) as unknown as InetEvent;
const headers = (seq: number) => ({ ...base, seq, type: 'headers' }) as unknown as InetEvent;
const finished = (seq: number) => ({ ...base, seq, type: 'finished' }) as unknown as InetEvent;

function setup() {
  const applied: number[][] = [];
  const frames: Array<() => void> = [];
  const pacer = new PushPacer((events) => applied.push(events.map((e) => e.seq)), (run) => frames.push(run));
  return { applied, frames, pacer };
}

describe('PushPacer', () => {
  it('applies a batch up to its headers at once and the progress after it on the next frame', () => {
    const { applied, frames, pacer } = setup();
    pacer.add([native(1), headers(2), body(3), body(4)]);
    expect(applied).toEqual([[1, 2]]);
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(applied).toEqual([[1, 2], [3, 4]]);
  });

  it('gathers the progress of several pushes into one update per frame', () => {
    const { applied, frames, pacer } = setup();
    pacer.add([body(1), body(2)]);
    pacer.add([body(3)]);
    expect(applied).toEqual([]);
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(applied).toEqual([[1, 2, 3]]);
  });

  it('takes what was gathered along with an event that does not wait, in order', () => {
    const { applied, frames, pacer } = setup();
    pacer.add([body(1)]);
    pacer.add([body(2), finished(3)]);
    expect(applied).toEqual([[1, 2, 3]]);
    frames[0]!(); // the frame finds nothing left
    expect(applied).toEqual([[1, 2, 3]]);
  });
});
