// Response bodies on disk: the engine host streams each one into <dataDir>/bodies/<id>.body
// (a file sink), and the UI reads slices of it. No body ever sits in memory whole, so a
// multi-GiB download costs the app nothing but disk. Above the size limit the oldest
// finished bodies are deleted; a body still being written is never touched.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CommandFailure, type Log } from './command-failure.js';

interface Stored {
  inflight: boolean;
  /** Bytes on disk as of the last finish or scan (in-flight files grow). */
  bytes: number;
}

export interface BodySlice {
  offset: number;
  base64: string;
  total: number;
  complete: boolean;
}

const SUFFIX = '.body';
/** The decoded copy beside a body (core/decoded-bodies.ts): a cache, made again on demand. */
const DECODED = '.decoded';

export class BodyStore {
  /** Insertion order is age order: eviction walks it from the front. */
  private readonly bodies = new Map<string, Stored>();

  private constructor(
    readonly dir: string,
    private readonly limitBytes: () => number,
    private readonly log: Log,
  ) {}

  static async open(dataDir: string, limitBytes: () => number, log: Log): Promise<BodyStore> {
    const store = new BodyStore(path.join(dataDir, 'bodies'), limitBytes, log);
    await fs.mkdir(store.dir, { recursive: true });
    await store.scan();
    return store;
  }

  /** Bodies left by earlier runs, oldest first by modification time. */
  private async scan(): Promise<void> {
    const found: Array<{ id: string; bytes: number; mtime: number }> = [];
    for (const name of await fs.readdir(this.dir)) {
      // Decoded copies of an earlier run are not counted: removed, and made again when asked for.
      if (name.endsWith(DECODED)) await fs.rm(path.join(this.dir, name), { force: true });
      if (!name.endsWith(SUFFIX)) continue;
      const st = await fs.stat(path.join(this.dir, name)).catch(() => undefined);
      if (st?.isFile()) found.push({ id: name.slice(0, -SUFFIX.length), bytes: st.size, mtime: st.mtimeMs });
    }
    found.sort((a, b) => a.mtime - b.mtime);
    for (const f of found) this.bodies.set(f.id, { inflight: false, bytes: f.bytes });
  }

  pathFor(id: string): string {
    return path.join(this.dir, `${id}${SUFFIX}`);
  }

  decodedPathFor(id: string): string {
    return path.join(this.dir, `${id}${DECODED}`);
  }

  /** A decoded copy now sits beside the body: it counts towards the limit and goes with it. */
  async noteDecoded(id: string, bytes: number): Promise<void> {
    const entry = this.bodies.get(id);
    if (entry) entry.bytes += bytes;
    await this.evict();
  }

  /** A request is about to write its body: protect it from eviction until it finishes. */
  begin(id: string): void {
    this.bodies.delete(id);
    this.bodies.set(id, { inflight: true, bytes: 0 });
  }

  async finish(id: string): Promise<void> {
    const st = await fs.stat(this.pathFor(id)).catch(() => undefined);
    const entry = this.bodies.get(id);
    if (entry) Object.assign(entry, { inflight: false, bytes: st?.size ?? 0 });
    await this.evict();
  }

  /** A body that did not come from an engine (a HAR import): written whole, evicted like any other. */
  async put(id: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathFor(id);
    const temp = `${file}.part`;
    // fsynced before the rename: the history entry appended next must not point at an empty file after a crash.
    const fh = await fs.open(temp, 'w');
    try {
      await fh.writeFile(bytes);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await fs.rename(temp, file);
    this.bodies.delete(id);
    this.bodies.set(id, { inflight: false, bytes: bytes.length });
  }

  has(id: string): boolean {
    return this.bodies.has(id);
  }

  isInFlight(id: string): boolean {
    return this.bodies.get(id)?.inflight ?? false;
  }

  /** Reads only the asked slice; `total` is the size on disk now (it grows while in flight). */
  async readSlice(id: string, offset: number, length: number): Promise<BodySlice> {
    const entry = this.bodies.get(id);
    if (!entry) throw new CommandFailure('NOT_FOUND', `no stored body for ${id} (unknown request, or evicted to stay under the size limit)`);
    return readFileSlice(this.pathFor(id), offset, length, !entry.inflight);
  }

  /** Deletes the oldest finished bodies until the total fits the limit. */
  async evict(): Promise<void> {
    let total = 0;
    for (const b of this.bodies.values()) total += b.bytes;
    const limit = this.limitBytes();
    for (const [id, b] of [...this.bodies]) {
      if (total <= limit) break;
      if (b.inflight) continue;
      try {
        await fs.rm(this.pathFor(id), { force: true });
        await fs.rm(this.decodedPathFor(id), { force: true });
      } catch (e) {
        // Windows refuses to delete a file being read (a save in progress): try next time.
        this.log(`body store: cannot evict ${id}: ${(e as Error).message}`);
        continue;
      }
      this.bodies.delete(id);
      total -= b.bytes;
    }
  }
}

/** A slice of a body file; `total` is its size now. A missing file is an empty body. */
export async function readFileSlice(file: string, offset: number, length: number, complete: boolean): Promise<BodySlice> {
  let fh;
  try {
    fh = await fs.open(file, 'r');
  } catch (e) {
    // No body file (a request that failed before its response began): an empty, complete body.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { offset, base64: '', total: 0, complete };
    throw e;
  }
  try {
    const total = (await fh.stat()).size;
    const n = Math.max(0, Math.min(length, total - offset));
    const buf = Buffer.alloc(n);
    const { bytesRead } = n > 0 ? await fh.read(buf, 0, n, offset) : { bytesRead: 0 };
    return { offset, base64: buf.subarray(0, bytesRead).toString('base64'), total, complete };
  } finally {
    await fh.close();
  }
}
