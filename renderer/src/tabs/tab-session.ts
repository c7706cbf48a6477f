// The tabs slice ↔ the tab session the core keeps (contract/tab-session.ts). What lives only
// in this page is left out: a request in flight, a refused send's error, and file tokens
// and page-held files (a core token is for one run, a page's File for one page), so a
// restored file is its name, to be chosen again (the ref with neither token nor localId is
// how the composer says so). Pure.
import type { ComposerDraft, FileRef, MultipartRow } from '../../../contract/composer-draft.js';
import type { TabSession } from '../../../contract/tab-session.js';
import type { Tab, TabsSlice } from './tabs-slice.js';

const nameOnly = (f: FileRef): FileRef => ({ name: f.name, size: f.size });

/** The draft with each file ref reduced to its name, and a note per file that needs choosing. */
export function forgetFiles(draft: ComposerDraft): { draft: ComposerDraft; files: string[] } {
  const files: string[] = [];
  const keep = (f: FileRef, what: string): FileRef => {
    files.push(`${what} (${f.name})`);
    return nameOnly(f);
  };
  const { binary, multipart } = draft.bodyDraft;
  const rows = multipart.map((r): MultipartRow => (r.file ? { ...r, file: keep(r.file, `part "${r.name}"`) } : r));
  const bodyDraft = { ...draft.bodyDraft, multipart: rows, ...(binary ? { binary: keep(binary, 'the binary body') } : {}) };
  const { caFile, clientCert } = draft.options;
  const options = {
    ...draft.options,
    ...(caFile ? { caFile: keep(caFile, 'the CA file') } : {}),
    ...(clientCert ? { clientCert: { ...clientCert, cert: keep(clientCert.cert, 'the client certificate'), ...(clientCert.key ? { key: keep(clientCert.key, 'the client key') } : {}) } } : {}),
  };
  return { draft: { ...draft, bodyDraft, options }, files };
}

const stripped = (d: ComposerDraft): ComposerDraft => forgetFiles(d).draft;

/** What of the tabs is kept across a reload and a restart. */
export function sessionOf(s: Pick<TabsSlice, 'tabs' | 'activeTab'>): TabSession {
  return {
    tabs: s.tabs.map((t) => ({
      key: t.key,
      ...(t.title !== undefined ? { title: t.title } : {}),
      draft: stripped(t.draft),
      ...(t.saved ? { saved: t.saved } : {}),
      ...(t.baseline ? { baseline: stripped(t.baseline) } : {}),
      ...(t.requestId ? { requestId: t.requestId } : {}),
    })),
    activeTab: s.activeTab,
  };
}

/** A stored session as tabs; `notes`: the files each tab needs chosen again. */
export function tabsOf(session: TabSession): { tabs: Tab[]; activeTab: string; notes: string[] } {
  const notes: string[] = [];
  const tabs = session.tabs.map((t, i): Tab => {
    const { draft, files } = forgetFiles(t.draft);
    if (files.length > 0) notes.push(`Tab ${i + 1}: choose ${files.join(', ')} again.`);
    return { ...t, draft };
  });
  return { tabs, activeTab: session.activeTab, notes };
}
