// Which workspaces' scripts may run: <dataDir>/trusted-workspaces.json, per user, never in
// the workspace folder (a cloned repository must not trust itself). Keyed by the workspace's
// id, a hash of its folder's real path: the same folder elsewhere (another clone) is not
// trusted until the user says so there too. An unreadable file trusts nothing.
import path from 'node:path';
import { z } from 'zod';
import type { Log } from '../command-failure.js';
import { JsonListFile } from '../json-list-file.js';

const TrustedSchema = z.object({ id: z.string(), location: z.string(), trustedAt: z.number() });
type Trusted = z.infer<typeof TrustedSchema>;

export class TrustStore {
  private constructor(private readonly file: JsonListFile<Trusted>) {}

  static async load(dataDir: string, log: Log): Promise<TrustStore> {
    const file = path.join(dataDir, 'trusted-workspaces.json');
    return new TrustStore(await JsonListFile.load({ file, key: 'workspaces', item: TrustedSchema, what: 'script trust', log, mode: 0o600 }));
  }

  isTrusted(id: string): boolean {
    return this.file.items.some((t) => t.id === id);
  }

  set(id: string, location: string, trusted: boolean): Promise<void> {
    const others = this.file.items.filter((t) => t.id !== id);
    return this.file.save(trusted ? [...others, { id, location, trustedAt: Date.now() }] : others);
  }
}
