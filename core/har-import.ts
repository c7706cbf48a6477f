// importHar: a HAR file the user picked or uploaded (a file token, core/uploads.ts) becomes
// history entries (source 'har') with their bodies in the body store. The file is bounded
// in size; a bad file is refused naming the problem, bad entries are skipped with a reason.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import { MAX_HAR_FILE_BYTES } from '../domain/har/har.js';
import { HarFileError, harToExchanges, type HarImportResult } from '../domain/har/import.js';
import type { BodyStore } from './body-store.js';
import { CommandFailure } from './command-failure.js';
import { regularFileSize } from './regular-file.js';
import type { HistoryStore } from './history-store.js';
import type { Uploads } from './uploads.js';

interface HarImportDeps {
  uploads: Uploads;
  history: HistoryStore;
  bodies: BodyStore;
}

/** Reads and parses a HAR file; CommandFailure names what is wrong with it. */
async function readHarFile(file: string, label = file): Promise<HarImportResult> {
  const size = await regularFileSize(file, 'HAR_UNREADABLE', `cannot read ${label}`);
  if (size > MAX_HAR_FILE_BYTES) {
    throw new CommandFailure('HAR_TOO_LARGE', `${label} is ${size} bytes; a HAR file can have at most ${MAX_HAR_FILE_BYTES} bytes`);
  }
  return parseHarText((await fsp.readFile(file, 'utf8')).replace(/^\uFEFF/, ''), label);
}

function parseHarText(text: string, label: string): HarImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CommandFailure('HAR_NOT_JSON', `${label} is not JSON: ${(e as Error).message}`);
  }
  try {
    return harToExchanges(json, () => crypto.randomUUID());
  } catch (e) {
    if (e instanceof HarFileError) throw new CommandFailure('HAR_INVALID', `${label} is ${e.message}`);
    throw e;
  }
}

export async function importHar(deps: HarImportDeps, fileToken: string): Promise<{ ids: string[]; skipped: HarImportResult['skipped'] }> {
  const file = deps.uploads.pathFor(fileToken);
  try {
    const { exchanges, skipped } = await readHarFile(file, 'the HAR file');
    // Bodies first: a history entry never points at a body that is not there yet.
    for (const x of exchanges) if (x.body) await deps.bodies.put(x.summary.id, x.body);
    await deps.history.appendMany(exchanges.map(({ summary, request, events }) => ({ summary, request, events })));
    await deps.bodies.evict();
    return { ids: exchanges.map((x) => x.summary.id), skipped };
  } finally {
    // A staged upload is the core's own copy, used once; a picked file stays the user's.
    await deps.uploads.release([fileToken]);
  }
}
