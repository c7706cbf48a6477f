// Writes a HAR file for the user: entries streamed one by one (a whole history never sits
// in memory as one string), into a temp file beside the target, fsynced and renamed: the
// file is complete or not there (core/save-target.ts).
import fs from 'node:fs';
import fsp, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { HAR_VERSION, type HarEntry } from '../domain/har/har.js';
import { projectRoot } from '../engine/paths.js';
import { prepareSaveTarget } from './save-target.js';

const APP_VERSION = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** Throws SaveTargetError (unwritable place) or the write's error; the target is then untouched.
 * Writes are asynchronous: a large export does not stall the core's event loop. */
export async function writeHarFile(target: string, entries: AsyncIterable<HarEntry> | Iterable<HarEntry>): Promise<{ entries: number; bytes: number }> {
  const t = prepareSaveTarget(target);
  let fh: FileHandle | undefined;
  try {
    fh = await fsp.open(t.writePath, 'w');
    const out = fh;
    let bytes = 0;
    const write = async (s: string) => {
      const b = Buffer.from(s, 'utf8');
      await out.writeFile(b);
      bytes += b.length;
    };
    const creator = { name: 'InetScope', version: APP_VERSION };
    await write(`{"log":{"version":${JSON.stringify(HAR_VERSION)},"creator":${JSON.stringify(creator)},"entries":[`);
    let n = 0;
    for await (const entry of entries) await write(`${n++ === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`);
    await write('\n]}}\n');
    await fh.sync();
    await fh.close();
    fh = undefined;
    // Closed before the rename: Windows refuses to rename an open file.
    t.commit();
    return { entries: n, bytes };
  } catch (e) {
    await fh?.close().catch(() => {});
    t.abort();
    throw e;
  }
}

/** "inetscope-2026-12-01T18-30-00.har" */
export function suggestHarName(now = new Date()): string {
  return `inetscope-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.har`;
}
