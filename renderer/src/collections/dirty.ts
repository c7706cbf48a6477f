// Unsaved changes: a tab linked to a saved request compares what it would save now with
// what it would have saved as loaded (its baseline); a tab never saved, with what a new tab
// holds. Compared as the contract request and assertions (composer-only state such as blank
// header rows or the query table's order does not count), keys sorted so the order fields
// were set in does not matter. Pure.
import type { Assertion } from '../../../contract/assertions.js';
import type { RequestDraft } from '../../../contract/request.js';
import type { SavedRef } from '../../../contract/workspace.js';
import { draftToRequest, emptyDraft, type Draft } from '../composer/draft.js';
import { rowsToAssertions } from '../assertions/assertion-rows.js';

/** `assertions` absent: the draft never held any (a new tab, one from before the editor), so a
 * save over a file keeps the file's; [] removes them. */
export type ToSave = { ok: true; request: RequestDraft; assertions?: Assertion[] } | { ok: false; message: string };

/** The request and assertions a save writes; a file not uploaded yet passes (the store keeps no tokens). */
export function requestToSave(draft: Draft): ToSave {
  const r = draftToRequest(draft, true);
  if (!r.ok) return r;
  if (draft.assertions === undefined) return r;
  const a = rowsToAssertions(draft.assertions);
  return a.ok ? { ok: true, request: r.request, assertions: a.assertions } : a;
}

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

// Drafts are immutable (every edit makes a new one), so a draft's fingerprint is kept with it:
// rendering the tab strip does not convert every draft again.
const fingerprints = new WeakMap<Draft, string>();

/** What a draft amounts to for the comparison: its request, or (not convertible) the draft itself. */
function fingerprint(draft: Draft): string {
  let f = fingerprints.get(draft);
  if (f === undefined) {
    const r = requestToSave(draft);
    // No assertions and an empty list are the same request.
    f = r.ok ? stableJson({ request: r.request, assertions: r.assertions?.length ? r.assertions : undefined }) : `draft:${stableJson(draft)}`;
    fingerprints.set(draft, f);
  }
  return f;
}

export interface Linked {
  draft: Draft;
  saved?: SavedRef;
  baseline?: Draft;
}

/** A tab with a saved request whose draft says something else than it did when loaded or saved. */
export function isDirty(tab: Linked): boolean {
  if (!tab.saved || !tab.baseline) return false;
  return tab.draft !== tab.baseline && fingerprint(tab.draft) !== fingerprint(tab.baseline);
}

/** Whether closing the tab loses something: a saved request's unsaved changes, or a tab never
 * saved that holds more than a new tab does (its engine aside). */
export function hasUnsavedWork(tab: Linked): boolean {
  if (tab.saved) return isDirty(tab);
  return fingerprint(tab.draft) !== fingerprint(emptyDraft(tab.draft.options.engine));
}

/** Save As's first guess at a name: the method and the URL's last path segment (or its host). */
export function suggestedName(draft: Pick<Draft, 'method' | 'url'>): string {
  const method = draft.method.trim().toUpperCase() || 'GET';
  const url = draft.url.trim();
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[?#]/)[0] ?? '';
  const segments = rest.split('/').filter((s) => s !== '');
  const last = segments.length > 1 ? segments[segments.length - 1] : segments[0];
  return last ? `${method} ${last}`.slice(0, 200) : 'New request';
}
