// Small response helpers shared by the test server routes. Every wait here
// also ends when the response closes, so a vanished client never leaves a
// route hanging (and close() of the server never waits on one).
import type { ServerResponse } from 'node:http';

export function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain'): void {
  const data = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': data.length });
  res.end(data);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json');
}

/** Resolves true on 'drain', false if the response closes first. */
export function drainOrClose(res: ServerResponse): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onDrain = (): void => finish(true);
    const onClose = (): void => finish(false);
    const finish = (ok: boolean): void => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

/**
 * Writes every chunk of `source` (one res.write per chunk, so chunked
 * responses keep the source's chunk sizes) honouring backpressure. Resolves
 * true once the last chunk reached the kernel, false if the client went away.
 */
export async function writeAll(res: ServerResponse, source: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<boolean> {
  let lastFlush: Promise<boolean> = Promise.resolve(true);
  for await (const chunk of source) {
    if (res.destroyed) return false;
    let ok = true;
    lastFlush = new Promise((resolve) => {
      ok = res.write(chunk, (err) => resolve(!err));
    });
    if (!ok && !(await drainOrClose(res))) return false;
  }
  if (res.destroyed) return false;
  const closed = new Promise<boolean>((resolve) => res.once('close', () => resolve(false)));
  return (await Promise.race([lastFlush, closed])) && !res.destroyed;
}
