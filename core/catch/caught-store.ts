// The requests the catch server caught, newest last: each with its summary, its timeline
// and its body file under <dir>/<id>.body. Held in memory for this run (bodies on disk);
// above `max` entries the oldest finished ones go, with their files.
import fs from 'node:fs';
import type { CatchEvent, CaughtSummary } from '../../contract/catch.js';
import { Recorder } from './recorder.js';
import path from 'node:path';

export interface CaughtEntry {
  summary: CaughtSummary;
  rec: Recorder;
  bodyFile: string;
}

type CaughtListener = (event: CatchEvent, summary: CaughtSummary) => void;

const DEFAULT_MAX = 1000;

export class CaughtStore {
  private readonly entries = new Map<string, CaughtEntry>();
  /** Body bytes of the entries kept (their files on disk): the run's total limit counts these. */
  totalBytes = 0;

  constructor(
    readonly dir: string,
    private readonly onEvent: CaughtListener,
    private readonly max = DEFAULT_MAX,
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  create(summary: CaughtSummary, t0: number): CaughtEntry {
    const entry: CaughtEntry = {
      summary,
      bodyFile: path.join(this.dir, `${summary.id}.body`),
      rec: new Recorder(summary.id, t0, (e) => this.onEvent(e, entry.summary)),
    };
    this.entries.set(summary.id, entry);
    this.evict();
    return entry;
  }

  addBytes(n: number): void {
    this.totalBytes += n;
  }

  get(id: string): CaughtEntry | undefined {
    return this.entries.get(id);
  }

  /** Newest first. */
  list(limit: number): { requests: CaughtSummary[]; total: number } {
    const all = [...this.entries.values()];
    return { requests: all.slice(-limit).reverse().map((e) => e.summary), total: all.length };
  }

  private evict(): void {
    for (const [id, e] of this.entries) {
      if (this.entries.size <= this.max) return;
      if (e.summary.state !== 'done' && e.summary.state !== 'aborted') continue;
      this.entries.delete(id);
      this.totalBytes -= e.summary.bodyBytes;
      fs.rm(e.bodyFile, { force: true }, () => {});
    }
  }
}
