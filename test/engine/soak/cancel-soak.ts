// The cancel soak: many requests through one engine client, each cancelled at a phase
// picked at random (before anything happened, at a native status, at the headers, in the
// body, after a random delay), a bounded number in flight at once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { EngineClient } from '../../../engine/client.js';
import type { FinishedEvent, InetEvent } from '../../../contract/events.js';
import { assertEventInvariants } from '../conformance/invariants.js';
import { pick } from './random.js';
import { parseRequestSpec } from '../../../engine/request-spec.js';

const PHASES = [
  'at once', 'RESOLVING_NAME', 'CONNECTING_TO_SERVER', 'CONNECTED_TO_SERVER', 'SENDING_REQUEST', 'REQUEST_SENT',
  'RECEIVING_RESPONSE', 'headers', 'body', 'delay',
] as const;
const FALLBACK_MS = 400;
type Phase = (typeof PHASES)[number];

interface SoakTally {
  cancelled: number;
  completed: number;
  otherErrors: Record<string, number>;
  byPhase: Record<string, number>;
  handlesCreated: number;
  handlesClosing: number;
}

const matches = (phase: Phase, e: InetEvent): boolean =>
  (e.type === 'native' && e.status === phase) || (phase === 'headers' && e.type === 'headers') || (phase === 'body' && e.type === 'body');

/** One request, cancelled when `phase` comes (or finishing first); resolves with its events. */
async function one(client: EngineClient, url: string, phase: Phase, delayMs: number): Promise<{ events: InetEvent[]; finished: FinishedEvent }> {
  const id = randomUUID();
  const events: InetEvent[] = [];
  let fired = false;
  const cancel = (): void => {
    if (!fired) client.cancel(id);
    fired = true;
  };
  const finished = client.send(id, parseRequestSpec({ url, sink: { kind: 'discard' } }), (e) => {
    events.push(e);
    if (matches(phase, e)) cancel();
  });
  if (phase === 'at once') cancel();
  if (phase === 'delay') setTimeout(cancel, delayMs);
  // A phase the exchange never reaches (no RESOLVING_NAME for an IP literal on libcurl)
  // must not leave a stalled request running: cancel it anyway.
  const fallback = setTimeout(cancel, FALLBACK_MS);
  try {
    return { events, finished: await finished };
  } finally {
    clearTimeout(fallback);
  }
}

export async function cancelSoak(client: EngineClient, urls: string[], opts: { count: number; parallel: number; rnd: () => number }): Promise<SoakTally> {
  const tally: SoakTally = { cancelled: 0, completed: 0, otherErrors: {}, byPhase: {}, handlesCreated: 0, handlesClosing: 0 };
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < opts.count) {
      started++;
      const phase = pick(opts.rnd, PHASES);
      const { events, finished } = await one(client, pick(opts.rnd, urls), phase, Math.floor(opts.rnd() * 40));
      try {
        assertEventInvariants(events, finished);
      } catch (e) {
        const trail = events.map((x) => (x.type === 'native' ? x.status : x.type)).join(' ');
        throw new Error(`cancel at ${phase}: ${(e as Error).message}; finished ${JSON.stringify({ ...finished, bodyBase64: undefined })}; events: ${trail}`);
      }
      tally.byPhase[phase] = (tally.byPhase[phase] ?? 0) + 1;
      if (finished.ok) tally.completed++;
      else if (finished.error?.code === 'CANCELLED') tally.cancelled++;
      else tally.otherErrors[finished.error?.code ?? '?'] = (tally.otherErrors[finished.error?.code ?? '?'] ?? 0) + 1;
      for (const e of events) {
        if (e.type !== 'native') continue;
        if (e.status === 'HANDLE_CREATED') tally.handlesCreated++;
        if (e.status === 'HANDLE_CLOSING') tally.handlesClosing++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.parallel }, worker));
  assert.equal(tally.cancelled + tally.completed + Object.values(tally.otherErrors).reduce((a, b) => a + b, 0), opts.count);
  return tally;
}

/** HANDLE_CLOSING callbacks that came after their request had finished (the host logs them). */
export function lateClosings(hostLog: string): number {
  return hostLog.split('\n').filter((l) => l.includes('late event after finished') && l.includes('"HANDLE_CLOSING"')).length;
}
