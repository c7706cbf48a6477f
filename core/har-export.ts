// exportHar: history entries → one HAR 1.2 file the user chose (save dialog; browser mode:
// the downloads folder), one entry per redirect hop, bodies inline up to a limit.
import fsp from 'node:fs/promises';
import { exchangeToHarEntries, type HarBody } from '../domain/har/export.js';
import type { HarEntry } from '../domain/har/har.js';
import { maskStrings, secretMasker } from '../domain/secret-mask.js';
import type { BodyStore } from './body-store.js';
import { CommandFailure, type AppHooks } from './command-failure.js';
import type { DecodedBodies } from './decoded-bodies.js';
import { suggestHarName, writeHarFile } from './har-file.js';
import type { HistoryEntry, HistoryStore } from './history-store.js';
import { reason, SaveTargetError } from './save-target.js';

interface HarExportDeps {
  hooks: AppHooks;
  bodies: BodyStore;
  decoded: DecodedBodies;
  history: HistoryStore;
}

type HarExportResult = { saved: true; path: string; entries: number; bytes: number } | { saved: false };

/** The stored body, decoded where its Content-Encoding can be undone, when it fits the
 * inline limit; otherwise why it is not in the HAR. */
export async function bodyForHar(deps: Pick<HarExportDeps, 'bodies' | 'decoded'>, entry: HistoryEntry, limit: number): Promise<HarBody> {
  const id = entry.summary.id;
  const size = await fsp.stat(deps.bodies.pathFor(id)).then((s) => s.size, () => undefined);
  if (size === undefined) {
    const expected = entry.summary.bodyBytes ?? 0;
    return expected === 0 ? { bytes: new Uint8Array(0) } : { omitted: `the body (${expected} bytes) is not stored (evicted to stay under the size limit, or not in the HAR it was imported from)` };
  }
  const d = await deps.decoded.describe(id);
  const decodeError = d.decodeError ? { decodeError: d.decodeError } : {};
  if (d.decodedBytes !== undefined) {
    if (d.decodedBytes > limit) return { omitted: `the decoded body (${d.decodedBytes} bytes) is over the inline limit of ${limit} bytes`, decodedBytes: d.decodedBytes };
    return { bytes: await fsp.readFile(await deps.decoded.pathFor(id)), wireBytes: size };
  }
  if (size > limit) return { omitted: `the body (${size} bytes) is over the inline limit of ${limit} bytes`, ...decodeError };
  return { bytes: await fsp.readFile(deps.bodies.pathFor(id)), ...decodeError };
}

/** HAR entries of stored exchanges, read one exchange at a time in one pass over the history file. */
async function* harEntriesOf(deps: Pick<HarExportDeps, 'bodies' | 'decoded' | 'history'>, ids: string[], opts: HarExportOptions): AsyncGenerator<HarEntry> {
  let i = 0;
  for await (const entry of deps.history.getMany(ids)) {
    const secrets = opts.includeSecrets ? [] : (entry.variables?.secrets ?? []);
    const mask = secretMasker(secrets);
    for (const har of exchangeToHarEntries({ request: entry.request, events: entry.events, body: await bodyForHar(deps, entry, opts.limit) }, i++)) {
      yield secrets.length ? maskEntry(har, mask) : har;
    }
  }
}

/** Each secret's value wherever the entry holds text (every hop's URL, headers and body, the
 * events, a response that echoes it) becomes {{name}}; base64 bodies are left whole. */
export function maskEntry(har: HarEntry, mask: (text: string) => string): HarEntry {
  const out = maskStrings(har, mask);
  if (har.response.content.encoding === 'base64') out.response.content.text = har.response.content.text;
  const post = har.request.postData;
  if (post && out.request.postData && (post.encoding ?? post._encoding) === 'base64') out.request.postData.text = post.text;
  return out;
}

interface HarExportOptions {
  /** Inline body limit in bytes. */
  limit: number;
  includeSecrets: boolean;
}

export async function exportHar(deps: HarExportDeps, ids: string[] | undefined, opts: HarExportOptions): Promise<HarExportResult> {
  const chosen = ids ?? deps.history.ids();
  for (const id of chosen) if (!deps.history.has(id)) throw new CommandFailure('NOT_FOUND', `no history entry with id ${id}`);
  const target = await deps.hooks.chooseSavePath(suggestHarName());
  if (target === undefined) return { saved: false };
  try {
    const { entries, bytes } = await writeHarFile(target, harEntriesOf(deps, chosen, opts));
    return { saved: true, path: target, entries, bytes };
  } catch (e) {
    if (e instanceof CommandFailure) throw e;
    throw new CommandFailure('SAVE_FAILED', e instanceof SaveTargetError ? e.message : `cannot write the HAR to ${target}: ${reason(e)}`);
  }
}
