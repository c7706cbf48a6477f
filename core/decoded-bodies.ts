// The decoded copy of a stored body, beside its wire bytes (<id>.decoded next to <id>.body).
// Made on demand, once, when a viewer, a save or a HAR export first asks: most bodies are
// never looked at decoded, and a finish must not wait on decoding a large body. A failed
// decode is remembered as its sentence; the wire bytes stay readable either way.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { codingLabel, parseCodings } from '../domain/content-coding.js';
import { headerValue, parseHeaderBlock } from '../domain/har/text.js';
import type { InetEvent } from '../contract/events.js';
import type { BodySlice, BodyStore } from './body-store.js';
import { readFileSlice } from './body-store.js';
import { decodeFile } from './body-decode.js';
import { CommandFailure } from './command-failure.js';
import type { HistoryStore } from './history-store.js';

export type BodyView = 'wire' | 'decoded';

export interface BodyDescription {
  wireBytes: number;
  /** The Content-Encoding's codings ("gzip", "gzip, br"), when there are any. */
  coding?: string;
  decodedBytes?: number;
  /** Why there is no decoded body although there is a coding (unknown coding, corrupt data, the bound). */
  decodeError?: string;
}

type Outcome = { bytes: number } | { error: string };

/** The Content-Encoding of the final response's head (each hop has its own headers event). */
export function contentEncodingOf(events: InetEvent[]): string | undefined {
  let raw = '';
  for (const e of events) if (e.type === 'headers') raw = e.rawHeaders;
  return headerValue(parseHeaderBlock(raw).headers, 'content-encoding');
}

export class DecodedBodies {
  private readonly outcomes = new Map<string, Promise<Outcome>>();

  constructor(
    private readonly bodies: BodyStore,
    private readonly history: HistoryStore,
    /** The bound on a decoded size: the body store's own limit. */
    private readonly limitBytes: () => number,
  ) {}

  async describe(id: string): Promise<BodyDescription> {
    if (this.bodies.isInFlight(id)) throw new CommandFailure('NOT_FINISHED', `request ${id} is still running; its decoded body is made when it has finished`);
    const wireBytes = await fsp.stat(this.bodies.pathFor(id)).then((s) => s.size, () => 0);
    const codings = parseCodings(contentEncodingOf((await this.history.get(id)).events));
    if (codings.kind === 'none' || wireBytes === 0) return { wireBytes };
    if (codings.kind === 'unknown') return { wireBytes, coding: codings.name, decodeError: `the ${codings.name} coding is not one InetScope decodes (gzip, deflate, br, zstd): only the wire bytes are shown` };
    const coding = codingLabel(codings.applied);
    let outcome = this.outcomes.get(id);
    // The store evicts the decoded copy with its body: a cached size without its file is redone.
    if (outcome && 'bytes' in (await outcome) && !fs.existsSync(this.bodies.decodedPathFor(id))) outcome = undefined;
    if (!outcome) {
      const target = this.bodies.decodedPathFor(id);
      outcome = decodeFile(this.bodies.pathFor(id), target, codings.applied, this.limitBytes()).then(
        async (bytes) => (await this.bodies.noteDecoded(id, bytes), { bytes }),
        (e: Error) => ({ error: e.message }),
      );
      this.outcomes.set(id, outcome);
    }
    const done = await outcome;
    return 'bytes' in done ? { wireBytes, coding, decodedBytes: done.bytes } : { wireBytes, coding, decodeError: done.error };
  }

  /** The decoded file's path, or a failure that says why there is none. */
  async pathFor(id: string): Promise<string> {
    const d = await this.describe(id);
    if (d.decodedBytes !== undefined) return this.bodies.decodedPathFor(id);
    throw new CommandFailure('NOT_DECODED', d.decodeError ?? `the body of ${id} has no Content-Encoding: its wire bytes are the body`);
  }

  async readSlice(id: string, offset: number, length: number): Promise<BodySlice> {
    return readFileSlice(await this.pathFor(id), offset, length, true);
  }
}
