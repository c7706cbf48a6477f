// The answers a caught request can get: the JSON summary (default), a fixed response,
// its own body echoed back, or a file (single-range support). A file goes by sendfile(2)
// where the platform allows (FILE_TRANSMITTED zeroCopy: true), else it is streamed with
// large reads, one write pending at a time (zeroCopy: false).
import fsp from 'node:fs/promises';
import type { CatchResponse, CaughtSummary } from '../../contract/catch.js';
import { parseRange } from './range.js';
import type { Recorder } from './recorder.js';
import type { ResponseWriter } from './response-writer.js';

const READ_SIZE = 1024 * 1024;
const PREVIEW_MAX = 64 * 1024;

interface RespondContext {
  writer: ResponseWriter;
  recorder: Recorder;
  summary: CaughtSummary;
  /** The caught body file (echo). */
  bodyFile: string;
  /** A file rule's path, resolved by whoever set the rules. */
  filePath?: string;
  rangeHeader?: string;
  isGet: boolean;
}

interface Sent {
  preview?: string;
}

function summaryBody(s: CaughtSummary): Buffer {
  const body = { id: s.id, method: s.method, path: s.path, httpVersion: s.httpVersion, headers: s.headers, bodyBytes: s.bodyBytes, bodySha256: s.bodySha256 };
  return Buffer.from(JSON.stringify(body, null, 2) + '\n');
}

/** Framing is the server's: a rule's own Content-Length or Transfer-Encoding would lie about the body. */
const FRAMING = /^(content-length|transfer-encoding|connection)$/i;

async function sendBuffer(ctx: RespondContext, status: number, headers: Record<string, string>, body: Buffer): Promise<Sent> {
  const own = Object.fromEntries(Object.entries(headers).filter(([k]) => !FRAMING.test(k)));
  ctx.writer.head(status, { ...own, 'Content-Length': body.length });
  if (body.length > 0) await ctx.writer.write(body);
  await ctx.writer.end();
  return { preview: body.length <= PREVIEW_MAX ? body.toString('utf8') : undefined };
}

/** Streams bytes start..end (inclusive) of `file`: one write pending at a time, the next
 * read issued while it is (so the disk and the socket overlap). */
async function streamFile(ctx: RespondContext, file: string, start: number, end: number): Promise<number> {
  const fh = await fsp.open(file, 'r');
  const read = async (at: number): Promise<Buffer> => {
    const want = Math.min(READ_SIZE, end - at + 1);
    const buf = Buffer.allocUnsafe(want);
    const { bytesRead } = await fh.read(buf, 0, want, at);
    return buf.subarray(0, bytesRead);
  };
  let sent = 0;
  try {
    let next = start <= end && !ctx.writer.headOnly ? read(start) : undefined;
    while (next) {
      const buf = await next;
      if (buf.length === 0) break; // the file shrank under us
      const at = start + sent + buf.length;
      next = at <= end ? read(at) : undefined;
      if (!(await ctx.writer.write(buf))) break;
      sent += buf.length;
    }
    await next?.catch(() => {});
  } finally {
    await fh.close();
  }
  return sent;
}

async function sendFile(ctx: RespondContext, file: string, contentType: string | undefined): Promise<Sent> {
  const st = await fsp.stat(file).catch((e: Error) => e);
  if (st instanceof Error || !st.isFile()) {
    const why = st instanceof Error ? st.message : 'not a regular file';
    ctx.recorder.emit({ type: 'SERVER_ERROR', message: `the file rule's file cannot be served: ${why}` });
    return sendBuffer(ctx, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from(`file not available: ${why}\n`));
  }
  const size = st.size;
  const range = ctx.isGet ? parseRange(ctx.rangeHeader, size) : { kind: 'none' as const };
  const type = { 'Content-Type': contentType ?? 'application/octet-stream', 'Accept-Ranges': 'bytes', 'Last-Modified': st.mtime.toUTCString() };
  if (range.kind === 'unsatisfiable') {
    return sendBuffer(ctx, 416, { 'Content-Range': `bytes */${size}`, 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from(`range not satisfiable (size ${size})\n`));
  }
  const [start, end] = range.kind === 'single' ? [range.start, range.end] : [0, size - 1];
  const length = end - start + 1;
  const partial = range.kind === 'single';
  ctx.writer.head(partial ? 206 : 200, { ...type, 'Content-Length': length, ...(partial ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}) });
  const zero = length > 0 ? await ctx.writer.transmitZeroCopy(file, start, length) : undefined;
  const sent = zero ?? (await streamFile(ctx, file, start, end));
  if (!ctx.writer.headOnly && sent === length) ctx.recorder.emit({ type: 'FILE_TRANSMITTED', bytes: sent, zeroCopy: zero !== undefined, start, end, size });
  await ctx.writer.end();
  return {};
}

export async function respond(ctx: RespondContext, r: CatchResponse): Promise<Sent> {
  switch (r.kind) {
    case 'summary':
      return sendBuffer(ctx, 200, { 'Content-Type': 'application/json; charset=utf-8' }, summaryBody(ctx.summary));
    case 'fixed':
      return sendBuffer(ctx, r.status, r.headers, Buffer.from(r.body, 'utf8'));
    case 'echo': {
      const type = ctx.summary.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/octet-stream';
      ctx.writer.head(200, { 'Content-Type': type, 'Content-Length': ctx.summary.bodyBytes });
      await streamFile(ctx, ctx.bodyFile, 0, ctx.summary.bodyBytes - 1);
      await ctx.writer.end();
      return {};
    }
    case 'file':
      return sendFile(ctx, ctx.filePath as string, r.contentType);
  }
}
