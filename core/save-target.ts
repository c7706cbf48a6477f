// Writing a response to a user's path so that it is complete or not there at all: the
// bytes go to a temp file beside the target, which is fsynced and renamed on success.
// A target that exists and is not a regular file (/dev/null, a FIFO) is written directly.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class SaveTargetError extends Error {}

export interface SaveTarget {
  /** Where the bytes are to be written. */
  readonly writePath: string;
  readonly target: string;
  readonly direct: boolean;
  /** Moves the finished file into place (the writer has already fsynced it). */
  commit(): void;
  /** Removes what was written; the target is left as it was. */
  abort(): void;
}

/** A short human reason for a file-system error (shared with saving stored bodies). */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const text: Record<string, string> = {
    ENOENT: 'the directory does not exist',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device (disk full)',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a parent of the path is not a directory',
  };
  return (code && text[code]) ?? (e instanceof Error ? e.message : String(e));
}

/** `mode`: the new file's permissions (default: the target's, else 0644). */
export function prepareSaveTarget(target: string, mode?: number): SaveTarget {
  const abs = path.resolve(target);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new SaveTargetError(`cannot write to ${target}: ${reason(e)}`, { cause: e });
  }
  if (st?.isDirectory()) throw new SaveTargetError(`cannot write to ${target}: it is a directory`);
  if (st && !st.isFile()) {
    return { writePath: abs, target: abs, direct: true, commit() {}, abort() {} };
  }
  const dir = path.dirname(abs);
  const temp = path.join(dir, `.${path.basename(abs)}.inetscope-${crypto.randomBytes(6).toString('hex')}.part`);
  try {
    // Created now so an unwritable place fails before any request is sent.
    fs.closeSync(fs.openSync(temp, 'wx', mode ?? (st ? st.mode & 0o777 : 0o644)));
  } catch (e) {
    throw new SaveTargetError(`cannot write to ${target}: ${reason(e)}`, { cause: e });
  }
  let done = false;
  return {
    writePath: temp,
    target: abs,
    direct: false,
    commit() {
      if (done) return;
      done = true;
      try {
        fs.renameSync(temp, abs);
      } catch (e) {
        fs.rmSync(temp, { force: true });
        throw new SaveTargetError(`cannot move the download into ${target}: ${reason(e)}`, { cause: e });
      }
      try {
        const fd = fs.openSync(dir, 'r');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
      } catch {
        // Some file systems refuse fsync on directories; the rename itself has happened.
      }
    },
    abort() {
      if (done) return;
      done = true;
      fs.rmSync(temp, { force: true });
    },
  };
}
