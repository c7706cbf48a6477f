// Files to upload. The UI only ever holds a random token, never a path, so a compromised
// renderer cannot make the core read arbitrary files. Two sources: a file the user picked
// in a native dialog (Electron), and a file whose bytes the page sent in chunks (browser
// mode, where a page can neither name a path nor open a dialog) staged under
// <dataDir>/uploads/<token>. Staged files are the core's own copies: removed after the
// request that used them, and at close.
import crypto from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_CHUNK_BYTES } from '../contract/api.js';
import { CommandFailure, type AppHooks } from './command-failure.js';
import { regularFileSize } from './regular-file.js';

export type PickResult = { picked: true; fileToken: string; name: string; size: number } | { picked: false };

interface Staged {
  file: string;
  size: number;
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

  constructor(
    private readonly hooks: AppHooks,
    private readonly dir: string,
  ) {}

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

  async begin(size: number): Promise<{ fileToken: string }> {
    const fileToken = newToken();
    const file = path.join(this.dir, fileToken);
    const handle = await fs.open(file, 'wx');
    this.staged.set(fileToken, { file, size, received: 0, handle, writes: Promise.resolve(), failed: false, done: false });
    return { fileToken };
  }

  async chunk(token: string, offset: number, base64: string): Promise<{ received: number }> {
    const s = this.open(token);
    if (!BASE64.test(base64) || base64.length % 4 !== 0) throw new CommandFailure('UPLOAD_BAD_CHUNK', 'the chunk is not valid base64');
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > MAX_CHUNK_BYTES) throw new CommandFailure('UPLOAD_BAD_CHUNK', `a chunk holds at most ${MAX_CHUNK_BYTES} bytes`);
    if (offset !== s.received) throw new CommandFailure('UPLOAD_BAD_OFFSET', `chunk at offset ${offset}, but ${s.received} bytes were received: send chunks in order`);
    if (s.received + bytes.length > s.size) throw new CommandFailure('UPLOAD_TOO_LARGE', `the chunk ends at ${s.received + bytes.length}, past the declared size ${s.size}`);
    s.received += bytes.length;
    const write = s.writes.then(() => s.handle!.write(bytes, 0, bytes.length, offset));
    s.writes = write.catch(() => {});
    try {
      await write;
    } catch (e) {
      s.failed = true;
      throw new CommandFailure('UPLOAD_FAILED', `writing the upload failed: ${(e as Error).message}`);
    }
    return { received: s.received };
  }

  async end(token: string): Promise<{ size: number }> {
    const s = this.open(token);
    await s.writes;
    if (s.failed) throw new CommandFailure('UPLOAD_FAILED', 'a chunk of this upload failed to write; upload the file again');
    if (s.received !== s.size) throw new CommandFailure('UPLOAD_INCOMPLETE', `received ${s.received} of ${s.size} bytes`);
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
    throw new CommandFailure('UNKNOWN_FILE_TOKEN', `no picked file for token ${JSON.stringify(token)}; pick the file again`);
  }

  /** After a request: staged copies go; picked files (the user's own) stay usable. */
  async release(tokens: Iterable<string>): Promise<void> {
    for (const token of tokens) {
      const s = this.staged.get(token);
      if (!s) continue;
      this.staged.delete(token);
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

  private open(token: string): Staged {
    const s = this.staged.get(token);
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
