import { describe, expect, it } from 'vitest';
import { tabIndexForKey } from './Tablist.js';

describe('tabIndexForKey', () => {
  it('moves with the arrows, wrapping at the ends', () => {
    expect(tabIndexForKey('ArrowRight', 0, 3)).toBe(1);
    expect(tabIndexForKey('ArrowRight', 2, 3)).toBe(0);
    expect(tabIndexForKey('ArrowLeft', 0, 3)).toBe(2);
  });
  it('goes to the ends on Home and End; other keys do nothing', () => {
    expect(tabIndexForKey('Home', 2, 3)).toBe(0);
    expect(tabIndexForKey('End', 0, 3)).toBe(2);
    expect(tabIndexForKey('Enter', 0, 3)).toBeUndefined();
  });
});
