// User settings in <dataDir>/settings.json. A missing or corrupt file must never stop the
// app from starting: it falls back to defaults and says so in the log.
import fs from 'node:fs/promises';
import path from 'node:path';
import { SettingsSchema, type Settings } from '../contract/api.js';
import { writeFileAtomic } from './atomic-file.js';
import type { Log } from './command-failure.js';

/** Settings the shell fixes at start from what the file holds (browser mode: the downloads folder). */
export type FixedSettings = (stored: Settings) => Partial<Settings>;

export class SettingsStore {
  /** Writes run one after another so the file always holds the latest merge. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private current: Settings,
    /** Shown over the stored values, never written to the file, never changed by set(). */
    private readonly fixed: Partial<Settings>,
  ) {}

  static async load(dataDir: string, log: Log, fixed?: FixedSettings): Promise<SettingsStore> {
    const file = path.join(dataDir, 'settings.json');
    const stored = await readSettings(file, log);
    return new SettingsStore(file, stored, fixed ? fixed(stored) : {});
  }

  get(): Settings {
    return { ...this.current, ...this.fixed };
  }

  /** Merges a partial (already parsed) into the settings and persists the result. */
  async set(partial: Partial<Settings>): Promise<Settings> {
    const defined = Object.fromEntries(Object.entries(partial).filter(([k, v]) => v !== undefined && !(k in this.fixed)));
    const next = SettingsSchema.parse({ ...this.current, ...defined });
    this.current = next;
    const text = JSON.stringify(next, null, 2) + '\n';
    const write = this.writing.then(() => writeFileAtomic(this.file, text));
    this.writing = write.catch(() => {});
    await write;
    return this.get();
  }
}

async function readSettings(file: string, log: Log): Promise<Settings> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log(`settings: cannot read ${file} (${(e as Error).message}); using defaults`);
    return SettingsSchema.parse({});
  }
  try {
    return SettingsSchema.parse(JSON.parse(text));
  } catch (e) {
    const why = e instanceof SyntaxError ? 'not valid JSON' : 'does not match the settings schema';
    log(`settings: ${file} is ${why}; using defaults`);
    return SettingsSchema.parse({});
  }
}
