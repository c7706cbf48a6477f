// Files to upload. The UI only ever holds a random token, never a path, so a compromised
// renderer cannot make the core read arbitrary files. Two sources: a file the user picked
// in a native dialog (Electron), and a file whose bytes the page sent in chunks (browser
// mode, where a page can neither name a path nor open a dialog) staged under
// <dataDir>/uploads/<token>. Staged files are the core's own copies: removed after the
// request that used them, and at close. A page must not be able to pin resources without
// bound, so staging is capped (open uploads at once, bytes declared in all), an open upload
// that goes quiet expires, and one whose page disconnected is dropped (abandon).
import crypto from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_CHUNK_BYTES, MAX_UPLOAD_BYTES } from '../contract/api.js';
import { CommandFailure, type AppHooks } from './command-failure.js';
import { regularFileSize } from './regular-file.js';

type PickResult = { picked: true; fileToken: string; name: string; size: number } | { picked: false };

export interface UploadLimits {
  /** Unfinished uploads at once (each holds a file descriptor). */
  maxOpen: number;
  /** Bytes declared by all staged uploads, finished or not, until they are released. */
  maxStagedBytes: number;
  /** An unfinished upload with no chunk for this long is dropped. */
  idleMs: number;
}

const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxOpen: 8, maxStagedBytes: MAX_UPLOAD_BYTES, idleMs: 10 * 60 * 1000 };

/** Expired tokens remembered (for a clear error), oldest forgotten first. */
const EXPIRED_KEPT = 256;

interface Staged {
  file: string;
  size: number;
  /** Drops the upload when it goes quiet; refreshed by each chunk; cleared once finished. */
  timer: NodeJS.Timeout | undefined;
  /** Chunks being written: an upload is not expired under a write. */
  busy: number;
  /** Bytes accepted so far (reserved before they are written, so chunks stay in order). */
  received: number;
  handle: FileHandle | undefined;
  /** The writes in flight; endUpload waits for them. */
  writes: Promise<unknown>;
  failed: boolean;
  done: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class Uploads {
  private readonly paths = new Map<string, string>();
  private readonly staged = new Map<string, Staged>();
  private readonly expired = new Set<string>();
  private readonly limits: UploadLimits;
  private beginning: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly hooks: AppHooks,
    private readonly dir: string,
    limits: Partial<UploadLimits> = {},
  ) {
    this.limits = { ...DEFAULT_UPLOAD_LIMITS, ...limits };
  }

  /** A previous run that did not close cleanly may have left staged files. */
  async init(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
    await fs.mkdir(this.dir, { recursive: true });
  }

  async pick(): Promise<PickResult> {
    const file = await this.hooks.chooseUploadFile();
    if (file === undefined) return { picked: false };
    const size = await regularFileSize(file, 'UPLOAD_UNREADABLE', `cannot upload ${file}`);
    const fileToken = newToken();
    this.paths.set(fileToken, file);
    return { picked: true, fileToken, name: path.basename(file), size };
  }

  /** One begin at a time: concurrent calls must not all pass the checks before any is counted. */
  begin(size: number): Promise<{ fileToken: string }> {
    const run = this.beginning.then(() => this.beginOne(size));
    this.beginning = run.catch(() => {});
    return run;
  }

  private async beginOne(size: number): Promise<{ fileToken: string }> {
    const all = [...this.staged.values()];
    const open = all.filter((s) => !s.done).length;
    if (open >= this.limits.maxOpen) {
      throw new CommandFailure('UPLOAD_LIMIT', `${open} uploads are unfinished already (at most ${this.limits.maxOpen} at once): finish them or reload the page`);
    }
    const declared = all.reduce((n, s) => n + s.size, 0);
    if (declared + size > this.limits.maxStagedBytes) {
      throw new CommandFailure('UPLOAD_LIMIT', `staging ${size} more bytes would pass the limit of ${this.limits.maxStagedBytes} bytes staged at once (${declared} are)`);
    }
    // Declared bytes not yet written are promised disk: no more of them than is free.
    const unwritten = all.reduce((n, s) => n + s.size - s.received, 0);
    const { bavail, bsize } = await fs.statfs(this.dir);
    if (unwritten + size > bavail * bsize) {
      throw new CommandFailure('UPLOAD_LIMIT', `staging ${size} more bytes would need more than the ${bavail * bsize} bytes free on the disk of ${this.dir}`);
    }
    const fileToken = newToken();
    const file = path.join(this.dir, fileToken);
    const handle = await fs.open(file, 'wx');
    const s: Staged = { file, size, timer: undefined, busy: 0, received: 0, handle, writes: Promise.resolve(), failed: false, done: false };
    s.timer = setTimeout(() => this.expire(fileToken, s), this.limits.idleMs).unref();
    this.staged.set(fileToken, s);
    return { fileToken };
  }

  /** The page that began these uploads is gone: the unfinished ones go (finished ones stay usable). */
  async abandon(tokens: Iterable<string>): Promise<void> {
    await this.release([...tokens].filter((t) => this.staged.get(t)?.done === false));
  }

  async chunk(token: string, offset: number, base64: string): Promise<{ received: number }> {
    const s = this.open(token);
    if (!BASE64.test(base64) || base64.length % 4 !== 0) throw new CommandFailure('UPLOAD_BAD_CHUNK', 'the chunk is not valid base64');
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > MAX_CHUNK_BYTES) throw new CommandFailure('UPLOAD_BAD_CHUNK', `a chunk holds at most ${MAX_CHUNK_BYTES} bytes`);
    if (offset !== s.received) throw new CommandFailure('UPLOAD_BAD_OFFSET', `chunk at offset ${offset}, but ${s.received} bytes were received: send chunks in order`);
    if (s.received + bytes.length > s.size) throw new CommandFailure('UPLOAD_TOO_LARGE', `the chunk ends at ${s.received + bytes.length}, past the declared size ${s.size}`);
    s.received += bytes.length;
    s.timer?.refresh();
    s.busy++;
    const write = s.writes.then(() => s.handle!.write(bytes, 0, bytes.length, offset));
    s.writes = write.catch(() => {});
    try {
      await write;
    } catch (e) {
      s.failed = true;
      throw new CommandFailure('UPLOAD_FAILED', `writing the upload failed: ${(e as Error).message}`);
    } finally {
      s.busy--;
    }
    return { received: s.received };
  }

  async end(token: string): Promise<{ size: number }> {
    const s = this.open(token);
    s.busy++;
    await s.writes.finally(() => s.busy--);
    if (s.failed) throw new CommandFailure('UPLOAD_FAILED', 'a chunk of this upload failed to write; upload the file again');
    if (s.received !== s.size) throw new CommandFailure('UPLOAD_INCOMPLETE', `received ${s.received} of ${s.size} bytes`);
    clearTimeout(s.timer);
    await this.closeHandle(s);
    s.done = true;
    return { size: s.size };
  }

  /** A file of the core's own offered as an upload source (a caught body), under a token like a picked file's. */
  offer(file: string): string {
    const fileToken = newToken();
    this.paths.set(fileToken, file);
    return fileToken;
  }

  /** The file a token stands for; an unfinished upload cannot be sent. */
  pathFor(token: string): string {
    const file = this.paths.get(token);
    if (file !== undefined) return file;
    const s = this.staged.get(token);
    if (s && !s.done) throw new CommandFailure('UPLOAD_INCOMPLETE', `the upload ${token} was not finished (endUpload)`);
    if (s) return s.file;
    if (this.expired.has(token)) throw new CommandFailure('UPLOAD_EXPIRED', `the upload ${token} was not finished in time and was dropped; upload the file again`);
    throw new CommandFailure('UNKNOWN_FILE_TOKEN', `no picked file for token ${JSON.stringify(token)}; pick the file again`);
  }

  /** After a request: staged copies go; picked files (the user's own) stay usable. */
  async release(tokens: Iterable<string>): Promise<void> {
    for (const token of tokens) {
      const s = this.staged.get(token);
      if (!s) continue;
      this.staged.delete(token);
      clearTimeout(s.timer);
      await this.closeHandle(s);
      await fs.rm(s.file, { force: true });
    }
  }

  /** A temp file in the uploads folder (multipart bodies); removed with the folder at close. */
  tempPath(): string {
    return path.join(this.dir, `tmp-${newToken()}`);
  }

  async close(): Promise<void> {
    await this.release([...this.staged.keys()]);
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  /** Quiet for idleMs: its descriptor and file go, its token answers UPLOAD_EXPIRED. */
  private expire(token: string, s: Staged): void {
    if (this.staged.get(token) !== s || s.done) return;
    if (s.busy > 0) return void s.timer?.refresh();
    this.expired.add(token);
    if (this.expired.size > EXPIRED_KEPT) this.expired.delete(this.expired.values().next().value as string);
    void this.release([token]);
  }

  private open(token: string): Staged {
    const s = this.staged.get(token);
    if (!s && this.expired.has(token)) throw new CommandFailure('UPLOAD_EXPIRED', `the upload ${token} got no chunk for ${this.limits.idleMs} ms and was dropped; upload the file again`);
    if (!s) throw new CommandFailure('UNKNOWN_FILE_TOKEN', `no upload for token ${JSON.stringify(token)}`);
    if (s.done) throw new CommandFailure('UPLOAD_FINISHED', `the upload ${token} is already finished`);
    return s;
  }

  private async closeHandle(s: Staged): Promise<void> {
    const h = s.handle;
    s.handle = undefined;
    await h?.close().catch(() => {});
  }
}

function newToken(): string {
  return crypto.randomBytes(16).toString('hex');
}
