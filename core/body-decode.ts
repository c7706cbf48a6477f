// Undoing a Content-Encoding as a chain of streams, so a body of any size decodes in
// bounded memory (file → file in the body store, the growing sink → stdout in the CLI).
// A corrupt coding fails naming the coding and how far into its input it got; the
// decoded size has a bound (a decompression bomb stops there, with that said).
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Decompress } from 'fzstd';
import type { Coding } from '../domain/content-coding.js';

export class DecodeError extends Error {
  constructor(
    readonly coding: Coding | 'limit',
    message: string,
  ) {
    super(message);
  }
}

/** Feeds its input to a decoder picked from the first bytes (deflate: zlib-wrapped or raw). */
class Deflate extends Transform {
  private inner?: Transform;
  private head = Buffer.alloc(0);
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.inner) return void this.inner.write(chunk, cb);
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < 2) return cb();
    // RFC 1950 header: CM 8 and the check bits; servers that send raw deflate (RFC 1951)
    // for "deflate" are accepted as curl and browsers accept them.
    const [cmf, flg] = [this.head[0] as number, this.head[1] as number];
    const wrapped = (cmf & 0x0f) === 8 && (cmf * 256 + flg) % 31 === 0;
    this.inner = wrapped ? zlib.createInflate() : zlib.createInflateRaw();
    this.inner.on('data', (d: Buffer) => this.push(d));
    this.inner.on('error', (e) => this.destroy(e));
    this.inner.write(this.head, cb);
  }
  override _flush(cb: TransformCallback): void {
    if (!this.inner) return cb(this.head.length ? new Error('unexpected end of file') : null);
    this.inner.once('end', () => cb());
    this.inner.end();
  }
}

/** fzstd's streaming decompressor as a Transform (Node 20's zlib has no zstd). */
class Zstd extends Transform {
  private readonly z = new Decompress((data) => this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
  private seen = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length;
    try {
      this.z.push(chunk);
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }
  override _flush(cb: TransformCallback): void {
    try {
      if (this.seen === 0) throw new Error('unexpected end of file');
      this.z.push(new Uint8Array(0), true);
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }
}

function decoderOf(coding: Coding): Transform {
  if (coding === 'gzip') return zlib.createGunzip();
  if (coding === 'br') return zlib.createBrotliDecompress();
  if (coding === 'zstd') return new Zstd();
  return new Deflate();
}

/** The decoders of a chain, and the first failure among them named by its coding. */
export interface DecodeChain {
  streams: Transform[];
  /** The error to report for a failed pipeline: the named coding's, the bound's, or the cause itself. */
  failure(cause: unknown): unknown;
}

/** Counts what enters a decoder, so its failure can say how far into its input it got. */
function counted(coding: Coding, decoder: Transform, failures: DecodeError[]): Transform[] {
  let seen = 0;
  const count = new Transform({
    transform(chunk: Buffer, _e, cb) {
      seen += chunk.length;
      cb(null, chunk);
    },
  });
  decoder.once('error', (e) => failures.push(new DecodeError(coding, `the ${coding} coding is corrupt (${e.message}), within its first ${seen} bytes`)));
  return [count, decoder];
}

/** Stops the chain once the decoded bytes pass the limit. */
function bounded(limitBytes: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _e, cb) {
      total += chunk.length;
      if (total > limitBytes) return cb(new DecodeError('limit', `the decoded body passes the limit of ${limitBytes} bytes (a decompression bomb, or larger than the body store holds): decoding stopped there`));
      cb(null, chunk);
    },
  });
}

/** The streams that undo `applied` (the header's order), last coding first, then the size bound. */
export function decodeChain(applied: Coding[], limitBytes: number): DecodeChain {
  const failures: DecodeError[] = [];
  const streams = [...[...applied].reverse().flatMap((c) => counted(c, decoderOf(c), failures)), bounded(limitBytes)];
  return { streams, failure: (cause) => (cause instanceof DecodeError ? cause : (failures[0] ?? cause)) };
}

/** Decodes `source` into `target`; the decoded size on success. A failure leaves no target. */
export async function decodeFile(source: string, target: string, applied: Coding[], limitBytes: number): Promise<number> {
  const chain = decodeChain(applied, limitBytes);
  try {
    await pipeline([fs.createReadStream(source), ...chain.streams, fs.createWriteStream(target)]);
    return fs.statSync(target).size;
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw chain.failure(e);
  }
}
