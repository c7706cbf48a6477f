// Which workspaces the user has opened: <dataDir>/workspaces.json, the recent list and
// which of them were open (they open again at the next start). A workspace's id is a hash
// of its folder's real path, so it is the same in every session and both modes.
import crypto from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { JsonListFile } from '../json-list-file.js';
import type { Log } from '../command-failure.js';

const RECENT_KEPT = 20;

const KnownSchema = z.object({ id: z.string(), location: z.string(), name: z.string(), open: z.boolean(), openedAt: z.number() });
export type Known = z.infer<typeof KnownSchema>;
export function workspaceIdFor(realPath: string): string {
  return crypto.createHash('sha256').update(realPath).digest('hex').slice(0, 16);
}

export class Registry {
  private constructor(private readonly file: JsonListFile<Known>) {}

  static async load(dataDir: string, log: Log): Promise<Registry> {
    const file = path.join(dataDir, 'workspaces.json');
    return new Registry(await JsonListFile.load({ file, key: 'workspaces', item: KnownSchema, what: 'workspaces', log }));
  }

  all(): Known[] {
    return [...this.file.items];
  }

  get(id: string): Known | undefined {
    return this.file.items.find((k) => k.id === id);
  }

  /** Records a workspace (opened or closed now), newest first, the list bounded. */
  note(entry: Omit<Known, 'openedAt'>, openedAt = Date.now()): Promise<void> {
    const old = this.get(entry.id);
    const others = this.file.items.filter((k) => k.id !== entry.id);
    return this.file.save([{ ...entry, openedAt: entry.open || !old ? openedAt : old.openedAt }, ...others].slice(0, RECENT_KEPT));
  }
}
