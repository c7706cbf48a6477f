// A small list the core keeps in a JSON file of the data dir ({"<key>": [...]}): read once
// at start, written whole and atomically after each change, one write at a time, in order.
// A file that cannot be parsed is never written over: it is set aside (set-aside.ts), said
// in the log, and the list starts empty.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.js';
import type { Log } from './command-failure.js';
import { setAside } from './set-aside.js';

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
    let text: string;
    try {
      text = await fs.readFile(o.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') o.log(`${o.what}: cannot read ${o.file} (${(e as Error).message}); starting empty`);
      return new JsonListFile(o, []);
    }
    const schema = z.object({ [o.key]: z.array(o.item) });
    try {
      return new JsonListFile(o, schema.parse(JSON.parse(text))[o.key] as T[]);
    } catch (e) {
      const aside = await setAside(o.file).catch((err: Error) => `not set aside (${err.message})`);
      o.log(`${o.what}: ${o.file} is malformed (${(e as Error).message.split('\n')[0]}); kept as ${aside}, starting empty`);
      return new JsonListFile(o, []);
    }
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
