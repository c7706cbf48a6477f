// Case-insensitive search over a body fed chunk by chunk: matches spanning a chunk boundary
// are found by carrying the last (pattern length − 1) bytes into the next chunk. ASCII
// letters fold; other bytes (UTF-8 sequences) compare exactly.

const fold = (b: number): number => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b);

export function encodeQuery(query: string): Uint8Array {
  const bytes = new TextEncoder().encode(query);
  for (let i = 0; i < bytes.length; i++) bytes[i] = fold(bytes[i] as number);
  return bytes;
}

export class ByteSearcher {
  private carry = new Uint8Array(0);
  private carryBase = 0;
  count = 0;

  constructor(private readonly pattern: Uint8Array) {}

  /** Feeds the chunk at absolute `offset` (chunks in order); returns the match offsets. */
  feed(chunk: Uint8Array, offset: number): number[] {
    const pat = this.pattern;
    if (pat.length === 0) return [];
    const buf = new Uint8Array(this.carry.length + chunk.length);
    buf.set(this.carry, 0);
    buf.set(chunk, this.carry.length);
    const base = this.carry.length > 0 ? this.carryBase : offset;
    const found: number[] = [];
    const first = pat[0] as number;
    const last = buf.length - pat.length;
    outer: for (let i = 0; i <= last; i++) {
      if (fold(buf[i] as number) !== first) continue;
      for (let k = 1; k < pat.length; k++) if (fold(buf[i + k] as number) !== pat[k]) continue outer;
      found.push(base + i);
      i += pat.length - 1; // matches do not overlap
    }
    // Keep what a match starting in this chunk could still need, but not bytes of a match found.
    const keepFrom = Math.max(buf.length - (pat.length - 1), found.length ? (found[found.length - 1] as number) - base + pat.length : 0);
    this.carry = buf.slice(Math.min(keepFrom, buf.length));
    this.carryBase = base + Math.min(keepFrom, buf.length);
    this.count += found.length;
    return found;
  }
}
