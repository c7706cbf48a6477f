// Watches a workspace folder so a change on disk (a git pull, another editor) reaches the
// page: fs.watch, recursive (Node >= 20 on Linux), debounced so a burst of writes is one
// re-read. The app's own writes poke the same debounce, so they are announced once too.
import fs from 'node:fs';
import type { Log } from '../command-failure.js';

export const DEBOUNCE_MS = 100;

export class FolderWatcher {
  private watcher: fs.FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    root: string,
    private readonly onChange: () => void,
    log: Log,
  ) {
    try {
      this.watcher = fs.watch(root, { recursive: true, persistent: false }, () => this.poke());
      this.watcher.on('error', (e) => log(`workspace watcher for ${root}: ${e.message}`));
    } catch (e) {
      // No watch (inotify limit): the app's own writes still announce themselves.
      log(`cannot watch ${root} for changes: ${(e as Error).message}`);
    }
  }

  /** A change happened (or may have): re-read once things are quiet for DEBOUNCE_MS. */
  poke(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onChange(), DEBOUNCE_MS);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.watcher?.close();
  }
}
