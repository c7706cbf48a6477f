// Secret variables' values, kept out of the workspace folder (which is shared, committed,
// pulled): <dataDir>/secrets/<workspace-id>.json, readable by the user only (0600 in a 0700
// folder), written atomically. Keyed by scope, so "token" can differ per environment.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file.js';
import type { Log } from '../command-failure.js';

/** Where a secret is defined: the workspace, a folder (by path) or an environment (by name). */
export type SecretScope = { folder?: string | undefined; environment?: string | undefined };

const SecretsFileSchema = z.record(z.string(), z.record(z.string(), z.string()));
type SecretsFile = z.infer<typeof SecretsFileSchema>;

export function scopeKey(scope: SecretScope): string {
  if (scope.environment !== undefined) return `environment:${scope.environment}`;
  if (scope.folder !== undefined && scope.folder !== '') return `folder:${scope.folder}`;
  return 'workspace';
}

export class SecretsStore {
  /** Writes one after another, each holding every earlier change. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly log: Log,
  ) {}

  async get(workspaceId: string, scope: SecretScope): Promise<Record<string, string>> {
    return (await this.read(workspaceId))[scopeKey(scope)] ?? {};
  }

  /** Sets (or, with `value` undefined, removes) secrets of one scope; `keep` prunes the names not in it. */
  update(workspaceId: string, scope: SecretScope, values: Record<string, string | undefined>, keep?: Set<string>): Promise<void> {
    const run = this.writing.then(async () => {
      const all = await this.read(workspaceId);
      const key = scopeKey(scope);
      const next = { ...all[key] };
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) delete next[name];
        else next[name] = value;
      }
      if (keep) for (const name of Object.keys(next)) if (!keep.has(name)) delete next[name];
      all[key] = next;
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file(workspaceId), JSON.stringify(all, null, 2) + '\n', 0o600);
    });
    this.writing = run.catch(() => {});
    return run;
  }

  private file(workspaceId: string): string {
    return path.join(this.dir, `${workspaceId}.json`);
  }

  private async read(workspaceId: string): Promise<SecretsFile> {
    let text: string;
    try {
      text = await fs.readFile(this.file(workspaceId), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    try {
      return SecretsFileSchema.parse(JSON.parse(text));
    } catch {
      // Not silently replaced: the user's secrets may be in there.
      this.log(`secrets: ${this.file(workspaceId)} is malformed; it is left as it is`);
      throw new Error(`the secrets file ${this.file(workspaceId)} is malformed: fix or remove it`);
    }
  }
}
