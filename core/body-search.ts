// searchBody: a match in a stored body file, found in the core with the file read in 1 MiB
// chunks (Buffer's native indexOf on each), forward from an offset or backward before it,
// for at most a time budget, so a hit at the end of a 1 GiB body is reached without the
// page reading the body. Chunks overlap by the needle's length less one byte, so a match
// across a chunk boundary is found.
import fs from 'node:fs/promises';
import { CommandFailure } from './command-failure.js';

const CHUNK = 1024 * 1024;

export interface SearchRequest {
  needle: Buffer;
  /** ASCII letters compare folded (the needle is folded here). */
  fold: boolean;
  from: number;
  backward: boolean;
  budgetMs: number;
}

export interface SearchAnswer {
  offset?: number;
  length: number;
  resumeAt: number;
  total: number;
  complete: boolean;
}

/** The query's bytes: UTF-8 text, or hex digits in pairs (spaces allowed). */
export function needleOf(query: string, encoding: 'text' | 'hex'): Buffer {
  if (encoding === 'text') return Buffer.from(query, 'utf8');
  const digits = query.replace(/\s+/g, '');
  if (!/^(?:[0-9a-f]{2})+$/i.test(digits)) throw new CommandFailure('BAD_INPUT', `searchBody: query: not hex bytes (pairs of hex digits, spaces allowed): ${JSON.stringify(query.slice(0, 40))}`);
  return Buffer.from(digits, 'hex');
}

function foldInPlace(b: Buffer): Buffer {
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    if (c >= 0x41 && c <= 0x5a) b[i] = c | 0x20;
  }
  return b;
}

async function readAt(fh: fs.FileHandle, start: number, end: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.max(0, end - start));
  const { bytesRead } = buf.length > 0 ? await fh.read(buf, 0, buf.length, start) : { bytesRead: 0 };
  return buf.subarray(0, bytesRead);
}

async function scan(fh: fs.FileHandle, total: number, r: SearchRequest): Promise<SearchAnswer> {
  const needle = r.fold ? foldInPlace(Buffer.from(r.needle)) : r.needle;
  const n = needle.length;
  const deadline = Date.now() + r.budgetMs;
  const answer = (offset: number | undefined, resumeAt: number, complete: boolean): SearchAnswer => ({ ...(offset === undefined ? {} : { offset }), length: n, resumeAt, total, complete });
  if (!r.backward) {
    for (let start = Math.min(r.from, total); start + n <= total; start += CHUNK) {
      const chunk = await readAt(fh, start, Math.min(total, start + CHUNK + n - 1));
      const at = (r.fold ? foldInPlace(chunk) : chunk).indexOf(needle);
      if (at >= 0) return answer(start + at, start + at + 1, true);
      if (Date.now() > deadline && start + CHUNK + n <= total) return answer(undefined, start + CHUNK, false);
    }
    return answer(undefined, total, true);
  }
  // Backward: the last match starting before `from`.
  for (let end = Math.min(r.from, total); end > 0; end -= CHUNK) {
    const start = Math.max(0, end - CHUNK);
    const chunk = await readAt(fh, start, Math.min(total, end + n - 1));
    const at = (r.fold ? foldInPlace(chunk) : chunk).lastIndexOf(needle);
    if (at >= 0 && start + at < end) return answer(start + at, start + at, true);
    if (Date.now() > deadline && start > 0) return answer(undefined, start, false);
  }
  return answer(undefined, 0, true);
}

/** Searches `file` (a missing file is an empty body). */
export async function searchFile(file: string, r: SearchRequest): Promise<SearchAnswer> {
  let fh;
  try {
    fh = await fs.open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { length: r.needle.length, resumeAt: 0, total: 0, complete: true };
    throw e;
  }
  try {
    return await scan(fh, (await fh.stat()).size, r);
  } finally {
    await fh.close();
  }
}
