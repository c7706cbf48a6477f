// --compressed: the body written decoded, as curl writes it. The wire bytes stream through
// core/body-decode.ts's chain on their way out (stdout as they arrive, -o at the end), so
// no body is ever held whole. Like curl, no bound on the decoded size: it goes where the
// user sends it, never into memory.
import fs from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseCodings, type Coding } from '../domain/content-coding.js';
import { decodeChain, decodeFile } from '../core/body-decode.js';

/** A coding curl would refuse, or a corrupt one: curl's exit 61. */
export class DecodingError extends Error {}

export const EXIT_BAD_CONTENT_ENCODING = 61;
const NO_BOUND = Number.MAX_SAFE_INTEGER;

/** The codings to undo for a Content-Encoding header, or why they cannot be undone. */
export function codingsToUndo(header: string | undefined): Coding[] {
  const c = parseCodings(header);
  if (c.kind === 'unknown') throw new DecodingError(`unrecognized content encoding ${JSON.stringify(c.name)}: inetscope decodes deflate, gzip, br and zstd`);
  return c.kind === 'none' ? [] : c.applied;
}

const named = (e: unknown): DecodingError => new DecodingError(`cannot decode the body: ${(e as Error).message}`);

/** A writable that decodes into `out` (left open); `done` settles when all of it is written. */
export function decodingWriter(applied: Coding[], out: NodeJS.WritableStream): { input: Writable; done: Promise<void> } {
  const input = new PassThrough();
  const chain = decodeChain(applied, NO_BOUND);
  const done = pipeline([input, ...chain.streams, out as Writable], { end: false }).catch((e: unknown) => {
    throw named(chain.failure(e));
  });
  return { input, done };
}

/** -o with --compressed: the wire file decoded into `target`. */
export async function decodeToFile(source: string, target: string, applied: Coding[]): Promise<void> {
  if (!fs.existsSync(source)) return void fs.writeFileSync(target, '');
  await decodeFile(source, target, applied, NO_BOUND).catch((e: unknown) => {
    throw named(e);
  });
}
