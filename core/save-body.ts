// "Save response body as…": the stored body copied byte-exact to the user's path, complete
// or not there at all (temp file beside it, fsync, rename: core/save-target.ts).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { InetEvent } from '../contract/events.js';
import type { BodyStore } from './body-store.js';
import { notImported } from './body-reads.js';
import { CommandFailure, type AppHooks } from './command-failure.js';
import { suggestFileName } from './file-name.js';
import type { HistoryStore } from './history-store.js';
import type { BodyView, DecodedBodies } from './decoded-bodies.js';
import { prepareSaveTarget, reason, SaveTargetError } from './save-target.js';

export { suggestFileName } from './file-name.js';

export type SaveResult = { saved: true; path: string; bytes: number } | { saved: false };

interface SaveDeps {
  hooks: AppHooks;
  bodies: BodyStore;
  decoded: DecodedBodies;
  history: HistoryStore;
}

/** Saves the wire bytes or the decoded body (the page picks which, never where). */
export async function saveBody(deps: SaveDeps, id: string, view: BodyView = 'wire'): Promise<SaveResult> {
  if (deps.bodies.isInFlight(id)) throw new CommandFailure('NOT_FINISHED', `request ${id} is still running; save its body when it has finished`);
  const refused = notImported(deps, id);
  if (refused) throw refused;
  const entry = await deps.history.get(id);
  const source = view === 'decoded' ? await deps.decoded.pathFor(id) : deps.bodies.pathFor(id);
  const size = await fsp.stat(source).then((s) => s.size, () => undefined);
  if (size === undefined) throw new CommandFailure('NOT_FOUND', `the body of ${id} is no longer stored (evicted, or the request failed)`);
  const target = await deps.hooks.chooseSavePath(suggestFileName(nameSource(entry.events, entry.request.url)));
  if (target === undefined) return { saved: false };
  const bytes = await copyAtomic(source, target);
  return { saved: true, path: target, bytes };
}

/** Copies `source` to `target`, complete or not there (shared with saving caught bodies). */
export async function copyAtomic(source: string, target: string): Promise<number> {
  let t;
  try {
    t = prepareSaveTarget(target);
  } catch (e) {
    throw new CommandFailure('SAVE_FAILED', e instanceof SaveTargetError ? e.message : `cannot write to ${target}: ${reason(e)}`);
  }
  try {
    await pipeline(fs.createReadStream(source), fs.createWriteStream(t.writePath));
    const bytes = await syncFile(t.writePath);
    // Closed before the rename: Windows refuses to rename an open file.
    t.commit();
    return bytes;
  } catch (e) {
    t.abort();
    if (e instanceof SaveTargetError) throw new CommandFailure('SAVE_FAILED', e.message);
    throw new CommandFailure('SAVE_FAILED', `cannot save to ${target}: ${reason(e)}`);
  }
}

/** fsync before the rename: otherwise a crash may leave a renamed but empty file. */
async function syncFile(file: string): Promise<number> {
  const fh = await fsp.open(file, 'r+');
  try {
    await fh.sync();
    return (await fh.stat()).size;
  } finally {
    await fh.close();
  }
}

function resolveUrl(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return base;
  }
}

/** Content-Disposition and Content-Type of the last response (every redirect hop has its own
 * headers event; the last one is the final response's), and the final URL. */
function nameSource(events: InetEvent[], requestUrl: string): { contentDisposition?: string; contentType?: string; url: string } {
  let url = requestUrl;
  let raw = '';
  for (const e of events) {
    if (e.type === 'started') url = e.url;
    else if (e.type === 'native' && e.status === 'REDIRECT' && e.info?.url) url = resolveUrl(e.info.url, url);
    else if (e.type === 'headers') raw = e.rawHeaders;
  }
  return { url, contentDisposition: header(raw, 'content-disposition'), contentType: header(raw, 'content-type') };
}

function header(raw: string, name: string): string | undefined {
  let found: string | undefined;
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) found = line.slice(colon + 1).trim();
  }
  return found;
}
