// The latest response of a saved request, for its entry in a collection's HAR: the history's
// last exchange sent from that request (history records the saved request of each send),
// as the history's own HAR export writes it (har-export.ts: body inline up to the limit,
// the send's secrets masked unless included), its final hop only: one entry per request.
import { exchangeToHarEntries } from '../../domain/har/export.js';
import type { HarEntry } from '../../domain/har/har.js';
import { secretMasker } from '../../domain/secret-mask.js';
import type { BodyStore } from '../body-store.js';
import type { DecodedBodies } from '../decoded-bodies.js';
import { bodyForHar, maskEntry } from '../har-export.js';
import type { HistoryStore } from '../history-store.js';

export interface ResponseDeps {
  history: HistoryStore;
  bodies: BodyStore;
  decoded: DecodedBodies;
}

export type LatestResponse = Pick<HarEntry, 'startedDateTime' | 'time' | 'response' | 'timings' | 'serverIPAddress'> & { historyId: string };

export async function latestResponse(deps: ResponseDeps, workspaceId: string, path: string, opts: { limit: number; includeSecrets: boolean }): Promise<LatestResponse | undefined> {
  const summary = deps.history.latestFor(workspaceId, path);
  if (!summary) return undefined;
  const entry = await deps.history.get(summary.id);
  const hops = exchangeToHarEntries({ request: entry.request, events: entry.events, body: await bodyForHar(deps, entry, opts.limit) }, 0);
  const secrets = opts.includeSecrets ? [] : (entry.variables?.secrets ?? []);
  const last = hops.at(-1);
  if (!last) return undefined;
  const final = secrets.length ? maskEntry(last, secretMasker(secrets)) : last;
  return {
    startedDateTime: final.startedDateTime,
    time: final.time,
    response: final.response,
    timings: final.timings,
    ...(final.serverIPAddress ? { serverIPAddress: final.serverIPAddress } : {}),
    historyId: summary.id,
  };
}
