// A body read in fixed chunks (readBodySlice) and kept in a small LRU, so the virtualized
// viewers of a 1 GiB body hold a few MiB at most and never read a chunk twice at once.
// While the body streams in, a chunk the store does not yet fill is read again each time
// (it is not kept), so a view of the tail sees the new bytes; full chunks never change.

export const CHUNK = 256 * 1024;

/** Reads [offset, offset + length) of the body; may return fewer bytes at the end.
 * `complete: false` says the body is still being stored (`total` is what is stored so far). */
export type SliceReader = (offset: number, length: number) => Promise<{ bytes: Uint8Array; total: number; complete?: boolean }>;

export class SliceCache {
  /** Insertion order is recency order: the first key is the least recently used. */
  private readonly chunks = new Map<number, Uint8Array>();
  private readonly pending = new Map<number, Promise<Uint8Array>>();
  /** False while the body is still being stored: reads are not clipped to `total` then. */
  complete = true;

  constructor(
    readonly reader: SliceReader,
    public total: number,
    private readonly capacity = 8,
    readonly chunkSize = CHUNK,
  ) {}

  /** The chunk if cached (marked as used), else undefined. */
  peek(index: number): Uint8Array | undefined {
    const c = this.chunks.get(index);
    if (c) {
      this.chunks.delete(index);
      this.chunks.set(index, c);
    }
    return c;
  }

  chunk(index: number): Promise<Uint8Array> {
    const hit = this.peek(index);
    if (hit) return Promise.resolve(hit);
    const inFlight = this.pending.get(index);
    if (inFlight) return inFlight;
    const p = this.reader(index * this.chunkSize, this.chunkSize).then(
      ({ bytes, total, complete }) => {
        if (this.pending.get(index) === p) this.pending.delete(index);
        // Reads may resolve out of order: once complete, it stays so; before, total only grows.
        const done = this.complete || (complete ?? true);
        this.total = done && (complete ?? true) ? total : Math.max(this.total, total);
        this.complete = done;
        // A short chunk of a body still streaming will grow: not kept, read again next time.
        if (bytes.length < this.chunkSize && !(complete ?? true)) return bytes;
        this.chunks.set(index, bytes);
        while (this.chunks.size > this.capacity) this.chunks.delete(this.chunks.keys().next().value as number);
        return bytes;
      },
      (e: unknown) => {
        if (this.pending.get(index) === p) this.pending.delete(index);
        throw e;
      },
    );
    this.pending.set(index, p);
    return p;
  }

  /** The body is now stored whole, `total` bytes: reads in flight may predate that, so the
   * next asks read again. */
  settle(total: number): void {
    this.total = total;
    this.complete = true;
    this.pending.clear();
  }

  /** Bytes [offset, offset + length) clipped to the body, assembled from chunks; while the
   * body streams, clipped to what is stored (fewer bytes, never a gap). */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const limit = this.complete ? this.total : Number.MAX_SAFE_INTEGER;
    const start = Math.max(0, Math.min(offset, limit));
    const end = Math.max(start, Math.min(offset + length, limit));
    const first = Math.floor(start / this.chunkSize);
    const last = Math.floor(Math.max(start, end - 1) / this.chunkSize);
    const parts = await Promise.all(range(first, last).map((i) => this.chunk(i)));
    const out = new Uint8Array(end - start);
    let pos = 0;
    for (let k = 0; k < parts.length && pos < out.length; k++) {
      const base = (first + k) * this.chunkSize;
      const from = Math.max(0, start + pos - base);
      const part = (parts[k] as Uint8Array).subarray(from, from + (out.length - pos));
      out.set(part, pos);
      pos += part.length;
      // A short chunk is the end of what is stored: a later chunk read after it may already
      // hold bytes, but they do not follow on from these.
      if ((parts[k] as Uint8Array).length < this.chunkSize) break;
    }
    return pos === out.length ? out : out.subarray(0, pos);
  }

  get cachedChunks(): number[] {
    return [...this.chunks.keys()];
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
