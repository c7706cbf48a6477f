// The request body of one libcurl transfer, fed to its read callback from the spec's source
// (a file or memory), with upload progress events; its seek callback rewinds it when
// libcurl sends the body again (a 307/308, an auth retry).
import type { SourceReader } from '../../engine/body-io.js';
import type { EventStamper } from '../../engine/event-stamper.js';
import { writeNative } from './api.js';

const PROGRESS_EVERY_MS = 16;
const CURL_SEEKFUNC_OK = 0;
const CURL_SEEKFUNC_CANTSEEK = 2;

export class UploadFeed {
  /** Body bytes handed to libcurl so far (since the last rewind). */
  bytes = 0;
  private lastProgress = -Infinity;

  constructor(
    private readonly ev: EventStamper,
    private readonly source?: SourceReader,
  ) {}

  get total(): number | undefined {
    return this.source?.total;
  }

  /** CURLOPT_READFUNCTION: fills libcurl's buffer; 0 at the end. Throws BodyIoError. */
  read(buffer: unknown, max: number, scratch: Buffer): number {
    if (!this.source) return 0;
    const chunk = max <= scratch.length ? scratch.subarray(0, max) : Buffer.allocUnsafe(max);
    const n = this.source.read(chunk);
    if (n > 0) writeNative(buffer, chunk, n);
    this.bytes += n;
    const now = this.ev.now();
    if (n === 0 || now - this.lastProgress >= PROGRESS_EVERY_MS || this.bytes === this.source.total) {
      this.lastProgress = now;
      this.ev.lifecycle({ type: 'upload', bytes: this.bytes, total: this.source.total });
    }
    return n;
  }

  /** CURLOPT_SEEKFUNCTION: only from the start (SEEK_SET) within the body. */
  seek(offset: number, origin: number): number {
    if (!this.source || origin !== 0 || offset < 0 || offset > this.source.total) return CURL_SEEKFUNC_CANTSEEK;
    this.source.seek(offset);
    this.bytes = offset;
    return CURL_SEEKFUNC_OK;
  }

  close(): void {
    this.source?.close();
  }
}
