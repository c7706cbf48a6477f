// Which workspaces' scripts may run: <dataDir>/trusted-workspaces.json, per user, never in
// the workspace folder (a cloned repository must not trust itself). Keyed by the workspace's
// id, a hash of its folder's real path: the same folder elsewhere (another clone) is not
// trusted until the user says so there too. An unreadable file trusts nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file.js';
import type { Log } from '../command-failure.js';

const TrustFileSchema = z.object({ workspaces: z.array(z.object({ id: z.string(), location: z.string(), trustedAt: z.number() })) });
type Trusted = z.infer<typeof TrustFileSchema>['workspaces'][number];

export class TrustStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private trusted: Trusted[],
  ) {}

  static async load(dataDir: string, log: Log): Promise<TrustStore> {
    const file = path.join(dataDir, 'trusted-workspaces.json');
    let trusted: Trusted[] = [];
    try {
      trusted = TrustFileSchema.parse(JSON.parse(await fs.readFile(file, 'utf8'))).workspaces;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log(`script trust: ${file} is unreadable or malformed (${(e as Error).message}); no workspace is trusted until one is trusted again`);
    }
    return new TrustStore(file, trusted);
  }

  isTrusted(id: string): boolean {
    return this.trusted.some((t) => t.id === id);
  }

  set(id: string, location: string, trusted: boolean): Promise<void> {
    const others = this.trusted.filter((t) => t.id !== id);
    this.trusted = trusted ? [...others, { id, location, trustedAt: Date.now() }] : others;
    const text = JSON.stringify({ workspaces: this.trusted }, null, 2) + '\n';
    const run = this.writing.then(() => writeFileAtomic(this.file, text, 0o600));
    this.writing = run.catch(() => {});
    return run;
  }
}
