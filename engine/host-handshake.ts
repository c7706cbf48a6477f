// The host connects back to a loopback port any local process could reach: only a
// connection whose first line is a hello carrying the one-time token is the host.
import type { EventEmitter } from 'node:events';
import crypto from 'node:crypto';
import type net from 'node:net';
import { z } from 'zod';
import { HelloSchema, HostFatalSchema, LineSplitter } from './protocol.js';

/** A host's first line: its hello, or why it could not load its engine. */
const FirstLineSchema = z.discriminatedUnion('type', [HelloSchema, HostFatalSchema]);

export class HostStartError extends Error {}

/** The host process ended before its hello: nothing was sent to it, so a new start is safe. */
export class HostExitedEarly extends HostStartError {}

export interface AcceptedHost {
  sock: net.Socket;
  hello: { runtime: string };
  /** Holds any bytes that followed the hello. */
  lines: LineSplitter;
}

export function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function acceptHost(server: net.Server, child: EventEmitter, token: string, timeoutMs: number, logFile: string): Promise<AcceptedHost> {
  return new Promise<AcceptedHost>((resolve, reject) => {
    const fail = (msg: string, Kind = HostStartError) => {
      clearTimeout(timer);
      reject(new Kind(`${msg} (host log: ${logFile})`));
    };
    const timer = setTimeout(() => fail(`the engine host did not connect within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (e) => fail(`cannot start the engine host: ${e.message}`));
    child.once('exit', (code, signal) => fail(`the engine host exited with ${signal ?? `code ${code}`} before it was ready`, HostExitedEarly));
    server.on('connection', (sock) => {
      sock.setEncoding('utf8');
      sock.setNoDelay(true);
      sock.on('error', () => sock.destroy());
      const lines = new LineSplitter();
      let seen = 0;
      // A stranger that never says hello (or says too much) is dropped.
      sock.setTimeout(10_000, () => sock.destroy());
      const onData = (chunk: string) => {
        seen += chunk.length;
        const first = lines.push(chunk)[0];
        if (first === undefined) return void (seen > 65536 && sock.destroy());
        sock.off('data', onData);
        sock.setTimeout(0);
        let msg;
        try {
          msg = FirstLineSchema.parse(JSON.parse(first));
        } catch {
          return void sock.destroy();
        }
        if (!tokenMatches(msg.token, token)) return void sock.destroy();
        if (msg.type === 'host-error') return fail(`the engine host failed: ${msg.message}`);
        clearTimeout(timer);
        resolve({ sock, hello: msg, lines });
      };
      sock.on('data', onData);
    });
  });
}
