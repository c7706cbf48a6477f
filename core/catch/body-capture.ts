// A request body read the way seed 004 reads a client's body: one read pending at a time.
// Each chunk Node's parser hands over is one completed read; the stream is paused until
// its bytes are in the caught body file, and only then resumed (issuing the next read).
// The body is never whole in memory: 100 MB and larger uploads cost only disk. Reading
// stops at the limits (a body over its cap or the run's total, or idle too long).
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';

/** Why reading stopped before the end, with the client still there. */
export type CaptureStop = { kind: 'limit'; limit: 'body' | 'total'; max: number } | { kind: 'idle'; idleMs: number };

interface CapturedBody {
  bytes: number;
  sha256: string;
  /** False: the client went away before the end, or reading stopped (the file holds what arrived). */
  complete: boolean;
  /** Writing the file failed (disk full…): the message. */
  error?: string;
  stopped?: CaptureStop;
}

interface CaptureLimits {
  maxBodyBytes: number;
  /** Bytes the run's total may still take. */
  room: () => number;
  maxTotalBytes: number;
  idleTimeoutMs: number;
}

type Outcome = { complete: boolean; error?: string; stopped?: CaptureStop };

/** A body declared over a limit is refused before a byte of it is read. */
export function declaredOverLimit(contentLength: string | undefined, l: CaptureLimits): CaptureStop | undefined {
  if (contentLength === undefined || !/^\d{1,16}$/.test(contentLength)) return undefined;
  const n = Number(contentLength);
  if (n > l.maxBodyBytes) return { kind: 'limit', limit: 'body', max: l.maxBodyBytes };
  if (n > l.room()) return { kind: 'limit', limit: 'total', max: l.maxTotalBytes };
  return undefined;
}

export async function captureBody(req: IncomingMessage, file: string, limits: CaptureLimits, onRead: (bytes: number, total: number) => void): Promise<CapturedBody> {
  const fh = await fsp.open(file, 'w');
  const hash = crypto.createHash('sha256');
  let total = 0;
  const outcome = await new Promise<Outcome>((resolve) => {
    let writing = false;
    let ended: Outcome | undefined;
    const settle = () => ended && !writing && (clearTimeout(idle), resolve(ended));
    const stop = (v: Outcome) => {
      ended ??= v;
      settle();
    };
    const halt = (stopped: CaptureStop) => {
      req.pause();
      stop({ complete: false, stopped });
    };
    let idle = setTimeout(() => halt({ kind: 'idle', idleMs: limits.idleTimeoutMs }), limits.idleTimeoutMs);
    req.on('data', (chunk: Buffer) => {
      if (ended) return;
      req.pause();
      clearTimeout(idle);
      // Over a limit: the bytes up to it are kept, the rest is not read.
      const over = total + chunk.length > limits.maxBodyBytes ? 'body' : chunk.length > limits.room() ? 'total' : undefined;
      const keep = over ? Math.max(0, Math.min(limits.maxBodyBytes - total, limits.room())) : chunk.length;
      const part = chunk.subarray(0, keep);
      total += part.length;
      hash.update(part);
      if (part.length > 0) onRead(part.length, total);
      writing = true;
      fh.write(part, 0, part.length).then(
        () => {
          writing = false;
          if (over) return halt({ kind: 'limit', limit: over, max: over === 'body' ? limits.maxBodyBytes : limits.maxTotalBytes });
          if (ended) return settle();
          idle = setTimeout(() => halt({ kind: 'idle', idleMs: limits.idleTimeoutMs }), limits.idleTimeoutMs);
          req.resume();
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
