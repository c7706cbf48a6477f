// The upload side of a request: reads the body source chunk by chunk into native memory
// (which stays put while InternetWriteFile may use it) and counts what was written. With a
// chunked upload each load is one framed chunk (chunk-framing.ts), the last one empty.
import { BodyIoError, openSource, type SourceReader } from '../../engine/body-io.js';
import type { EngineErrorInfo } from '../../contract/events.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { api, koffi } from './api.js';
import { chunkedUpload, FRAME_OVERHEAD, frameChunk } from './chunk-framing.js';
import { WRITE_SIZE, type NativeBuffers } from './native-buffers.js';
import { chunkedUploadRefusal, UNDER_WINE } from './wine-quirks.js';

/** The request's upload, or why WinInet cannot send it. Throws BodyIoError (an unreadable file). */
export function openUpload(spec: RequestSpec, mem: NativeBuffers): UploadCursor | { error: EngineErrorInfo } {
  if (!spec.body) return new UploadCursor(undefined, mem);
  const chunked = chunkedUpload(spec.headers);
  const refused = chunkedUploadRefusal(UNDER_WINE, spec.method, chunked);
  if (refused) return { error: refused };
  const cursor = new UploadCursor(openSource(spec.body), mem, chunked);
  if (cursor.contentLength > 0xffffffff) {
    cursor.close();
    return { error: { code: 'BAD_REQUEST', name: 'UPLOAD_TOO_LARGE', message: 'WinInet cannot send a body of 4 GiB or more with a Content-Length' } };
  }
  return cursor;
}

export class UploadCursor {
  /** Body bytes sent (framing not counted). */
  uploaded = 0;
  private len = 0;
  private done = 0;
  /** Body bytes in the current load (its frame included in `len`). */
  private payload = 0;
  private lastChunkSent = false;
  private readonly chunk = Buffer.allocUnsafe(WRITE_SIZE);
  private readonly framed?: Buffer;

  constructor(
    private readonly source: SourceReader | undefined,
    private readonly mem: NativeBuffers,
    readonly chunked = false,
  ) {
    if (chunked) this.framed = Buffer.allocUnsafe(WRITE_SIZE);
  }

  get total(): number {
    return this.source?.total ?? 0;
  }

  /** The dwBufferTotal of HttpSendRequestEx: 0 for a chunked body (no Content-Length). */
  get contentLength(): number {
    return this.chunked ? 0 : this.total;
  }

  /** Loads the next chunk into native memory; false at the end of the body. */
  load(): boolean {
    const room = this.framed ? WRITE_SIZE - FRAME_OVERHEAD : WRITE_SIZE;
    const n = this.source ? this.source.read(this.chunk.subarray(0, room)) : 0;
    if (n === 0 && (!this.framed || this.lastChunkSent)) return false;
    if (n === 0) this.lastChunkSent = true;
    const len = this.framed ? frameChunk(this.framed, this.chunk, n) : n;
    api.CopyToNative(this.mem.forUpload(this.contentLength).buf, this.framed ?? this.chunk, len);
    this.len = len;
    this.payload = n;
    this.done = 0;
    return true;
  }

  /** What is still to be written of the current chunk. */
  rest(): { ptr: bigint; len: number; count: bigint } {
    const w = this.mem.forUpload(this.contentLength);
    return { ptr: w.buf + BigInt(this.done), len: this.len - this.done, count: w.count };
  }

  /** Accounts a completed InternetWriteFile; true once the whole chunk is written. */
  accept(): boolean {
    const written = koffi.decode(this.mem.forUpload(this.contentLength).count, 'uint32_t') as number;
    if (written === 0) {
      throw new BodyIoError({ code: 'SEND_FAILED', name: 'WRITE_STALLED', message: 'InternetWriteFile wrote no bytes' });
    }
    this.done += written;
    if (!this.framed) this.uploaded += written;
    else if (this.done >= this.len) this.uploaded += this.payload;
    return this.done >= this.len;
  }

  /** Back to the body's first byte, for a resend. */
  rewind(): void {
    this.source?.seek(0);
    this.uploaded = 0;
    this.len = 0;
    this.done = 0;
    this.lastChunkSent = false;
  }

  close(): void {
    this.source?.close();
  }
}
