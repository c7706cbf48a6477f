// Small whole-file writes (settings) that are either the old or the new content after a
// crash: temp file beside the target, fsync, rename (core/save-target.ts does the dance).
import fs from 'node:fs/promises';
import { prepareSaveTarget } from './save-target.js';

/** `mode`: the file's permissions from its first byte (secrets: 0600), else the target's or 0644. */
export async function writeFileAtomic(target: string, data: string | Buffer, mode?: number): Promise<void> {
  const t = prepareSaveTarget(target, mode);
  try {
    const fh = await fs.open(t.writePath, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    t.commit();
  } catch (e) {
    t.abort();
    throw e;
  }
}
