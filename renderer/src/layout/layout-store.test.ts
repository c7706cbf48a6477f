import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, parseLayout } from './layout-store.js';

describe('parseLayout', () => {
  it('reads a stored layout', () => {
    const s = parseLayout(JSON.stringify({ orientation: 'side', timeline: 'tab', sizes: { sidebar: 0.3, composer: 0.5, timeline: 0.4 }, responseTab: 'headers', wrapRaw: true }));
    expect(s).toEqual({ orientation: 'side', timeline: 'tab', sizes: { sidebar: 0.3, composer: 0.5, timeline: 0.4 }, responseTab: 'headers', wrapRaw: true });
  });
  it('falls back field by field on bad values', () => {
    const s = parseLayout(JSON.stringify({ orientation: 'diagonal', timeline: 'beside', sizes: { sidebar: 7, composer: 'x', timeline: 0.2 }, responseTab: '<b>', wrapRaw: 'yes' }));
    expect(s).toEqual({ ...DEFAULT_LAYOUT, sizes: { ...DEFAULT_LAYOUT.sizes, timeline: 0.2 } });
  });
  it('falls back whole on nothing or malformed JSON', () => {
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('[1]')).toEqual(DEFAULT_LAYOUT);
  });
  it('keeps the timeline in its pane unless the tab was chosen (a layout stored before the choice existed)', () => {
    expect(parseLayout(JSON.stringify({ orientation: 'side' })).timeline).toBe('pane');
    expect(parseLayout(JSON.stringify({ timeline: 'tab' })).timeline).toBe('tab');
    expect(parseLayout(JSON.stringify({ timeline: 1 })).timeline).toBe('pane');
  });
});
