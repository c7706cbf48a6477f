import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, parseLayout } from './layout-store.js';

describe('parseLayout', () => {
  it('reads a stored layout', () => {
    const s = parseLayout(JSON.stringify({ orientation: 'side', sizes: { sidebar: 0.3, composer: 0.5, timeline: 0.4 }, responseTab: 'headers', wrapRaw: true }));
    expect(s).toEqual({ orientation: 'side', sizes: { sidebar: 0.3, composer: 0.5, timeline: 0.4 }, responseTab: 'headers', wrapRaw: true });
  });
  it('falls back field by field on bad values', () => {
    const s = parseLayout(JSON.stringify({ orientation: 'diagonal', sizes: { sidebar: 7, composer: 'x', timeline: 0.2 }, responseTab: '<b>', wrapRaw: 'yes' }));
    expect(s).toEqual({ ...DEFAULT_LAYOUT, sizes: { ...DEFAULT_LAYOUT.sizes, timeline: 0.2 } });
  });
  it('falls back whole on nothing or malformed JSON', () => {
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('[1]')).toEqual(DEFAULT_LAYOUT);
  });
});
