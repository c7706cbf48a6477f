// checkAssertions: a request's assertions on an exchange of the history, by the checks
// `inetscope run` makes (core/run/assertions.ts), on the facts the runner takes from a
// response (responseFacts). The body is read from the body store only when a JSON path needs it.
import fs from 'node:fs/promises';
import type { Assertion, AssertionResult } from '../contract/assertions.js';
import type { BodyStore } from './body-store.js';
import { CommandFailure } from './command-failure.js';
import type { HistoryStore } from './history-store.js';
import { checkAssertions, responseFacts } from './run/assertions.js';

interface Deps {
  history: HistoryStore;
  bodies: BodyStore;
}

export async function checkHistoryAssertions(deps: Deps, id: string, assertions: readonly Assertion[]): Promise<{ results: AssertionResult[] }> {
  const entry = await deps.history.get(id);
  const finished = entry.events[entry.events.length - 1];
  if (finished?.type !== 'finished') throw new CommandFailure('NO_RESPONSE', `the exchange ${id} has not finished`);
  // As `inetscope run`: a failed exchange has no response to check.
  if (!finished.ok) throw new CommandFailure('NO_RESPONSE', `the exchange failed (${finished.error?.code ?? 'FAILED'}): there is no response to check`);
  const readBody = async (): Promise<Buffer> => {
    if (finished.bodyBytes === 0) return Buffer.alloc(0);
    if (!deps.bodies.has(id)) throw new Error('its stored copy is gone (evicted to stay under the size limit, or never imported)');
    return fs.readFile(deps.bodies.pathFor(id));
  };
  return { results: await checkAssertions(assertions, responseFacts(entry.events, finished, readBody)) };
}
