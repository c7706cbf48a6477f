// The OAuth 2.0 tokens of each workspace, persisted: <dataDir>/oauth/<workspace>.json
// (sends outside a workspace: _none.json), readable by the user only, keyed by the token
// endpoint, client, scope and grant. A file that is not a cache may hold tokens the user
// wants, so it is set aside as <name>.bad-<time> (core/set-aside.ts) before a new one is
// written, and the token's status says so.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { OAuth2Auth } from '../../contract/oauth.js';
import { writeFileAtomic } from '../atomic-file.js';
import type { Log } from '../command-failure.js';
import { jarFileName } from '../cookie-store.js';
import { readDataFile } from '../json-data-file.js';
import { reason } from '../save-target.js';
import { setAside } from '../set-aside.js';
import { CachedTokenSchema, type CachedToken } from './token-response.js';
import { issueText } from '../../contract/zod-issue.js';

const MAX_FILE_BYTES = 4 * 1024 * 1024;
const CacheFileSchema = z.object({ version: z.literal(1), tokens: z.record(z.string(), CachedTokenSchema) });

/** What identifies a token: the same endpoint, client, scope and grant share one. */
export function tokenKey(auth: Pick<OAuth2Auth, 'tokenUrl' | 'clientId' | 'scope' | 'grant'>): string {
  return JSON.stringify([auth.tokenUrl, auth.clientId, auth.scope, auth.grant]);
}

interface Entry {
  tokens: Map<string, CachedToken>;
  file: string;
  problem?: string;
  /** false: the file could not be read or set aside, so it is not written over. */
  writable: boolean;
  writing: Promise<void>;
}

export class TokenCache {
  private readonly entries = new Map<string, Promise<Entry>>();

  constructor(
    private readonly dir: string,
    private readonly log: Log,
  ) {}

  /** The file a workspace's tokens live in (tests look at its mode). */
  fileFor(workspaceId: string | undefined): string {
    return path.join(this.dir, workspaceId === undefined ? '_none.json' : jarFileName(workspaceId));
  }

  async get(workspaceId: string | undefined, key: string): Promise<{ token?: CachedToken; problem?: string }> {
    const e = await this.entry(workspaceId);
    const token = e.tokens.get(key);
    return { ...(token ? { token } : {}), ...(e.problem ? { problem: e.problem } : {}) };
  }

  async set(workspaceId: string | undefined, key: string, token: CachedToken | undefined): Promise<boolean> {
    const e = await this.entry(workspaceId);
    const had = e.tokens.delete(key);
    if (token) e.tokens.set(key, token);
    await this.save(e);
    return had;
  }

  private entry(workspaceId: string | undefined): Promise<Entry> {
    const name = workspaceId ?? '';
    let e = this.entries.get(name);
    if (!e) {
      e = this.load(this.fileFor(workspaceId));
      this.entries.set(name, e);
    }
    return e;
  }

  private async load(file: string): Promise<Entry> {
    const read = await readDataFile(file, MAX_FILE_BYTES, decodeCache);
    const entry: Entry = { tokens: new Map(), file, writable: true, writing: Promise.resolve() };
    if ('value' in read) entry.tokens = read.value;
    else if ('unreadable' in read) {
      entry.problem = `The token cache ${file} cannot be read (${read.unreadable}); tokens got now are not saved.`;
      entry.writable = false;
    } else if ('bad' in read) {
      try {
        entry.problem = `The token cache ${file} ${read.bad}; it was kept as ${await setAside(file)} and a new cache started.`;
      } catch (err) {
        entry.problem = `The token cache ${file} ${read.bad}, and it cannot be set aside (${reason(err)}); tokens got now are not saved.`;
        entry.writable = false;
      }
    }
    if (entry.problem) this.log(`oauth: ${entry.problem}`);
    return entry;
  }

  /** One write at a time per file, each with every change made before it began. */
  private save(e: Entry): Promise<void> {
    if (!e.writable) return e.writing;
    e.writing = e.writing.then(async () => {
      const text = JSON.stringify({ version: 1, tokens: Object.fromEntries(e.tokens) }, null, 1) + '\n';
      try {
        await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(e.file, text, 0o600);
      } catch (err) {
        this.log(`oauth: cannot write ${e.file}: ${reason(err)}`);
      }
    });
    return e.writing;
  }
}

/** A token cache file's tokens, or what is wrong with it. */
function decodeCache(json: unknown): { value: Map<string, CachedToken> } | { bad: string } {
  const parsed = CacheFileSchema.safeParse(json);
  if (!parsed.success) return { bad: `is not a token cache (${issueText(parsed.error, 'file')})` };
  return { value: new Map(Object.entries(parsed.data.tokens)) };
}
