// The core's host hooks in browser mode. There is no native dialog here, and the page
// must never choose a path on disk (anything able to reach the socket could then write
// anywhere), so saving always goes into the downloads folder, under a sanitized, unique
// name. That folder is fixed where the server starts (web/main.ts); setSettings cannot
// change it, so a page script cannot aim a save at an autostart folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppHooks } from '../core/app-core.js';
import { portableFileName } from '../core/file-name.js';

interface BrowserHooksOptions {
  /** The current settings; their downloadsDir is the folder fixed at start. */
  settings(): Promise<{ downloadsDir?: string | undefined }>;
  home?: string;
}

/** `name.ext`, else `name (1).ext`, `name (2).ext`…: an existing file is never replaced. */
function uniquePath(dir: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 0; i < 10_000; i++) {
    const candidate = path.join(dir, i === 0 ? name : `${stem} (${i})${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`no free file name for ${name} in ${dir}`);
}

/** The settings' folder (`~` and relative paths taken from the home directory), or ~/Downloads/InetScope. */
export function downloadsDir(setting: string | undefined, home: string): string {
  const d = setting?.trim();
  if (!d) return path.join(home, 'Downloads', 'InetScope');
  if (d === '~' || d.startsWith('~/') || d.startsWith('~\\')) return path.join(home, d.slice(1));
  return path.isAbsolute(d) ? d : path.join(home, d);
}

export function createBrowserHooks(opts: BrowserHooksOptions): AppHooks {
  const home = opts.home ?? os.homedir();
  return {
    async chooseSavePath(suggestedName: string): Promise<string | undefined> {
      const dir = downloadsDir((await opts.settings()).downloadsDir, home);
      fs.mkdirSync(dir, { recursive: true });
      // The existence check and the later write are not atomic; the core writes through
      // a temp file renamed into place, so a racing file is at worst replaced, never mixed.
      return uniquePath(dir, portableFileName(suggestedName) || 'download');
    },
    // A page cannot hand the server a file path (and must not be able to name one), and
    // browser mode has no native picker: uploads from a file are not offered here.
    async chooseUploadFile(): Promise<string | undefined> {
      return undefined;
    },
    // No chooseWorkspaceFolder: workspaces are the folders given at start (--workspace), and
    // the core answers a request for the dialog with NO_FOLDER_DIALOG saying so.
  };
}
