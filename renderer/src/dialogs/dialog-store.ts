// Which modal dialog is open (at most one), with what its opener told it.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ImportNote } from '../../../contract/import.js';

export type DialogName = 'settings' | 'harExport' | 'curlImport' | 'code' | 'saveAs' | 'saveConflict' | 'moveTo' | 'environments' | 'importResult' | 'collectionExport' | 'scriptTrust' | 'closeTab' | 'shortcuts';

export interface OpenDialog {
  name: DialogName;
  /** The code dialog was opened by "Copy as cURL" because the clipboard refused. */
  copyFallback?: boolean;
  /** The tab Save As, the save conflict or closing is about. */
  tabKey?: string;
  /** Save As from closing the tab: a save closes it. */
  thenClose?: boolean;
  /** The workspace item "Move to…" moves. */
  itemPath?: string;
  /** The folder Manage environments opens on ("Edit variables…" of a folder). */
  folder?: string;
  /** What an import into a workspace did, and what it could not carry over. */
  importResult?: { title: string; summary: string; notes: ImportNote[] };
  /** What "Export as…" of the workspace or a folder ('' the workspace) writes. */
  collectionExport?: { kind: ExportKind; folder: string };
  /** The workspace whose scripts the trust dialog asks about. */
  workspaceId?: string;
}

export type ExportKind = 'postman' | 'har' | 'environment';

const dialogs = createStore<{ open?: OpenDialog }>(() => ({}));

export const useOpenDialog = (): OpenDialog | undefined => useStore(dialogs, (s) => s.open);
export const openDialog = (name: DialogName, options: Omit<OpenDialog, 'name'> = {}): void => dialogs.setState({ open: { name, ...options } });
export const closeDialog = (): void => dialogs.setState({ open: undefined });
