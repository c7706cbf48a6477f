// User settings in <dataDir>/settings.json. A missing or malformed file must never stop the
// app from starting: it falls back to defaults and says so in the log. A malformed file is
// set aside before anything is written (the user's values stay readable); one that cannot
// be read, or set aside, is never written over: changes are refused, naming it.
import path from 'node:path';
import { SettingsSchema, type Settings } from '../contract/api.js';
import { issueText } from '../contract/zod-issue.js';
import { writeFileAtomic } from './atomic-file.js';
import { CommandFailure, type Log } from './command-failure.js';
import { readDataFile } from './json-data-file.js';
import { reason } from './save-target.js';
import { setAside } from './set-aside.js';

/** Far above any settings file; a larger one is not read into memory. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

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
    /** Why the file must not be written over (it could not be read or set aside). */
    private readonly keep: string | undefined,
  ) {}

  static async load(dataDir: string, log: Log, fixed?: FixedSettings): Promise<SettingsStore> {
    const file = path.join(dataDir, 'settings.json');
    const { settings, keep } = await readSettings(file, log);
    return new SettingsStore(file, settings, fixed ? fixed(settings) : {}, keep);
  }

  get(): Settings {
    return { ...this.current, ...this.fixed };
  }

  /** Merges a partial (already parsed) into the settings and persists the result. */
  async set(partial: Partial<Settings>): Promise<Settings> {
    if (this.keep) throw new CommandFailure('SETTINGS_NOT_SAVED', `settings are not saved: ${this.file} ${this.keep}, and it is not written over`);
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

async function readSettings(file: string, log: Log): Promise<{ settings: Settings; keep?: string }> {
  const read = await readDataFile<Settings>(file, MAX_SETTINGS_BYTES, (json) => {
    const parsed = SettingsSchema.safeParse(json);
    return parsed.success ? { value: parsed.data } : { bad: `does not match the settings schema (${issueText(parsed.error, 'file')})` };
  });
  if ('value' in read) return { settings: read.value };
  const settings = SettingsSchema.parse({});
  if ('none' in read) return { settings };
  if ('unreadable' in read) {
    log(`settings: cannot read ${file} (${read.unreadable}); using defaults`);
    return { settings, keep: `could not be read (${read.unreadable})` };
  }
  try {
    const aside = await setAside(file);
    log(`settings: ${file} ${read.bad}; kept as ${aside}, using defaults`);
    return { settings };
  } catch (e) {
    log(`settings: ${file} ${read.bad} and cannot be set aside (${reason(e)}); using defaults`);
    return { settings, keep: `${read.bad} and could not be set aside` };
  }
}
