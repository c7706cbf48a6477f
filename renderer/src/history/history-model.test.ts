import { describe, expect, it } from 'vitest';
import { clickSelect, emptyHistory, emptySelection, entryAt, missingPages, PAGE_SIZE, pagesFor, refreshed, withPage, type HistoryData, type HistorySummary } from './history-model.js';

const summary = (n: number): HistorySummary => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  method: 'GET',
  url: `http://h/${n}`,
  engine: 'curl',
  startedAt: n,
  source: 'sent',
});
/** The core's answer for a page of a history of `total` entries, newest (highest n) first. */
const answer = (page: number, total: number) => {
  const entries: HistorySummary[] = [];
  for (let i = page * PAGE_SIZE; i < Math.min(total, (page + 1) * PAGE_SIZE); i++) entries.push(summary(total - 1 - i));
  return { entries, total };
};

describe('history list model', () => {
  it('wants page 0 before the first answer, then only the pages in view that are missing', () => {
    let d = emptyHistory();
    expect(missingPages(d, 0, 30)).toEqual([0]);
    d = withPage(d, 0, 0, answer(0, 1000));
    expect(d.total).toBe(1000);
    expect(entryAt(d, 0)?.url).toBe('http://h/999');
    expect(missingPages(d, 0, 30)).toEqual([]);
    expect(missingPages(d, 90, 130)).toEqual([1]);
    expect(missingPages(d, 950, 2000)).toEqual([9]);
    expect(pagesFor(5, 5)).toEqual([]);
  });

  it('keeps the pages in view shown through a refresh, refetches them, ignores stale answers', () => {
    let d: HistoryData = withPage(withPage(emptyHistory(), 0, 0, answer(0, 250)), 2, 0, answer(2, 250));
    d = refreshed(d, [2]);
    expect(d.gen).toBe(1);
    expect(d.pages.has(0)).toBe(false);
    expect(entryAt(d, 200)?.url).toBe('http://h/49');
    expect(missingPages(d, 200, 240)).toEqual([2]);
    // An answer asked before the refresh changes nothing.
    expect(withPage(d, 2, 0, answer(2, 251))).toBe(d);
    d = withPage(d, 2, 1, answer(2, 251));
    expect(entryAt(d, 200)?.url).toBe('http://h/50');
    expect(d.total).toBe(251);
  });

  it('asks again after a refresh even when the history was empty', () => {
    const d = refreshed(withPage(emptyHistory(), 0, 0, { entries: [], total: 0 }), [0]);
    expect(missingPages(d, 0, 20)).toEqual([0]);
  });

  it('drops pages past a shorter result, and everything on a new query', () => {
    let d = withPage(withPage(emptyHistory(), 0, 0, answer(0, 300)), 2, 0, answer(2, 300));
    d = withPage(refreshed(d, [0, 2]), 0, 1, answer(0, 50));
    expect([...d.pages.keys()]).toEqual([0]);
    const q = refreshed(d, [0], 'post');
    expect([q.query, q.pages.size, q.loaded, q.gen]).toEqual(['post', 0, false, 2]);
  });

  it('selects with checkboxes, Shift-click takes the range from the anchor', () => {
    const d = withPage(emptyHistory(), 0, 0, answer(0, 20));
    const id = (i: number) => entryAt(d, i)!.id;
    let s = clickSelect(d, emptySelection(), 3, false);
    expect([...s.ids]).toEqual([id(3)]);
    s = clickSelect(d, s, 7, true);
    expect([...s.ids].sort()).toEqual([3, 4, 5, 6, 7].map(id).sort());
    s = clickSelect(d, s, 1, true);
    expect(s.ids.size).toBe(7);
    s = clickSelect(d, s, 5, false);
    expect(s.ids.has(id(5))).toBe(false);
    expect(s.anchorId).toBe(id(5));
    // A row not loaded changes nothing.
    expect(clickSelect(d, s, 500, false)).toBe(s);
  });
});
