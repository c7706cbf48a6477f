// The upload side of a request: reads the body source chunk by chunk into native memory
// (which stays put while InternetWriteFile may use it) and counts what was written.
import { BodyIoError, type SourceReader } from '../body-io.js';
import { api, koffi } from './api.js';
import { WRITE_SIZE, type NativeBuffers } from './native-buffers.js';

export class UploadCursor {
  uploaded = 0;
  private len = 0;
  private done = 0;
  private readonly chunk = Buffer.allocUnsafe(WRITE_SIZE);

  constructor(
    private readonly source: SourceReader | undefined,
    private readonly mem: NativeBuffers,
  ) {}

  get total(): number {
    return this.source?.total ?? 0;
  }

  /** Loads the next chunk into native memory; false at the end of the body. */
  load(): boolean {
    const n = this.source ? this.source.read(this.chunk) : 0;
    if (n === 0) return false;
    api.CopyToNative(this.mem.forUpload(this.total).buf, this.chunk, n);
    this.len = n;
    this.done = 0;
    return true;
  }

  /** What is still to be written of the current chunk. */
  rest(): { ptr: bigint; len: number; count: bigint } {
    const w = this.mem.forUpload(this.total);
    return { ptr: w.buf + BigInt(this.done), len: this.len - this.done, count: w.count };
  }

  /** Accounts a completed InternetWriteFile; true once the whole chunk is written. */
  accept(): boolean {
    const written = koffi.decode(this.mem.forUpload(this.total).count, 'uint32_t') as number;
    if (written === 0) {
      throw new BodyIoError({ code: 'SEND_FAILED', name: 'WRITE_STALLED', message: 'InternetWriteFile wrote no bytes' });
    }
    this.done += written;
    this.uploaded += written;
    return this.done >= this.len;
  }

  close(): void {
    this.source?.close();
  }
}
