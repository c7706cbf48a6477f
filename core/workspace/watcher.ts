// Watches a workspace folder so a change on disk (a git pull, another editor) reaches the
// page, debounced so a burst of writes is one re-read; the app's own writes poke the same
// debounce, so they are announced once too. One non-recursive fs.watch per directory:
// Node 20's recursive watch on Linux follows files by inode, so after an atomic save (a
// rename over the file, as every save here is) it misses later writes to that file; a
// directory's watch names its entries, whatever their inode.
import fs from 'node:fs';
import path from 'node:path';
import type { Log } from '../command-failure.js';

export const DEBOUNCE_MS = 100;
/** Directories watched at most (each costs an inotify watch); the items bound is 10 000. */
const MAX_DIRS = 2000;

export class FolderWatcher {
  private readonly dirs = new Map<string, fs.FSWatcher>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly onChange: () => void,
    private readonly log: Log,
  ) {
    this.sync();
  }

  /** A change happened (or may have): re-read once things are quiet for DEBOUNCE_MS. */
  poke(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // New folders (a pull) are watched before the re-read, so a write inside one is seen.
      this.sync();
      this.onChange();
    }, DEBOUNCE_MS);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const w of this.dirs.values()) w.close();
    this.dirs.clear();
  }

  /** Watches every directory of the folder now (dot-folders such as .git and links left out). */
  private sync(): void {
    const now = listDirs(this.root);
    for (const [dir, w] of this.dirs) {
      if (now.has(dir)) continue;
      w.close();
      this.dirs.delete(dir);
    }
    for (const dir of now) if (!this.dirs.has(dir)) this.watch(dir);
  }

  private watch(dir: string): void {
    try {
      const w = fs.watch(dir, { persistent: false }, () => this.poke());
      // A removed folder's watch ends with an error on some systems: the next sync forgets it.
      w.on('error', () => this.poke());
      this.dirs.set(dir, w);
    } catch (e) {
      // No watch (inotify limit, a folder gone meanwhile): the app's own writes still announce themselves.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`cannot watch ${dir} for changes: ${(e as Error).message}`);
    }
  }
}

function listDirs(root: string): Set<string> {
  const found = new Set<string>([root]);
  const queue = [root];
  while (queue.length > 0 && found.size < MAX_DIRS) {
    const dir = queue.shift() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.') || found.size >= MAX_DIRS) continue;
      const sub = path.join(dir, e.name);
      found.add(sub);
      queue.push(sub);
    }
  }
  return found;
}
