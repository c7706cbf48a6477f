// Finished exchanges in <dataDir>/history.ndjson, append-only, one JSON line each:
// summary + request draft + every event (bodies live in the body store). Only summaries
// and line offsets stay in memory; an entry's events are read back from the file on demand.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { HistorySummarySchema } from '../contract/api.js';
import { RequestDraftSchema } from '../contract/request.js';
import { InetEventSchema } from '../contract/events.js';
import { UsedVariableSchema } from '../contract/variables.js';
import { CommandFailure, type Log } from './command-failure.js';
import { scanLines } from './ndjson-scan.js';

const HistoryEntrySchema = z.object({
  summary: HistorySummarySchema,
  /** What was sent: variables resolved. */
  request: RequestDraftSchema,
  events: z.array(InetEventSchema),
  /** The variables the request used; each secret's value so an export can mask it (core only). */
  variables: z
    .object({
      used: z.array(UsedVariableSchema),
      secrets: z.array(z.object({ name: z.string(), value: z.string() })),
    })
    .optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type HistorySummary = z.infer<typeof HistorySummarySchema>;

interface Indexed {
  summary: HistorySummary;
  offset: number;
  length: number;
}

export class HistoryStore {
  private appending: Promise<void> = Promise.resolve();
  /** Each id's last line: a whole-history export looks up every id. */
  private readonly latest = new Map<string, Indexed>();
  /** Each saved request's latest entry with a response (a chained variable's source). */
  private readonly latestSaved = new Map<string, HistorySummary>();

  private constructor(
    private readonly file: string,
    private readonly index: Indexed[],
    private size: number,
    /** The file ends in a torn line: the next append starts on a fresh line. */
    private needsNewline: boolean,
  ) {
    for (const i of index) this.indexed(i);
  }

  private indexed(i: Indexed): void {
    this.latest.set(i.summary.id, i);
    const { saved, statusCode } = i.summary;
    if (saved && statusCode !== undefined) this.latestSaved.set(savedKey(saved.workspaceId, saved.path), i.summary);
  }

  /** The latest entry sent from the saved request at `path` that got a response, from memory. */
  latestFor(workspaceId: string, path: string): HistorySummary | undefined {
    return this.latestSaved.get(savedKey(workspaceId, path));
  }

  static async load(dataDir: string, log: Log): Promise<HistoryStore> {
    const file = path.join(dataDir, 'history.ndjson');
    const index: Indexed[] = [];
    let size = 0;
    let torn = false;
    try {
      for await (const line of scanLines(file)) {
        size = line.offset + line.length + (line.terminated ? 1 : 0);
        torn = !line.terminated;
        const summary = parseSummary(line.text);
        if (summary) index.push({ summary, offset: line.offset, length: line.length });
        else if (line.text.trim()) log(`history: skipped an unreadable line at byte ${line.offset} of ${file}${line.terminated ? '' : ' (torn last write)'}`);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log(`history: cannot read ${file} (${(e as Error).message}); starting empty`);
    }
    return new HistoryStore(file, index, size, torn);
  }

  /** Appends one entry (fsynced) and indexes it. */
  append(entry: HistoryEntry): Promise<void> {
    return this.appendMany([entry]);
  }

  /** Appends entries with one write and one fsync (a HAR import brings many at once). */
  appendMany(entries: HistoryEntry[]): Promise<void> {
    const lines = entries.map((entry) => Buffer.from(JSON.stringify(entry) + '\n'));
    const run = this.appending.then(async () => {
      const prefix = this.needsNewline ? Buffer.from('\n') : Buffer.alloc(0);
      const fh = await fs.open(this.file, 'a');
      try {
        await fh.writeFile(Buffer.concat([prefix, ...lines]));
        await fh.datasync();
      } finally {
        await fh.close();
      }
      this.needsNewline = false;
      let offset = this.size + prefix.length;
      entries.forEach((entry, i) => {
        const length = lines[i]!.length;
        const indexed = { summary: entry.summary, offset, length: length - 1 };
        this.index.push(indexed);
        this.indexed(indexed);
        offset += length;
      });
      this.size = offset;
    });
    this.appending = run.catch(() => {});
    return run;
  }

  /** Every entry's id, oldest first (an id appended again counts once, at its last place). */
  ids(): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (let i = this.index.length - 1; i >= 0; i--) {
      const id = this.index[i]!.summary.id;
      if (!seen.has(id)) out.push(id);
      seen.add(id);
    }
    return out.reverse();
  }

  /** Newest first; `query` matches the method or the URL, case-insensitively. */
  list(query: string | undefined, limit: number, offset: number): { entries: HistorySummary[]; total: number } {
    const q = query?.trim().toLowerCase();
    const matches: HistorySummary[] = [];
    for (let i = this.index.length - 1; i >= 0; i--) {
      const s = this.index[i]!.summary;
      if (!q || `${s.method} ${s.url}`.toLowerCase().includes(q)) matches.push(s);
    }
    return { entries: matches.slice(offset, offset + limit), total: matches.length };
  }

  async get(id: string): Promise<HistoryEntry> {
    for await (const entry of this.getMany([id])) return entry;
    throw new Error('unreachable');
  }

  /** The entries of `ids` in that order, read through one open file (a whole-history export). */
  async *getMany(ids: readonly string[]): AsyncGenerator<HistoryEntry> {
    const found = ids.map((id) => {
      const f = this.findLast(id);
      if (!f) throw new CommandFailure('NOT_FOUND', `no history entry with id ${id}`);
      return f;
    });
    if (found.length === 0) return;
    const fh = await fs.open(this.file, 'r');
    try {
      for (const f of found) {
        const buf = Buffer.alloc(f.length);
        await fh.read(buf, 0, f.length, f.offset);
        yield HistoryEntrySchema.parse(JSON.parse(buf.toString('utf8')));
      }
    } finally {
      await fh.close();
    }
  }

  /** The entry's summary, from memory (no file read). */
  summary(id: string): HistorySummary | undefined {
    return this.findLast(id)?.summary;
  }

  has(id: string): boolean {
    return this.findLast(id) !== undefined;
  }

  /** Waits for appends already started (close). */
  flushed(): Promise<void> {
    return this.appending;
  }

  private findLast(id: string): Indexed | undefined {
    return this.latest.get(id);
  }
}

const savedKey = (workspaceId: string, path: string): string => `${workspaceId}\n${path}`;

/** Only the summary is checked at load (fast); the whole entry is checked when it is read. */
function parseSummary(text: string): HistorySummary | undefined {
  try {
    const obj = JSON.parse(text) as { summary?: unknown; events?: unknown };
    if (!Array.isArray(obj.events)) return undefined;
    const r = HistorySummarySchema.safeParse(obj.summary);
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}
