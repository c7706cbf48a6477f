// A body read in fixed chunks (readBodySlice) and kept in a small LRU, so the virtualized
// viewers of a 1 GiB body hold a few MiB at most and never read a chunk twice at once.

export const CHUNK = 256 * 1024;

/** Reads [offset, offset + length) of the body; may return fewer bytes at the end. */
export type SliceReader = (offset: number, length: number) => Promise<{ bytes: Uint8Array; total: number }>;

export class SliceCache {
  /** Insertion order is recency order: the first key is the least recently used. */
  private readonly chunks = new Map<number, Uint8Array>();
  private readonly pending = new Map<number, Promise<Uint8Array>>();

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
      ({ bytes, total }) => {
        this.pending.delete(index);
        this.total = total;
        this.chunks.set(index, bytes);
        while (this.chunks.size > this.capacity) this.chunks.delete(this.chunks.keys().next().value as number);
        return bytes;
      },
      (e: unknown) => {
        this.pending.delete(index);
        throw e;
      },
    );
    this.pending.set(index, p);
    return p;
  }

  /** Bytes [offset, offset + length) clipped to the body, assembled from chunks. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const start = Math.max(0, Math.min(offset, this.total));
    const end = Math.max(start, Math.min(offset + length, this.total));
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
