// Unsaved changes: a tab linked to a saved request compares what it would save now with
// what it would have saved as loaded (its baseline). Compared as the contract request
// (composer-only state such as blank header rows or the query table's order does not
// count), keys sorted so the order fields were set in does not matter. Pure.
import type { RequestDraft } from '../../../contract/request.js';
import type { SavedRef } from '../../../contract/workspace.js';
import { draftToRequest, type Draft } from '../composer/draft.js';

/** The request a save writes; a file not uploaded yet passes (the store keeps no tokens). */
export function requestToSave(draft: Draft): { ok: true; request: RequestDraft } | { ok: false; message: string } {
  return draftToRequest(draft, true);
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
    f = r.ok ? stableJson(r.request) : `draft:${stableJson(draft)}`;
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

/** Save As's first guess at a name: the method and the URL's last path segment (or its host). */
export function suggestedName(draft: Pick<Draft, 'method' | 'url'>): string {
  const method = draft.method.trim().toUpperCase() || 'GET';
  const url = draft.url.trim();
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[?#]/)[0] ?? '';
  const segments = rest.split('/').filter((s) => s !== '');
  const last = segments.length > 1 ? segments[segments.length - 1] : segments[0];
  return last ? `${method} ${last}`.slice(0, 200) : 'New request';
}
