// A small list the core keeps in a JSON file of the data dir ({"<key>": [...]}): read once
// at start, written whole and atomically after each change, one write at a time, in order.
// A file that cannot be parsed is never written over: it is set aside (set-aside.ts), said
// in the log, and the list starts empty.
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.js';
import type { Log } from './command-failure.js';
import { readDataFile } from './json-data-file.js';
import { setAside } from './set-aside.js';
import { issueText } from '../contract/zod-issue.js';

/** Far above any list a person keeps (workspaces, trusted folders): a bigger file is not one. */
const MAX_LIST_FILE_BYTES = 16 * 1024 * 1024;

export interface ListFileOptions<T> {
  file: string;
  /** The list's key in the file. */
  key: string;
  item: z.ZodType<T>;
  /** What the log calls it ("workspaces", "script trust"). */
  what: string;
  log: Log;
  mode?: number;
}

export class JsonListFile<T> {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly o: ListFileOptions<T>,
    private list: T[],
  ) {}

  static async load<T>(o: ListFileOptions<T>): Promise<JsonListFile<T>> {
    const schema = z.object({ [o.key]: z.array(o.item) });
    const read = await readDataFile<T[]>(o.file, MAX_LIST_FILE_BYTES, (json) => {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { value: parsed.data[o.key] as T[] };
      return { bad: `is not a ${o.what} list (${issueText(parsed.error, 'file')})` };
    });
    if ('value' in read) return new JsonListFile(o, read.value);
    if ('unreadable' in read) o.log(`${o.what}: cannot read ${o.file} (${read.unreadable}); starting empty`);
    if ('bad' in read) {
      const aside = await setAside(o.file).catch((err: Error) => `not set aside (${err.message})`);
      o.log(`${o.what}: ${o.file} ${read.bad}; kept as ${aside}, starting empty`);
    }
    return new JsonListFile(o, []);
  }

  get items(): readonly T[] {
    return this.list;
  }

  /** Replaces the list and writes it (after the writes before it). */
  save(list: T[]): Promise<void> {
    this.list = list;
    const text = JSON.stringify({ [this.o.key]: list }, null, 2) + '\n';
    const run = this.writing.then(() => writeFileAtomic(this.o.file, text, this.o.mode));
    this.writing = run.catch(() => {});
    return run;
  }
}
