// A data file the core cannot parse is never written over: it is renamed beside itself as
// <name>.bad-<time>, kept for the user to look at, before a new one is written.
import fs from 'node:fs';
import path from 'node:path';

/** The name a malformed file is kept under (in its own folder). */
export function asideName(file: string): string {
  return `${path.basename(file)}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

/** Renames the file aside; resolves with the new name (in the same folder). */
export async function setAside(file: string): Promise<string> {
  const aside = asideName(file);
  await fs.promises.rename(file, path.join(path.dirname(file), aside));
  return aside;
}

/** setAside for a caller that cannot wait (the cookie jars are read on a send). */
export function setAsideSync(file: string): string {
  const aside = asideName(file);
  fs.renameSync(file, path.join(path.dirname(file), aside));
  return aside;
}
