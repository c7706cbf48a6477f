// The read side's bookkeeping: how many bytes a completed InternetReadFile delivered (its own
// count, or Wine's race workaround from wine-quirks.ts) and when a 0-byte read is the end.
import type { EngineErrorInfo } from '../../contract/events.js';
import { MAX_EMPTY_READS } from './request-limits.js';
import { probeAfterEmptyRead, readCount, UNDER_WINE } from './wine-quirks.js';

type ReadOutcome = { bytes: number } | { next: 'probe' | 'eof' } | { error: EngineErrorInfo };

export class ReadAccounting {
  /** RESPONSE_RECEIVED's count during a pending InternetReadFile. */
  private receivedDuringRead?: number;
  /** Whether the current InternetReadFile returned ERROR_IO_PENDING. */
  private pended = false;
  private emptyReads = 0;
  /** dwError of a pending InternetQueryDataAvailable's completion: the bytes available. */
  private asyncAvailable?: number;

  constructor(
    private readonly size: number,
    private readonly wine = UNDER_WINE,
  ) {}

  beginRead(): void {
    this.receivedDuringRead = undefined;
    this.pended = false;
  }

  readPending(): void {
    this.pended = true;
  }

  /** RESPONSE_RECEIVED while a read is pending. */
  received(bytes: number): void {
    this.receivedDuringRead = (this.receivedDuringRead ?? 0) + bytes;
  }

  /** A completed read whose call wrote `documented` as its count. */
  completed(documented: number): ReadOutcome {
    const n = readCount(this.wine, documented, this.receivedDuringRead, this.pended, this.size);
    this.receivedDuringRead = undefined;
    if (typeof n !== 'number') return { error: n };
    // TRUE with 0 bytes is the end on Windows; Wine's may only mean "momentarily empty".
    if (n === 0) return { next: probeAfterEmptyRead(this.wine) ? 'probe' : 'eof' };
    this.emptyReads = 0;
    return { bytes: n };
  }

  asyncProbe(available: number): void {
    this.asyncAvailable = available;
  }

  /** After InternetQueryDataAvailable: read again, end, or give up on endless empty reads. */
  probed(decoded: number): { next: 'read' | 'eof' } | { error: EngineErrorInfo } {
    const available = this.asyncAvailable ?? decoded;
    this.asyncAvailable = undefined;
    if (available === 0) return { next: 'eof' };
    if (++this.emptyReads > MAX_EMPTY_READS) {
      return { error: { code: 'RECV_FAILED', name: 'EMPTY_READS', message: `InternetReadFile returned no bytes ${MAX_EMPTY_READS} times while ${available} bytes were available` } };
    }
    return { next: 'read' };
  }
}
