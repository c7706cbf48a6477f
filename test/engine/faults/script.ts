// A fault case's server side as data: the bytes to write, the pauses between them, and how
// the connection ends. Played on a raw socket so a case can misbehave byte by byte.
import type { Socket } from 'node:net';

type Step =
  /** Write these bytes at once. */
  | { send: string | Buffer }
  /** Write these bytes in pieces of `size`, `gapMs` apart (headers split across writes, a slow drip). */
  | { drip: string | Buffer; size: number; gapMs: number }
  /** Send nothing for this long. */
  | { wait: number }
  /** Send nothing more and keep the connection open until the client goes (a stall). */
  | { hold: true }
  /** End with a TCP reset instead of a FIN. */
  | { reset: true };

export type Script = Step[];

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const onAbort = (): void => (clearTimeout(timer), resolve());
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

function write(socket: Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    // Strings are bytes as written (latin1): a case can send any octet.
    socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, () => resolve());
  });
}

/** Plays a script; without a final hold or reset the connection ends with a FIN. */
export async function play(socket: Socket, script: Script, signal: AbortSignal): Promise<void> {
  for (const step of script) {
    if (signal.aborted || socket.destroyed) return;
    if ('send' in step) await write(socket, step.send);
    else if ('drip' in step) {
      const bytes = typeof step.drip === 'string' ? Buffer.from(step.drip, 'latin1') : step.drip;
      for (let at = 0; at < bytes.length && !signal.aborted && !socket.destroyed; at += step.size) {
        if (at > 0) await sleep(step.gapMs, signal);
        await write(socket, bytes.subarray(at, at + step.size));
      }
    } else if ('wait' in step) await sleep(step.wait, signal);
    else if ('hold' in step) return;
    else {
      socket.resetAndDestroy();
      return;
    }
  }
  socket.end();
}

/** A whole HTTP/1.1 response head: status line, headers, blank line. */
export function head(statusLine: string, headers: Array<[string, string | number]> = []): string {
  return `${statusLine}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
}
