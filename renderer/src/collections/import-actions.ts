// "Import collection (Postman, Insomnia, OpenAPI)…" and "Import Postman environment…": the file from the platform's picker (or
// the page's file input, uploaded in chunks) goes to the core, which writes it into the
// workspace shown; the answer opens a dialog with what was not carried over, per item.
import { describeError, type Platform } from '../platform/index.js';
import { fileTokenFor } from '../composer/uploader.js';
import { appStore } from '../app-store.js';
import { openDialog } from '../dialogs/dialog-store.js';
import { changeWorkspace } from './workspace-actions.js';
import { report } from './ui-store.js';

export type ImportKind = 'collection' | 'environment';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export async function importIntoWorkspace(platform: Platform, kind: ImportKind, file?: File): Promise<void> {
  const id = appStore.getState().workspaceId;
  if (id === undefined) return;
  report({ kind: 'busy', text: file ? `Uploading ${file.name}…` : `Choose the ${kind} file…` });
  try {
    const f = await fileTokenFor(platform, file, (line) => report({ kind: 'busy', text: line }));
    if (!f) return report(undefined);
    report({ kind: 'busy', text: `Importing ${f.name}…` });
    const out = await changeWorkspace(platform, id, async () => {
      if (kind === 'collection') {
        const r = await platform.call('importCollection', { id, fileToken: f.token });
        return { line: `${f.name}: ${plural(r.requests, 'request', 'requests')} imported into the folder ${r.folder}`, notes: r.notes };
      }
      const r = await platform.call('importEnvironment', { id, fileToken: f.token });
      return { line: `${f.name}: the environment ${r.environment} with ${plural(r.variables, 'variable', 'variables')} imported`, notes: r.notes };
    });
    report({ kind: 'info', text: out.line });
    const summary = out.notes.length === 0 ? `${out.line}. Everything was carried over.` : `${out.line}. ${plural(out.notes.length, 'thing was', 'things were')} not carried over as is:`;
    openDialog('importResult', { importResult: { title: kind === 'collection' ? 'Collection imported' : 'Environment imported', summary, notes: out.notes } });
  } catch (e) {
    report({ kind: 'error', text: `Import failed: ${describeError(e)}` });
  }
}
