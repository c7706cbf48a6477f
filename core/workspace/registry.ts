// Which workspaces the user has opened: <dataDir>/workspaces.json, the recent list and
// which of them were open (they open again at the next start). A workspace's id is a hash
// of its folder's real path, so it is the same in every session and both modes.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file.js';
import type { Log } from '../command-failure.js';

const RECENT_KEPT = 20;

const KnownSchema = z.object({ id: z.string(), location: z.string(), name: z.string(), open: z.boolean(), openedAt: z.number() });
export type Known = z.infer<typeof KnownSchema>;
const RegistryFileSchema = z.object({ workspaces: z.array(KnownSchema) });

export function workspaceIdFor(realPath: string): string {
  return crypto.createHash('sha256').update(realPath).digest('hex').slice(0, 16);
}

export class Registry {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private known: Known[],
  ) {}

  static async load(dataDir: string, log: Log): Promise<Registry> {
    const file = path.join(dataDir, 'workspaces.json');
    let known: Known[] = [];
    try {
      known = RegistryFileSchema.parse(JSON.parse(await fs.readFile(file, 'utf8'))).workspaces;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log(`workspaces: ${file} is unreadable or malformed (${(e as Error).message}); starting with no recent workspaces`);
    }
    return new Registry(file, known);
  }

  all(): Known[] {
    return [...this.known];
  }

  get(id: string): Known | undefined {
    return this.known.find((k) => k.id === id);
  }

  /** Records a workspace (opened or closed now), newest first, the list bounded. */
  note(entry: Omit<Known, 'openedAt'>, openedAt = Date.now()): Promise<void> {
    const old = this.get(entry.id);
    this.known = [{ ...entry, openedAt: entry.open || !old ? openedAt : old.openedAt }, ...this.known.filter((k) => k.id !== entry.id)].slice(0, RECENT_KEPT);
    const text = JSON.stringify({ workspaces: this.known }, null, 2) + '\n';
    const run = this.writing.then(() => writeFileAtomic(this.file, text));
    this.writing = run.catch(() => {});
    return run;
  }
}
