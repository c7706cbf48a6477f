// The request tabs that survive a reload and a restart, in <dataDir>/session.json (never in
// a workspace: unsaved drafts are the user's, not the collection's). Saves are serialized
// and coalesced: the file always holds one whole session, the latest one given. A file that
// is not a valid session may still hold the user's drafts, so it is never written over: it
// is set aside as session.json.bad-<time>, said in the log and to the page once. Two pages
// of browser mode would overwrite each other's tabs, so the page that loaded last owns the
// session and an older page's saves are refused (it says so).
import crypto from 'node:crypto';
import path from 'node:path';
import { MAX_SESSION_BYTES, TabSessionSchema, type TabSession } from '../contract/tab-session.js';
import { writeFileAtomic } from './atomic-file.js';
import { CommandFailure, type Log } from './command-failure.js';
import { reason } from './save-target.js';
import { setAside } from './set-aside.js';
import { readDataFile } from './json-data-file.js';
import { issueText } from '../contract/zod-issue.js';

export const SESSION_FILE = 'session.json';

export interface LoadedSession {
  session?: TabSession;
  /** A malformed file was set aside: what was wrong and where it went. */
  problem?: string;
  /** What the loader's saves name. */
  owner: string;
}

export class SessionStore {
  /** Every read and write, one after another. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The latest session given and how many were given: a queued write takes the latest. */
  private latest = '';
  private given = 0;
  private written = 0;
  /** The last loader; none yet in this run (a page that outlived a restart of the core): the first saver. */
  private owner: string | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly log: Log,
  ) {}

  private get file(): string {
    return path.join(this.dataDir, SESSION_FILE);
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Resolves when no read or write is pending (the core waits for it as it closes). */
  async idle(): Promise<void> {
    await this.queue;
  }

  load(): Promise<LoadedSession> {
    const owner = crypto.randomUUID();
    this.owner = owner;
    return this.enqueue(async () => ({ ...(await this.read()), owner }));
  }

  /** Resolves once the file holds this session or a later one. */
  save(owner: string, session: TabSession): Promise<{ saved: true }> {
    this.owner ??= owner;
    if (owner !== this.owner) return Promise.reject(new CommandFailure('SESSION_TAKEN', 'a window opened later keeps the tabs now'));
    this.latest = JSON.stringify(session);
    const mine = ++this.given;
    return this.enqueue(async () => {
      if (this.written < mine) {
        const upTo = this.given;
        await writeFileAtomic(this.file, this.latest).catch((e: unknown) => {
          throw new CommandFailure('SESSION_NOT_SAVED', `cannot write ${this.file}: ${reason(e)}`);
        });
        this.written = upTo;
      }
      return { saved: true as const };
    });
  }

  private async read(): Promise<Omit<LoadedSession, 'owner'>> {
    const read = await readDataFile(this.file, MAX_SESSION_BYTES, decodeSession);
    if ('none' in read) return {};
    // Unreadable is not malformed: the page must not save over a file it could not see.
    if ('unreadable' in read) throw new CommandFailure('SESSION_UNREADABLE', `cannot read ${this.file}: ${read.unreadable}`);
    return 'bad' in read ? { problem: await this.setAside(read.bad) } : { session: read.value };
  }

  private async setAside(why: string): Promise<string> {
    let bad: string;
    try {
      bad = await setAside(this.file);
    } catch (e) {
      throw new CommandFailure('SESSION_UNREADABLE', `${this.file} ${why}, and it cannot be set aside: ${reason(e)}`);
    }
    this.log(`session: ${this.file} ${why}; set aside as ${bad}`);
    return `The saved tabs could not be restored (the file ${why}); it was kept as ${bad} in the data folder.`;
  }
}

/** The session in a file's JSON (the file is at most MAX_SESSION_BYTES), or why it is not one. */
function decodeSession(json: unknown): { value: TabSession } | { bad: string } {
  const r = TabSessionSchema.safeParse(json);
  return r.success ? { value: r.data } : { bad: `does not match the session schema at ${issueText(r.error, '(top)')}` };
}
