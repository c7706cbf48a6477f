// The history sidebar's list: newest first, fetched from the core a page at a time
// (listHistory with limit/offset) as rows come into view, so thousands of entries cost only
// what is on screen. A refresh (a request finished, an import, a new search) starts a new
// generation: the pages in view stay shown until their fresh copies arrive, the others are
// dropped, and an answer of an older generation is ignored. Pure, tested without a DOM.
import type { z } from 'zod';
import type { HistorySummarySchema } from '../../../contract/api.js';

export type HistorySummary = z.infer<typeof HistorySummarySchema>;

/** Rows per listHistory call (the contract allows up to 500). */
export const PAGE_SIZE = 100;

export interface Page {
  gen: number;
  entries: HistorySummary[];
}

export interface HistoryData {
  query: string;
  /** Entries matching the query, as of the last answer. */
  total: number;
  gen: number;
  pages: ReadonlyMap<number, Page>;
  /** An answer of this generation has arrived: `total` is current (before: "loading", not "empty"). */
  loaded: boolean;
}

export const emptyHistory = (query = ''): HistoryData => ({ query, total: 0, gen: 0, pages: new Map(), loaded: false });

export function entryAt(d: HistoryData, i: number): HistorySummary | undefined {
  return d.pages.get(Math.floor(i / PAGE_SIZE))?.entries[i % PAGE_SIZE];
}

/** Page numbers covering rows [start, end). */
export function pagesFor(start: number, end: number): number[] {
  const out: number[] = [];
  if (end <= start) return out;
  for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor((end - 1) / PAGE_SIZE); p++) out.push(p);
  return out;
}

/** Pages of rows [start, end) that are absent or of an older generation. Before the first
 * answer the total is unknown: page 0 is wanted. */
export function missingPages(d: HistoryData, start: number, end: number): number[] {
  const last = d.loaded ? Math.min(end, d.total) : Math.max(end, 1);
  return pagesFor(Math.max(0, start), last).filter((p) => (d.pages.get(p)?.gen ?? -1) < d.gen);
}

/** An answer for `page` asked in generation `gen`; an older generation's answer is ignored. */
export function withPage(d: HistoryData, page: number, gen: number, answer: { entries: HistorySummary[]; total: number }): HistoryData {
  if (gen !== d.gen) return d;
  const pages = new Map(d.pages);
  pages.set(page, { gen, entries: answer.entries });
  // Pages past the new end are gone (a shorter result).
  for (const p of pages.keys()) if (p * PAGE_SIZE >= answer.total && p !== 0) pages.delete(p);
  return { ...d, pages, total: answer.total, loaded: true };
}

/** A new generation; `keep` (the pages in view) stay shown until replaced. A new query drops everything. */
export function refreshed(d: HistoryData, keep: readonly number[], query = d.query): HistoryData {
  if (query !== d.query) return { ...emptyHistory(query), gen: d.gen + 1 };
  const pages = new Map<number, Page>();
  for (const p of keep) {
    const page = d.pages.get(p);
    if (page) pages.set(p, page);
  }
  return { ...d, gen: d.gen + 1, pages, loaded: false };
}

/** The index of a loaded entry, or -1. */
export function indexOfId(d: HistoryData, id: string): number {
  for (const [p, page] of d.pages) {
    const i = page.entries.findIndex((e) => e.id === id);
    if (i >= 0) return p * PAGE_SIZE + i;
  }
  return -1;
}

export interface Selection {
  ids: ReadonlySet<string>;
  /** The last row clicked without Shift: a Shift-click selects from there. */
  anchorId?: string;
}

export const emptySelection = (): Selection => ({ ids: new Set() });

/** A checkbox click on row `index`: toggles it; with Shift, selects every loaded row from the anchor to it. */
export function clickSelect(d: HistoryData, sel: Selection, index: number, shift: boolean): Selection {
  const id = entryAt(d, index)?.id;
  if (!id) return sel;
  const anchor = sel.anchorId !== undefined ? indexOfId(d, sel.anchorId) : -1;
  const ids = new Set(sel.ids);
  if (shift && anchor >= 0) {
    for (let i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
      const rowId = entryAt(d, i)?.id;
      if (rowId) ids.add(rowId);
    }
    return { ids, anchorId: sel.anchorId };
  }
  if (!ids.delete(id)) ids.add(id);
  return { ids, anchorId: id };
}
