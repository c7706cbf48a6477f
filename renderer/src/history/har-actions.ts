// HAR export and import through the core, each reported in one line for the sidebar.
import { describeError, type Platform } from '../platform/index.js';
import { formatBytes } from '../format.js';
import { fileTokenFor } from '../composer/uploader.js';
import { refreshHistory } from './history-actions.js';
import { setReport, type Report } from './history-store.js';

/** `ids` undefined: the whole history. Secrets' values are written as {{name}} unless `includeSecrets`. */
export async function exportHar(platform: Platform, ids: string[] | undefined, inlineBodyLimitBytes: number, includeSecrets = false): Promise<Report> {
  try {
    const r = await platform.call('exportHar', { ...(ids ? { ids } : {}), inlineBodyLimitBytes, includeSecrets });
    if (!r.saved) return { kind: 'info', text: 'HAR export cancelled: nothing saved.' };
    return { kind: 'info', text: `Exported ${r.entries} HAR ${r.entries === 1 ? 'entry' : 'entries'} (${formatBytes(r.bytes)}) to ${r.path}` };
  } catch (e) {
    return { kind: 'error', text: `HAR export failed: ${describeError(e)}` };
  }
}

/** "2 imported, 1 skipped (#3: no request URL)"; the reasons of the first few skipped. */
export function importSummary(imported: number, skipped: ReadonlyArray<{ index: number; reason: string }>): string {
  const head = `${imported} imported, ${skipped.length} skipped`;
  if (skipped.length === 0) return head;
  // The core's reasons may already name the entry.
  const shown = skipped.slice(0, 3).map((s) => (/^entry \d+/i.test(s.reason) ? s.reason : `entry ${s.index}: ${s.reason}`));
  const more = skipped.length > shown.length ? `; and ${skipped.length - shown.length} more` : '';
  return `${head} (${shown.join('; ')}${more})`;
}

/** Imports a HAR file; its entries join the history (newest first, so at the top). */
export async function importHar(platform: Platform, file?: File): Promise<void> {
  setReport({ kind: 'busy', text: file ? `Uploading ${file.name}…` : 'Choose a HAR file…' });
  try {
    const f = await fileTokenFor(platform, file, (line) => setReport({ kind: 'busy', text: line }));
    if (!f) return setReport(undefined);
    setReport({ kind: 'busy', text: `Importing ${f.name}…` });
    const r = await platform.call('importHar', { fileToken: f.token });
    setReport({ kind: r.ids.length > 0 ? 'info' : 'error', text: `${f.name}: ${importSummary(r.ids.length, r.skipped)}` });
    refreshHistory(platform);
  } catch (e) {
    setReport({ kind: 'error', text: `HAR import failed: ${describeError(e)}` });
  }
}
