// What the curl/code features do with the active tab: import a pasted command into its
// draft, turn its draft into the request to export (files named, not uploaded), copy it as curl.
import type { ClipboardEvent } from 'react';
import type { RequestDraft } from '../../../contract/request.js';
import { CurlParseError, looksLikeCurl, parseCurlCommand } from '../../../domain/curl/command.js';
import { draftToCurl } from '../../../domain/curl/serialize.js';
import { copyText } from '../timeline/clipboard.js';
import type { FileRef } from '../composer/body-model.js';
import { draftToRequest } from '../composer/draft.js';
import { appStore } from '../app-store.js';
import { activeTab } from '../tabs/tabs-slice.js';
import { interopStore, setCopyStatus, setNotice } from './interop-store.js';
import { openDialog } from '../dialogs/dialog-store.js';
import { importToDraft } from './request-to-draft.js';

/** Replaces the active tab's draft with the command's request; the notice says how it went. */
export function importCurl(text: string): boolean {
  let imp;
  try {
    imp = parseCurlCommand(text);
  } catch (e) {
    if (!(e instanceof CurlParseError)) throw e;
    setNotice(activeTab(appStore.getState()).key, { kind: 'error', title: `Not imported: ${e.message}.`, warnings: [], notes: [] });
    return false;
  }
  const s = appStore.getState();
  const tab = activeTab(s);
  const { draft, warnings } = importToDraft(imp, tab.draft.options.engine);
  // A new request: the old response (and error) no longer belong to what the tab shows.
  s.replaceDraft(tab.key, draft);
  setNotice(tab.key, { kind: 'imported', title: `Imported from cURL: ${draft.method} ${draft.url}`, warnings, notes: imp.notes });
  return true;
}

/** The URL field's paste: a curl command becomes the request instead of URL text. */
export function onUrlPaste(e: ClipboardEvent<HTMLInputElement>): void {
  const text = e.clipboardData.getData('text/plain');
  if (!looksLikeCurl(text)) return;
  e.preventDefault();
  importCurl(text);
}

export type ExportResult = { ok: true; request: RequestDraft; fileName: (token: string) => string } | { ok: false; message: string };

/** The active tab's request as it would be sent, each file (chosen or not) under its name. */
export function activeRequestForExport(): ExportResult {
  const draft = activeTab(appStore.getState()).draft;
  const names = new Map<string, string>();
  const named = (f: FileRef | undefined): FileRef => {
    const token = `export-file-${names.size + 1}`;
    names.set(token, f?.name ?? 'path/to/file');
    return { name: f?.name ?? 'path/to/file', size: f?.size ?? 0, fileToken: token };
  };
  const b = draft.bodyDraft;
  const bodyDraft = {
    ...b,
    ...(b.mode === 'binary' ? { binary: named(b.binary) } : {}),
    multipart: b.multipart.map((r) => (r.kind === 'file' ? { ...r, file: named(r.file) } : r)),
  };
  const r = draftToRequest({ ...draft, bodyDraft });
  if (!r.ok) return r;
  return { ok: true, request: r.request, fileName: (token) => names.get(token) ?? 'file' };
}

/** "Copy as cURL" (button and menu): the clipboard, or the code dialog to copy by hand. */
export async function copyActiveAsCurl(): Promise<void> {
  const key = activeTab(appStore.getState()).key;
  const r = activeRequestForExport();
  if (!r.ok) return setCopyStatus(key, `Not copied: ${r.message}`);
  let command: string;
  try {
    command = draftToCurl(r.request, { fileName: r.fileName });
  } catch (e) {
    // A request no shell command can carry safely (a NUL byte, a header name that is not a token).
    return setCopyStatus(key, `Not copied: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (await copyText(command)) return setCopyStatus(key, 'Copied as cURL.');
  // The clipboard refused: show the command to copy by hand.
  setCopyStatus(key, '');
  interopStore.setState({ language: 'curl' });
  openDialog('code', { copyFallback: true });
}
