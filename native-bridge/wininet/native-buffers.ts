// Memory WinInet may touch after a call returns (seed 000): allocated with koffi.alloc,
// never moved by the GC, freed only after the request handle's HANDLE_CLOSING.
import { INTERNET_BUFFERSW, koffi } from './api.js';

export const READ_SIZE = 256 * 1024;
export const WRITE_SIZE = 64 * 1024;
/** JS-side copy of a completed read, shared by all requests: consume() hands it to the body sink synchronously. */
export const readScratch = Buffer.allocUnsafe(READ_SIZE);

export class NativeBuffers {
  readonly readBuf = koffi.alloc('uint8_t', READ_SIZE) as bigint;
  readonly readCount = koffi.alloc('uint32_t', 1) as bigint;
  readonly available = koffi.alloc('uint32_t', 1) as bigint;
  private write?: { buf: bigint; count: bigint; buffersIn: bigint };
  private freed = false;
  /** Off-thread calls still using this memory (upload-steps.ts): free() waits for them. */
  private busy = 0;
  private freeWanted = false;

  /** Upload memory, made only for requests with a body. */
  forUpload(total: number): { buf: bigint; count: bigint; buffersIn: bigint } {
    if (!this.write) {
      const buffersIn = koffi.alloc(INTERNET_BUFFERSW, 1) as bigint;
      koffi.encode(buffersIn, INTERNET_BUFFERSW, {
        dwStructSize: koffi.sizeof(INTERNET_BUFFERSW),
        Next: null,
        lpcszHeader: null,
        dwHeadersLength: 0,
        dwHeadersTotal: 0,
        lpvBuffer: null,
        dwBufferLength: 0,
        dwBufferTotal: total,
        dwOffsetLow: 0,
        dwOffsetHigh: 0,
      });
      this.write = {
        buf: koffi.alloc('uint8_t', WRITE_SIZE) as bigint,
        count: koffi.alloc('uint32_t', 1) as bigint,
        buffersIn,
      };
    }
    return this.write;
  }

  /** An off-thread call starts using this memory; `release` when it has returned. */
  hold(): void {
    this.busy++;
  }

  release(): void {
    this.busy--;
    if (this.busy === 0 && this.freeWanted) this.free();
  }

  free(): void {
    if (this.busy > 0) {
      this.freeWanted = true;
      return;
    }
    if (this.freed) return;
    this.freed = true;
    koffi.free(this.readBuf);
    koffi.free(this.readCount);
    koffi.free(this.available);
    if (this.write) {
      koffi.free(this.write.buf);
      koffi.free(this.write.count);
      koffi.free(this.write.buffersIn);
    }
  }
}
