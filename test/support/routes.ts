// Route handlers of the loopback test server (see http-server.ts for the table).
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { PatternCursor, patternBlocks, patternBytes } from './content.js';
import { drainOrClose, send, sendJson, writeAll } from './respond.js';

export interface UploadRecord {
  method: string;
  url: string;
  bytes: number;
  sha256: string;
  headers: IncomingHttpHeaders;
  complete: boolean;
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  /** Numeric path argument (e.g. 42 in /bytes/42); NaN when absent. */
  arg: number;
  baseUrl: string;
  uploads: UploadRecord[];
  /** setTimeout that the server clears on close() and the route clears when the response closes. */
  later(ms: number, fn: () => void): void;
}

export const GZIP_BODY_PLAIN: string = JSON.stringify(
  {
    server: 'inetscope-test',
    note: 'served with Content-Encoding: gzip',
    items: Array.from({ length: 64 }, (_, i) => ({ id: i, name: `item-${i}`, even: i % 2 === 0 })),
  },
  null,
  2,
);
/** Node's gzip header has mtime 0 and no name, so these bytes are stable across runs. */
export const GZIP_BODY: Buffer = gzipSync(Buffer.from(GZIP_BODY_PLAIN));

const CHUNK_SIZES = [1, 7, 4096, 65536, 13, 1000, 300_000, 2];
const ECHO_LIMIT = 64 * 1024;

function octetHead(res: ServerResponse, n: number): void {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': n });
}

export async function bytes({ req, res, arg, query }: RouteContext): Promise<void> {
  octetHead(res, arg);
  // node drops HEAD bodies anyway; skip generating them.
  if (req.method === 'HEAD') return void res.end();
  if (await writeAll(res, patternBlocks(arg, query.get('seed') ?? undefined))) res.end();
}

/** Re-slices the pattern into varying chunk sizes to exercise chunk parsing. */
function* varyingChunks(n: number, seed?: string): Generator<Buffer> {
  const cursor = new PatternCursor(seed);
  for (let left = n, i = 0; left > 0; i++) {
    const size = Math.min(left, CHUNK_SIZES[i % CHUNK_SIZES.length] ?? 1);
    left -= size;
    yield cursor.take(size);
  }
}

export async function chunked({ req, res, arg, query }: RouteContext): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' });
  if (req.method === 'HEAD') return void res.end();
  if (await writeAll(res, varyingChunks(arg, query.get('seed') ?? undefined))) res.end();
}

export function gzip({ res }: RouteContext): void {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Encoding': 'gzip',
    'Content-Length': GZIP_BODY.length,
  });
  res.end(GZIP_BODY);
}

export function status({ res, arg }: RouteContext): void {
  // writeHead throws outside 100-999, and 1xx finals confuse node's own framing.
  if (!(arg >= 200 && arg <= 599)) return send(res, 400, 'bad status code\n');
  send(res, arg, `status ${arg}\n`);
}

export function redirect(ctx: RouteContext, absolute: boolean): void {
  const { res, arg, baseUrl } = ctx;
  if (arg <= 0) return send(res, 200, 'done\n');
  const path = `/${absolute ? 'redirect-abs' : 'redirect'}/${arg - 1}`;
  res.setHeader('Location', absolute ? `${baseUrl}${path}` : path);
  send(res, 302, 'redirect');
}

export function upload({ req, res, uploads }: RouteContext): void {
  const hash = createHash('sha256');
  let count = 0;
  let sha256 = '';
  const record = (complete: boolean): void => {
    if (sha256) return;
    sha256 = hash.digest('hex');
    const { method = '', url = '', headers } = req;
    uploads.push({ method, url, bytes: count, sha256, headers, complete });
  };
  // Hash as it streams: uploads may be far larger than we want in memory.
  req.on('data', (chunk: Buffer) => {
    count += chunk.length;
    hash.update(chunk);
  });
  req.on('error', () => record(false));
  req.on('close', () => record(false));
  req.on('end', () => {
    record(true);
    const length = req.headers['content-length'];
    sendJson(res, 200, {
      method: req.method,
      bytes: count,
      sha256,
      contentLength: length === undefined ? null : Number(length),
      contentType: req.headers['content-type'] ?? null,
    });
  });
}

export function echo({ req, res }: RouteContext): void {
  const kept: Buffer[] = [];
  let count = 0;
  req.on('data', (chunk: Buffer) => {
    count += chunk.length;
    if (count <= ECHO_LIMIT) kept.push(chunk);
  });
  req.on('error', () => res.destroy());
  req.on('end', () => {
    const body = count <= ECHO_LIMIT ? Buffer.concat(kept).toString('utf8') : null;
    sendJson(res, 200, { method: req.method, url: req.url, headers: req.headers, bodyBytes: count, body });
  });
}

export function headers({ req, res }: RouteContext): void {
  sendJson(res, 200, { headers: req.headers, rawHeaders: req.rawHeaders });
}

export function stall({ req }: RouteContext): void {
  // Drain the request but never answer; the server's close() destroys the socket.
  req.resume();
}

export function stallBody({ res, arg, query }: RouteContext): void {
  octetHead(res, arg);
  res.write(patternBytes(Math.min(Math.floor(arg / 2), 65536), query.get('seed') ?? undefined));
}

export async function truncate({ res, arg, query }: RouteContext): Promise<void> {
  octetHead(res, arg);
  res.flushHeaders();
  // Destroy only after the half body reached the kernel, so the client gets it all.
  await writeAll(res, patternBlocks(Math.floor(arg / 2), query.get('seed') ?? undefined));
  res.socket?.destroy();
}

export function slow({ res, arg, query, later }: RouteContext): void {
  const chunk = Math.max(1, Number(query.get('chunk') ?? 16384) || 16384);
  const interval = Math.max(0, Number(query.get('interval') ?? 50) || 0);
  const cursor = new PatternCursor(query.get('seed') ?? undefined);
  let left = arg;
  octetHead(res, arg);
  res.flushHeaders();
  const tick = async (): Promise<void> => {
    if (res.destroyed) return;
    const size = Math.min(chunk, left);
    left -= size;
    if (left === 0) return void res.end(cursor.take(size));
    if (!res.write(cursor.take(size)) && !(await drainOrClose(res))) return;
    later(interval, () => void tick());
  };
  if (arg === 0) return void res.end();
  later(interval, () => void tick());
}

export function delay({ res, arg, later }: RouteContext): void {
  later(Number.isFinite(arg) ? arg : 0, () => send(res, 200, 'delayed\n'));
}

/**
 * A chunked body in `chunks` equal chunks, framed here on the raw socket so that a pause of
 * `pause` ms can fall anywhere in the framing: `at` bytes past the end of each chunk's data
 * (0: before its CRLF, 1: inside it, 2: between chunks, 3: inside the next size line). A
 * client's reads find nothing for a while, mid-body. The connection closes after the body.
 */
export function chunkedPause({ res, arg, query, later }: RouteContext): void {
  const chunks = Math.max(1, Number(query.get('chunks') ?? 4) || 4);
  const pause = Math.max(0, Number(query.get('pause') ?? 300) || 0);
  const at = Math.max(0, Number(query.get('at') ?? 2) || 0);
  const size = Math.ceil(arg / chunks);
  const cursor = new PatternCursor(query.get('seed') ?? undefined);
  const frames: Buffer[] = [];
  const cuts: number[] = [];
  let length = 0;
  for (let left = arg; left > 0; left -= size) {
    const n = Math.min(size, left);
    const head = Buffer.from(`${n.toString(16)}\r\n`, 'latin1');
    frames.push(head, cursor.take(n), Buffer.from('\r\n', 'latin1'));
    length += head.length + n + 2;
    cuts.push(length - 2 + at);
  }
  frames.push(Buffer.from('0\r\n\r\n', 'latin1'));
  const stream = Buffer.concat(frames);
  const pieces = [0, ...cuts.map((c) => Math.min(c, stream.length)), stream.length].flatMap((c, i, all) => (i === 0 ? [] : [stream.subarray(all[i - 1], c)]));
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked', Connection: 'close' });
  res.flushHeaders();
  const socket = res.socket;
  if (!socket) return;
  const next = (i: number): void => {
    if (socket.destroyed) return;
    const piece = pieces[i];
    if (!piece) return void socket.end();
    if (piece.length > 0) socket.write(piece);
    later(pause, () => next(i + 1));
  };
  next(0);
}

/** Reads the request body, then redirects with status `arg` to /upload-any (which reports what it got). */
export function redirectBody({ req, res, arg }: RouteContext): void {
  req.resume();
  req.on('end', () => {
    if (!(arg >= 300 && arg <= 399)) return send(res, 400, 'bad redirect code\n');
    res.setHeader('Location', '/upload-any?after=redirect');
    send(res, arg, 'moved\n');
  });
}
