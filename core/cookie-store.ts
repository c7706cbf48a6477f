// The workspaces' cookie jars, persisted: <dataDir>/cookies/<workspace>.json, one per
// workspace (nothing of one is ever sent for another), readable by the user only, loaded
// on first use and written after a change, coalesced (a burst of Set-Cookie headers is one
// write) and flushed on close. A jar file that is not one may hold the user's cookies, so
// it is never written over: it is set aside as <name>.json.bad-<time> before the new jar is
// saved, and the Cookies view says so.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Cookie, CookieKey } from '../contract/cookies.js';
import { CookieJarError, WorkspaceCookieJar } from '../domain/cookies/jar.js';
import type { CookieJars, CookiePort } from '../domain/cookies/port.js';
import { writeFileAtomic } from './atomic-file.js';
import type { Log } from './command-failure.js';
import { readDataFileSync } from './json-data-file.js';
import { reason } from './save-target.js';
import { setAsideSync } from './set-aside.js';

/** Bigger than any jar a person makes (the contract bounds each cookie): a bigger file is not a jar. */
const MAX_JAR_FILE_BYTES = 64 * 1024 * 1024;
const SAVE_DELAY_MS = 100;

export interface CookieStoreOptions {
  dir: string;
  log: Log;
  /** A workspace's cookies changed (the push to an open Cookies view). */
  changed(workspaceId: string): void;
  saveDelayMs?: number;
}

interface Jar {
  jar: WorkspaceCookieJar;
  file: string;
  /** What went wrong with the file as it was, for the Cookies view. */
  problem?: string;
  /** false: the file could not be read or set aside, so it is not written over. */
  writable: boolean;
  dirty: boolean;
  timer?: NodeJS.Timeout;
  writing: Promise<void>;
}

/** A file name for any workspace id: plain ids as they are, others by their hash (never a path). */
export function jarFileName(workspaceId: string): string {
  return /^[a-z0-9]{1,64}$/.test(workspaceId) ? `${workspaceId}.json` : `h_${crypto.createHash('sha256').update(workspaceId).digest('hex').slice(0, 32)}.json`;
}

export class CookieStore implements CookieJars {
  private readonly jars = new Map<string, Jar>();
  private writes = 0;

  constructor(private readonly o: CookieStoreOptions) {}

  /** How many jar files were written so far (a burst of changes is one). */
  get writeCount(): number {
    return this.writes;
  }

  jarFor(workspaceId: string): CookiePort {
    const e = this.entry(workspaceId);
    return {
      cookieHeader: (url) => e.jar.cookieHeader(url),
      store: (url, setCookies) => {
        const outcomes = e.jar.store(url, setCookies);
        if (setCookies.length > 0) this.changed(workspaceId, e);
        return outcomes;
      },
    };
  }

  list(workspaceId: string): { cookies: Cookie[]; problem?: string } {
    const e = this.entry(workspaceId);
    return { cookies: e.jar.list(), ...(e.problem ? { problem: e.problem } : {}) };
  }

  set(workspaceId: string, cookie: Cookie, replaces?: CookieKey): { set: true } {
    const e = this.entry(workspaceId);
    if (replaces) e.jar.delete(replaces);
    e.jar.set(cookie);
    this.changed(workspaceId, e);
    return { set: true };
  }

  delete(workspaceId: string, key: CookieKey): { deleted: boolean } {
    const e = this.entry(workspaceId);
    const deleted = e.jar.delete(key);
    if (deleted) this.changed(workspaceId, e);
    return { deleted };
  }

  clear(workspaceId: string, domain?: string): { cleared: number } {
    const e = this.entry(workspaceId);
    const cleared = e.jar.clear(domain);
    if (cleared > 0) this.changed(workspaceId, e);
    return { cleared };
  }

  /** Writes every pending change (the core's close). */
  async close(): Promise<void> {
    await Promise.all([...this.jars.values()].map((e) => this.save(e)));
  }

  private entry(workspaceId: string): Jar {
    let e = this.jars.get(workspaceId);
    if (!e) {
      e = this.load(workspaceId);
      this.jars.set(workspaceId, e);
    }
    return e;
  }

  /** Synchronous: the request runner asks for a jar between two hops (a file of a few KiB). */
  private load(workspaceId: string): Jar {
    const file = path.join(this.o.dir, jarFileName(workspaceId));
    const read = readDataFileSync(file, MAX_JAR_FILE_BYTES, decodeJar);
    let problem: string | undefined;
    let writable = true;
    if ('unreadable' in read) {
      problem = `The cookie jar file ${file} cannot be read (${read.unreadable}); cookies set now are not saved.`;
      writable = false;
    } else if ('bad' in read) {
      try {
        const aside = setAsideSync(file);
        problem = `The cookie jar file ${file} ${read.bad}; it was kept as ${aside} and a new jar started.`;
      } catch (err) {
        problem = `The cookie jar file ${file} ${read.bad}, and it cannot be set aside (${reason(err)}); cookies set now are not saved.`;
        writable = false;
      }
    }
    if (problem) this.o.log(`cookies: ${problem}`);
    const jar = 'value' in read ? read.value : new WorkspaceCookieJar();
    return { jar, file, writable, dirty: false, writing: Promise.resolve(), ...(problem ? { problem } : {}) };
  }

  private changed(workspaceId: string, e: Jar): void {
    this.o.changed(workspaceId);
    if (!e.writable) return;
    e.dirty = true;
    e.timer ??= setTimeout(() => void this.save(e), this.o.saveDelayMs ?? SAVE_DELAY_MS);
    e.timer.unref();
  }

  /** One write at a time per jar, each holding every change made before it began. */
  private save(e: Jar): Promise<void> {
    clearTimeout(e.timer);
    e.timer = undefined;
    e.writing = e.writing.then(async () => {
      if (!e.dirty) return;
      e.dirty = false;
      const text = JSON.stringify(e.jar.toFile(), null, 1) + '\n';
      try {
        fs.mkdirSync(this.o.dir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(e.file, text, 0o600);
        this.writes++;
      } catch (err) {
        // Kept for the next change or the close to try again.
        e.dirty = true;
        this.o.log(`cookies: cannot write ${e.file}: ${reason(err)}`);
      }
    });
    return e.writing;
  }
}

/** A jar file's cookies, or what is wrong with it. */
function decodeJar(json: unknown): { value: WorkspaceCookieJar } | { bad: string } {
  try {
    return { value: WorkspaceCookieJar.fromFile(json) };
  } catch (err) {
    if (err instanceof CookieJarError) return { bad: `is not a cookie jar: ${err.message}` };
    throw err;
  }
}
