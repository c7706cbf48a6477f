// readBodySlice, searchBody, filterJsonBody and saveBody for a body the store does not hold: an imported HAR entry
// whose file left the body out is named as such (BODY_NOT_IMPORTED), an imported entry
// with no body at all reads as an empty one, and anything else is the store's NOT_FOUND
// (evicted to stay under the limit).
import type { BodySlice, BodyStore } from './body-store.js';
import { CommandFailure } from './command-failure.js';
import type { HistoryStore } from './history-store.js';
import type { DecodedBodies } from './decoded-bodies.js';
import type { ParsedInput } from '../contract/api.js';
import { needleOf, searchFile, type SearchAnswer } from './body-search.js';
import { filterJsonFile } from './json-filter.js';

interface BodyReadDeps {
  bodies: BodyStore;
  history: HistoryStore;
}

/** The failure for a body that was never stored because the HAR left it out, if that is the case. */
export function notImported(deps: BodyReadDeps, id: string): CommandFailure | undefined {
  if (deps.bodies.has(id)) return undefined;
  const reason = deps.history.summary(id)?.bodyOmitted;
  return reason === undefined ? undefined : new CommandFailure('BODY_NOT_IMPORTED', `this entry was imported without its body: ${reason}`);
}

export async function readBody(deps: BodyReadDeps, id: string, offset: number, length: number): Promise<BodySlice> {
  const refused = notImported(deps, id);
  if (refused) throw refused;
  const summary = deps.bodies.has(id) ? undefined : deps.history.summary(id);
  // An imported 204 (or any entry without body bytes) has no body file: it is empty, not evicted.
  if (summary?.source === 'har' && !summary.bodyBytes) return { offset, base64: '', total: 0, complete: true };
  return deps.bodies.readSlice(id, offset, length);
}

/** searchBody: over the decoded copy, or the stored wire bytes (the same refusals as readBody). */
/** The file a body view reads: the decoded copy, or the stored wire bytes (undefined: an
 * imported entry with no body bytes, an empty body). The same refusals as readBody. */
async function bodyFile(deps: BodyReadDeps & { decoded: DecodedBodies }, id: string, view: 'wire' | 'decoded'): Promise<string | undefined> {
  if (view === 'decoded') return deps.decoded.pathFor(id);
  const refused = notImported(deps, id);
  if (refused) throw refused;
  if (deps.bodies.has(id)) return deps.bodies.pathFor(id);
  const summary = deps.history.summary(id);
  if (summary?.source === 'har' && !summary.bodyBytes) return undefined;
  throw new CommandFailure('NOT_FOUND', `no stored body for ${id} (unknown request, or evicted to stay under the size limit)`);
}

export async function filterJsonBody(deps: BodyReadDeps & { decoded: DecodedBodies }, input: ParsedInput<'filterJsonBody'>): Promise<{ text: string; matches: number }> {
  const file = await bodyFile(deps, input.id, input.view);
  if (file === undefined) throw new CommandFailure('NOT_JSON', 'the body is empty');
  return filterJsonFile(file, input.path);
}

export async function searchBody(deps: BodyReadDeps & { decoded: DecodedBodies }, input: ParsedInput<'searchBody'>): Promise<SearchAnswer> {
  const needle = needleOf(input.query, input.encoding);
  const request = { needle, fold: input.encoding === 'text' && !input.caseSensitive, from: input.from, backward: input.direction === 'backward', budgetMs: input.budgetMs };
  const file = await bodyFile(deps, input.id, input.view);
  return file === undefined ? { length: needle.length, resumeAt: 0, total: 0, complete: true } : searchFile(file, request);
}
