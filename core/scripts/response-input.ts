// The response a test script sees, from an exchange's events (the last hop's status line and
// headers) and its stored body (its first MAX_SCRIPT_BODY_BYTES only: a script's copy is
// bounded however large the body is).
import fs from 'node:fs/promises';
import type { FinishedEvent, InetEvent } from '../../contract/events.js';
import { parseHeaderBlock } from '../../domain/har/text.js';
import { MAX_SCRIPT_BODY_BYTES, type ResponseInput } from './pm-request.js';

async function bodyHead(file: string): Promise<Buffer> {
  const fh = await fs.open(file, 'r').catch(() => undefined);
  if (!fh) return Buffer.alloc(0);
  try {
    const buf = Buffer.alloc(MAX_SCRIPT_BODY_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function responseInput(events: readonly InetEvent[], finished: FinishedEvent, bodyFile: string): Promise<ResponseInput> {
  const head = [...events].reverse().find((e) => e.type === 'headers');
  const block = head?.type === 'headers' ? parseHeaderBlock(head.rawHeaders) : { firstLine: '', headers: [] };
  const reason = block.firstLine.split(' ').slice(2).join(' ');
  return { status: finished.statusCode, reason, headers: block.headers, body: await bodyHead(bodyFile), timeMs: finished.t };
}
