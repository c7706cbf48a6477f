// The app's source of chained values: a saved request's latest response in history (the
// history store indexes entries by the saved request they were sent from), its headers from
// the entry's events and its body from the body store.
import fs from 'node:fs/promises';
import { parseHeaderBlock } from '../../domain/har/text.js';
import type { BodyStore } from '../body-store.js';
import { CommandFailure } from '../command-failure.js';
import type { HistoryStore } from '../history-store.js';
import type { ChainResponses } from './chain-values.js';
import { MAX_CHAIN_BODY_BYTES } from './extract.js';

export function historyResponses(history: HistoryStore, bodies: BodyStore): ChainResponses {
  return {
    async latest(workspaceId, path) {
      const summary = history.latestFor(workspaceId, path);
      if (!summary) return undefined;
      const entry = await history.get(summary.id);
      const head = [...entry.events].reverse().find((e) => e.type === 'headers');
      return {
        status: summary.statusCode,
        headers: head?.type === 'headers' ? parseHeaderBlock(head.rawHeaders).headers : [],
        bodyBytes: summary.bodyBytes ?? 0,
        readBody: async () => {
          if (!bodies.has(summary.id)) throw new CommandFailure('NOT_FOUND', 'it is no longer stored (evicted to stay under the body store limit)');
          const file = bodies.pathFor(summary.id);
          const { size } = await fs.stat(file);
          if (size > MAX_CHAIN_BODY_BYTES) throw new CommandFailure('TOO_LARGE', `it is ${size} bytes, over the ${MAX_CHAIN_BODY_BYTES / 1024 / 1024} MiB a chained value is read from`);
          return fs.readFile(file);
        },
      };
    },
  };
}
