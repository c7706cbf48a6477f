// Deterministic test payloads. Bytes come from AES-256-CTR over zeros: a
// stream cipher is deterministic, position-sequential, accepts any chunk size
// and runs at GB/s, so multi-GiB bodies cost nothing to generate or verify.
import { createCipheriv, createHash, type Cipher } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const BLOCK = 1024 * 1024;
const ZEROS = Buffer.alloc(BLOCK);
const DEFAULT_SEED = 'inetscope';

/** Sequential reader over the pattern for `seed`; take(k) returns the next k bytes. */
export class PatternCursor {
  private readonly cipher: Cipher;

  constructor(seed: string = DEFAULT_SEED) {
    const key = createHash('sha256').update(`pattern:${seed}`).digest();
    this.cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  }

  take(k: number): Buffer {
    if (k <= BLOCK) return this.cipher.update(ZEROS.subarray(0, k));
    const parts: Buffer[] = [];
    for (let left = k; left > 0; left -= BLOCK) parts.push(this.take(Math.min(left, BLOCK)));
    return Buffer.concat(parts);
  }
}

/** The first n bytes of the pattern for `seed`, split into 1 MiB blocks. */
export function* patternBlocks(n: number, seed?: string): Generator<Buffer> {
  const cursor = new PatternCursor(seed);
  for (let left = n; left > 0; left -= BLOCK) yield cursor.take(Math.min(left, BLOCK));
}

/** The first n bytes of the pattern as one Buffer (only for small n). */
export function patternBytes(n: number, seed?: string): Buffer {
  return new PatternCursor(seed).take(n);
}

/** Deterministic pseudo-random bytes: the same (n, seed) gives the same bytes. */
export function patternStream(n: number, seed?: string): Readable {
  const blocks = patternBlocks(n, seed);
  // One block per read() call, so a slow consumer stops generation (backpressure).
  return new Readable({
    highWaterMark: BLOCK,
    read() {
      const next = blocks.next();
      this.push(next.done ? null : next.value);
    },
  });
}

const shaCache = new Map<string, Promise<string>>();

/** sha256 (hex) of patternStream(n, seed); cached because large n takes seconds. */
export function patternSha256(n: number, seed: string = DEFAULT_SEED): Promise<string> {
  const key = `${n}\u0000${seed}`;
  let hit = shaCache.get(key);
  if (!hit) {
    hit = hashBlocks(n, seed);
    shaCache.set(key, hit);
  }
  return hit;
}

async function hashBlocks(n: number, seed: string): Promise<string> {
  const hash = createHash('sha256');
  let i = 0;
  for (const block of patternBlocks(n, seed)) {
    hash.update(block);
    // Yield now and then so hashing 1 GiB doesn't freeze the servers in this process.
    if (++i % 16 === 0) await new Promise<void>((r) => setImmediate(r));
  }
  return hash.digest('hex');
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Writes the pattern to `path` and returns its sha256 (hex). */
export async function writePatternFile(path: string, n: number, seed: string = DEFAULT_SEED): Promise<string> {
  const hash = createHash('sha256');
  const source = patternStream(n, seed);
  source.on('data', (chunk: Buffer) => hash.update(chunk));
  await pipeline(source, createWriteStream(path));
  const hex = hash.digest('hex');
  shaCache.set(`${n}\u0000${seed}`, Promise.resolve(hex));
  return hex;
}
