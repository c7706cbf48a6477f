// Small whole-file writes (settings) that are either the old or the new content after a
// crash: temp file beside the target, fsync, rename (core/save-target.ts does the dance).
import fs from 'node:fs/promises';
import { prepareSaveTarget } from './save-target.js';

export async function writeFileAtomic(target: string, data: string | Buffer): Promise<void> {
  const t = prepareSaveTarget(target);
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
