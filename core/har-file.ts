// Writes a HAR file for the user: entries streamed one by one (a whole history never sits
// in memory as one string), into a temp file beside the target, fsynced and renamed: the
// file is complete or not there (core/save-target.ts).
import fs from 'node:fs';
import path from 'node:path';
import { HAR_VERSION, type HarEntry } from '../contract/har.js';
import { projectRoot } from '../native-bridge/paths.js';
import { prepareSaveTarget } from './save-target.js';

export const APP_VERSION = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** Throws SaveTargetError (unwritable place) or the write's error; the target is then untouched. */
export async function writeHarFile(target: string, entries: AsyncIterable<HarEntry> | Iterable<HarEntry>): Promise<{ entries: number; bytes: number }> {
  const t = prepareSaveTarget(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(t.writePath, 'w');
    let bytes = 0;
    const write = (s: string) => {
      const b = Buffer.from(s, 'utf8');
      for (let off = 0; off < b.length; ) off += fs.writeSync(fd!, b, off);
      bytes += b.length;
    };
    const creator = { name: 'InetScope', version: APP_VERSION };
    write(`{"log":{"version":${JSON.stringify(HAR_VERSION)},"creator":${JSON.stringify(creator)},"entries":[`);
    let n = 0;
    for await (const entry of entries) write(`${n++ === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`);
    write('\n]}}\n');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    t.commit();
    return { entries: n, bytes };
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    t.abort();
    throw e;
  }
}

/** "inetscope-2026-12-01T18-30-00.har" */
export function suggestHarName(now = new Date()): string {
  return `inetscope-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.har`;
}
