// A request body read the way seed 004 reads a client's body: one read pending at a time.
// Each chunk Node's parser hands over is one completed read; the stream is paused until
// its bytes are in the caught body file, and only then resumed (issuing the next read).
// The body is never whole in memory: 100 MB and larger uploads cost only disk.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';

export interface CapturedBody {
  bytes: number;
  sha256: string;
  /** False: the client went away before the end (the file holds what arrived). */
  complete: boolean;
  /** Writing the file failed (disk full…): the message. */
  error?: string;
}

export async function captureBody(req: IncomingMessage, file: string, onRead: (bytes: number, total: number) => void): Promise<CapturedBody> {
  const fh = await fsp.open(file, 'w');
  const hash = crypto.createHash('sha256');
  let total = 0;
  const outcome = await new Promise<{ complete: boolean; error?: string }>((resolve) => {
    let writing = false;
    let ended: { complete: boolean; error?: string } | undefined;
    const settle = () => ended && !writing && resolve(ended);
    const stop = (v: { complete: boolean; error?: string }) => {
      ended ??= v;
      settle();
    };
    req.on('data', (chunk: Buffer) => {
      req.pause();
      total += chunk.length;
      hash.update(chunk);
      onRead(chunk.length, total);
      writing = true;
      fh.write(chunk, 0, chunk.length).then(
        () => {
          writing = false;
          if (ended) settle();
          else req.resume();
        },
        (e: Error) => {
          writing = false;
          stop({ complete: false, error: `writing the caught body failed: ${e.message}` });
          req.destroy();
        },
      );
    });
    req.on('end', () => stop({ complete: true }));
    // A client that disconnects mid-body: 'aborted'/'error' then 'close', with req.complete false.
    req.on('error', () => stop({ complete: false }));
    req.on('close', () => stop({ complete: req.complete }));
  });
  await fh.close();
  return { bytes: total, sha256: hash.digest('hex'), ...outcome };
}
