// User settings in <dataDir>/settings.json. A missing or corrupt file must never stop the
// app from starting: it falls back to defaults and says so in the log.
import fs from 'node:fs/promises';
import path from 'node:path';
import { SettingsSchema, type Settings } from '../contract/api.js';
import { writeFileAtomic } from './atomic-file.js';
import type { Log } from './command-failure.js';

export class SettingsStore {
  /** Writes run one after another so the file always holds the latest merge. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private current: Settings,
  ) {}

  static async load(dataDir: string, log: Log): Promise<SettingsStore> {
    const file = path.join(dataDir, 'settings.json');
    return new SettingsStore(file, await readSettings(file, log));
  }

  get(): Settings {
    return { ...this.current };
  }

  /** Merges a partial (already parsed) into the settings and persists the result. */
  async set(partial: Partial<Settings>): Promise<Settings> {
    const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
    const next = SettingsSchema.parse({ ...this.current, ...defined });
    this.current = next;
    const text = JSON.stringify(next, null, 2) + '\n';
    const write = this.writing.then(() => writeFileAtomic(this.file, text));
    this.writing = write.catch(() => {});
    await write;
    return { ...next };
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
