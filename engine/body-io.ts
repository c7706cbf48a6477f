// Where response bodies go (sinks) and where upload bodies come from (sources), for
// every engine. Errors carry the stable code and a message that names the file.
import fs from 'node:fs';
import type { EngineErrorInfo } from '../contract/events.js';
import type { BodySink, BodySource } from './request-spec.js';

export class BodyIoError extends Error {
  constructor(readonly info: EngineErrorInfo) {
    super(info.message);
  }
}

function describeFsError(e: unknown): { name: string; text: string } {
  const err = e as NodeJS.ErrnoException;
  const code = err.code ?? 'EIO';
  const text: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOSPC: 'no space left on the device (disk full)',
    EDQUOT: 'disk quota exceeded',
    EISDIR: 'is a directory',
    ENOTDIR: 'a parent of the path is not a directory',
    EROFS: 'read-only file system',
  };
  return { name: code, text: text[code] ?? err.message };
}

function writeError(path: string, e: unknown): BodyIoError {
  const { name, text } = describeFsError(e);
  return new BodyIoError({ code: 'BODY_WRITE_FAILED', name, message: `cannot write the body to ${path}: ${text}` });
}

function readError(path: string, e: unknown): BodyIoError {
  const { name, text } = describeFsError(e);
  return new BodyIoError({ code: 'UPLOAD_READ_FAILED', name, message: `cannot read the upload file ${path}: ${text}` });
}

export interface SinkWriter {
  /** Throws BodyIoError. */
  write(chunk: Uint8Array): void;
  /** Flushes to stable storage; returns the memory body if any. Throws BodyIoError. */
  finish(): { bodyBase64?: string };
  /** Drops what was written (a failed request leaves nothing half-done). */
  abort(): void;
}

/** Writes are gathered into 1 MiB before they reach the file: far fewer system calls. */
const FILE_BATCH = 1024 * 1024;

class FileSink implements SinkWriter {
  private fd: number;
  private regular = false;
  private batch = Buffer.allocUnsafe(FILE_BATCH);
  private batched = 0;
  constructor(
    private readonly path: string,
    private readonly keepPartial = false,
  ) {
    try {
      this.fd = fs.openSync(path, 'w');
      this.regular = fs.fstatSync(this.fd).isFile();
    } catch (e) {
      throw writeError(path, e);
    }
  }
  write(chunk: Uint8Array): void {
    if (this.batched + chunk.length > FILE_BATCH) this.flush();
    if (chunk.length >= FILE_BATCH) return this.writeOut(chunk);
    this.batch.set(chunk, this.batched);
    this.batched += chunk.length;
  }
  private flush(): void {
    if (this.batched === 0) return;
    const n = this.batched;
    this.batched = 0;
    this.writeOut(this.batch.subarray(0, n));
  }
  private writeOut(data: Uint8Array): void {
    try {
      let off = 0;
      while (off < data.length) off += fs.writeSync(this.fd, data, off, data.length - off);
    } catch (e) {
      throw writeError(this.path, e);
    }
  }
  finish(): { bodyBase64?: string } {
    this.flush();
    try {
      if (this.regular) fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
      this.fd = -1;
    } catch (e) {
      throw writeError(this.path, e);
    }
    return {};
  }
  /**
   * A failed request leaves no half-written file (devices and FIFOs are left alone). The
   * batch is written out first: a reader that holds the file open (the CLI streaming to
   * stdout) still gets the bytes that arrived before the failure. With keepPartial (the
   * app's body store) those bytes stay in the file: a cancelled request shows what arrived.
   */
  abort(): void {
    if (this.fd >= 0) {
      try {
        this.flush();
      } catch {
        /* already failing */
      }
      try {
        fs.closeSync(this.fd);
      } catch {
        /* already failing */
      }
      this.fd = -1;
    }
    if (this.regular && !this.keepPartial) fs.rmSync(this.path, { force: true });
  }
}

class MemorySink implements SinkWriter {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly cap: number) {}
  write(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > this.cap) {
      throw new BodyIoError({
        code: 'BODY_CAP_EXCEEDED',
        name: 'BODY_CAP_EXCEEDED',
        message: `the response body is larger than the in-memory limit of ${this.cap} bytes; save it to a file instead`,
      });
    }
    this.chunks.push(Buffer.from(chunk));
  }
  finish(): { bodyBase64?: string } {
    return { bodyBase64: Buffer.concat(this.chunks).toString('base64') };
  }
  abort(): void {
    this.chunks = [];
  }
}

const discard: SinkWriter = { write() {}, finish: () => ({}), abort() {} };

export function openSink(spec: BodySink): SinkWriter {
  if (spec.kind === 'file') return new FileSink(spec.path, spec.keepPartial);
  if (spec.kind === 'memory') return new MemorySink(spec.cap);
  return discard;
}

export interface SourceReader {
  readonly total: number;
  /** Fills buf from the start; 0 at the end. Throws BodyIoError. */
  read(buf: Buffer): number;
  /** Reads on from this byte offset (a redirect that re-sends the body rewinds to 0). */
  seek(offset: number): void;
  close(): void;
}

export function openSource(spec: BodySource): SourceReader {
  if (spec.kind === 'memory') {
    const data = Buffer.from(spec.base64, 'base64');
    let off = 0;
    return {
      total: data.length,
      read(buf) {
        const n = data.copy(buf, 0, off);
        off += n;
        return n;
      },
      seek(offset) {
        off = Math.min(offset, data.length);
      },
      close() {},
    };
  }
  const path = spec.path;
  let fd: number;
  let total: number;
  try {
    fd = fs.openSync(path, 'r');
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      fs.closeSync(fd);
      throw Object.assign(new Error('not a regular file'), { code: st.isDirectory() ? 'EISDIR' : 'EINVAL' });
    }
    total = st.size;
  } catch (e) {
    throw readError(path, e);
  }
  let pos = 0;
  return {
    total,
    read(buf) {
      try {
        const n = fs.readSync(fd, buf, 0, buf.length, pos);
        pos += n;
        return n;
      } catch (e) {
        throw readError(path, e);
      }
    },
    seek(offset) {
      pos = offset;
    },
    close() {
      try {
        fs.closeSync(fd);
      } catch {
        /* closing twice is harmless here */
      }
    },
  };
}
