// Where the CLI puts the response body. Bodies never cross the host pipe: the host
// writes a file, and for stdout the CLI streams that file out as the byte counts grow.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { prepareSaveTarget, type SaveTarget } from '../core/save-target.js';
import type { Coding } from '../domain/content-coding.js';
import { codingsToUndo, decodeToFile, decodingWriter, DecodingError, EXIT_BAD_CONTENT_ENCODING } from './body-decoding.js';

/** Writing the body out failed: a closed pipe, a full disk (curl's exit 23), a body --compressed cannot decode (61). */
export class BodyOutputError extends Error {
  constructor(
    message: string,
    readonly exitCode = 23,
  ) {
    super(message);
  }
}

type OutputEnd = 'complete' | 'partial' | 'discard';

export interface BodyOutput {
  /** The file the engine host writes. */
  readonly sinkPath: string;
  /** More body bytes exist in the sink file (total so far). */
  progress(totalBytes: number): void;
  /** Headers to print before the body (-i). */
  writeHeaders(raw: string): void;
  /** --compressed: the final response's Content-Encoding, undone on the way out. */
  decode(contentEncoding: string | undefined): void;
  /**
   * Ends the output: 'complete' keeps it all; 'partial' (the engine failed mid-way) writes
   * what arrived to stdout, as curl does, but leaves no -o file; 'discard' writes no more.
   */
  finish(end: OutputEnd, totalBytes: number): Promise<void>;
}

function writeAll(stream: NodeJS.WritableStream, data: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * Streams the sink file to stdout while it grows, then deletes it. The CLI creates and
 * opens the file before the request starts: a host that fails the request deletes its
 * sink, and the bytes that arrived must still be readable through this descriptor.
 */
class StdoutOutput implements BodyOutput {
  readonly sinkPath = tempBodyPath();
  private sent = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly fd: number;
  private error?: BodyOutputError;
  private applied: Coding[] = [];
  private decoder?: { input: Writable; done: Promise<void> };

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly onError: (e: BodyOutputError) => void,
  ) {
    this.fd = fs.openSync(this.sinkPath, 'wx+', 0o600);
    out.on('error', (e: Error) => this.fail(e));
  }

  private fail(e: unknown): void {
    if (this.error) return;
    const code = (e as NodeJS.ErrnoException).code;
    this.error =
      e instanceof DecodingError
        ? new BodyOutputError(e.message, EXIT_BAD_CONTENT_ENCODING)
        : new BodyOutputError(`cannot write the body to stdout: ${code === 'EPIPE' ? 'the reader went away (broken pipe)' : (e as Error).message}`);
    this.onError(this.error);
  }

  decode(contentEncoding: string | undefined): void {
    try {
      this.applied = codingsToUndo(contentEncoding);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Body bytes go to stdout, or through the decoder (made at the first byte) when there is a coding. */
  private async write(chunk: Buffer): Promise<void> {
    if (this.applied.length === 0) return writeAll(this.out, chunk);
    this.decoder ??= decodingWriter(this.applied, this.out);
    const d = this.decoder;
    // A decoder that failed closes its input: its own named error is the one to report.
    await writeAll(d.input, chunk).catch(async (e: unknown) => {
      await d.done;
      throw e;
    });
  }

  private queue(work: () => Promise<void>): void {
    this.chain = this.chain.then(() => (this.error ? undefined : work())).catch((e) => this.fail(e));
  }

  progress(total: number): void {
    this.queue(() => this.pump(total));
  }

  /** The head is one char per byte as received (latin1): written back as those bytes. */
  writeHeaders(raw: string): void {
    this.queue(() => writeAll(this.out, Buffer.from(raw, 'latin1')));
  }

  private async pump(total: number): Promise<void> {
    if (total <= this.sent) return;
    const buf = Buffer.allocUnsafe(1 << 20);
    while (this.sent < total) {
      const n = fs.readSync(this.fd, buf, 0, Math.min(buf.length, total - this.sent), this.sent);
      if (n === 0) break;
      this.sent += n;
      await this.write(buf.subarray(0, n));
    }
  }

  async finish(end: OutputEnd, total: number): Promise<void> {
    if (end !== 'discard') this.progress(total);
    try {
      await this.chain;
      if (this.decoder && !this.error) {
        this.decoder.input.end();
        // A transfer that failed mid-way reports its own error; its cut-off coding is no news.
        await this.decoder.done.catch((e: unknown) => (end === 'complete' ? this.fail(e) : undefined));
      }
    } finally {
      fs.closeSync(this.fd);
      fs.rmSync(this.sinkPath, { force: true });
    }
    if (this.error) throw this.error;
  }
}

/**
 * -o FILE: temp file beside the target, renamed into place only on success. With -i the
 * head goes first in the file (as curl writes it): the body then arrives in a file of
 * its own and is appended to the head when the exchange is complete.
 */
class FileOutput implements BodyOutput {
  private target: SaveTarget;
  private heads = '';
  private applied?: Coding[];
  private refused?: DecodingError;
  private readonly bodyPath?: string;
  /** With -i or --compressed the engine writes a file of its own, assembled into the target at the end. */
  constructor(file: string, withHeaders: boolean, compressed: boolean) {
    this.target = prepareSaveTarget(file);
    if (withHeaders || compressed) this.bodyPath = tempBodyPath();
  }
  get sinkPath(): string {
    return this.bodyPath ?? this.target.writePath;
  }
  progress(): void {}
  writeHeaders(raw: string): void {
    this.heads += raw;
  }
  decode(contentEncoding: string | undefined): void {
    try {
      this.applied = codingsToUndo(contentEncoding);
    } catch (e) {
      this.refused = e as DecodingError;
    }
  }
  async finish(end: OutputEnd): Promise<void> {
    try {
      if (end === 'complete' && this.refused) throw new BodyOutputError(this.refused.message, EXIT_BAD_CONTENT_ENCODING);
      if (end === 'complete' && this.bodyPath) await this.assemble(this.bodyPath);
      if (end === 'complete') this.target.commit();
      else this.target.abort();
    } catch (e) {
      this.target.abort();
      if (e instanceof BodyOutputError) throw e;
      if (e instanceof DecodingError) throw new BodyOutputError(e.message, EXIT_BAD_CONTENT_ENCODING);
      throw new BodyOutputError(`cannot write to ${this.target.target}: ${(e as Error).message}`);
    } finally {
      if (this.bodyPath) fs.rmSync(this.bodyPath, { force: true });
    }
  }
  /** The head (-i) and the body, decoded when there is a coding, into the target's temp file. */
  private async assemble(bodyPath: string): Promise<void> {
    if (!this.applied?.length) return writeHeadAndBody(this.target.writePath, this.heads, bodyPath);
    const decoded = `${bodyPath}.decoded`;
    try {
      await decodeToFile(bodyPath, decoded, this.applied);
      writeHeadAndBody(this.target.writePath, this.heads, decoded);
    } finally {
      fs.rmSync(decoded, { force: true });
    }
  }
}

const tempBodyPath = (): string => path.join(os.tmpdir(), `inetscope-body-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);

function writeHeadAndBody(file: string, head: string, bodyPath: string): void {
  const out = fs.openSync(file, 'w');
  try {
    fs.writeSync(out, Buffer.from(head, 'latin1'));
    // The engine writes no file for a response without a body (HEAD, 204).
    if (fs.existsSync(bodyPath)) {
      const src = fs.openSync(bodyPath, 'r');
      try {
        const buf = Buffer.allocUnsafe(1 << 20);
        for (let n; (n = fs.readSync(src, buf, 0, buf.length, null)) > 0; ) fs.writeSync(out, buf, 0, n);
      } finally {
        fs.closeSync(src);
      }
    }
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(out);
  }
}

export function openBodyOutput(
  output: string | undefined,
  withHeaders: boolean,
  compressed: boolean,
  stdout: NodeJS.WritableStream,
  onError: (e: BodyOutputError) => void,
): BodyOutput {
  return output === undefined || output === '-' ? new StdoutOutput(stdout, onError) : new FileOutput(output, withHeaders, compressed);
}
