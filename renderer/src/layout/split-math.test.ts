import { describe, expect, it } from 'vitest';
import { clampSize, fractionOf, sizeForKey } from './split-math.js';

const b = { total: 1000, minFirst: 100, minSecond: 200 };

describe('clampSize', () => {
  it('keeps a size between both minimums', () => {
    expect(clampSize(50, b)).toBe(100);
    expect(clampSize(950, b)).toBe(800);
    expect(clampSize(400.4, b)).toBe(400);
  });
  it('gives the first pane what there is when both minimums do not fit', () => {
    expect(clampSize(500, { total: 250, minFirst: 100, minSecond: 200 })).toBe(50);
    expect(clampSize(500, { total: 150, minFirst: 100, minSecond: 200 })).toBe(0);
  });
});

describe('sizeForKey', () => {
  it('steps by 16 px, 64 with Shift, in the arrow direction', () => {
    expect(sizeForKey('ArrowRight', false, 400, b)).toBe(416);
    expect(sizeForKey('ArrowDown', true, 400, b)).toBe(464);
    expect(sizeForKey('ArrowLeft', false, 400, b)).toBe(384);
    expect(sizeForKey('ArrowUp', true, 400, b)).toBe(336);
  });
  it('goes to the limits on Home and End, and ignores other keys', () => {
    expect(sizeForKey('Home', false, 400, b)).toBe(100);
    expect(sizeForKey('End', false, 400, b)).toBe(800);
    expect(sizeForKey('a', false, 400, b)).toBeUndefined();
  });
  it('never steps past a limit', () => {
    expect(sizeForKey('ArrowRight', true, 790, b)).toBe(800);
  });
});

describe('fractionOf', () => {
  it('is the share of the total, within 0..1', () => {
    expect(fractionOf(250, 1000)).toBe(0.25);
    expect(fractionOf(2000, 1000)).toBe(1);
    expect(fractionOf(10, 0)).toBe(0);
  });
});
