// The page's side of workspace trust: a send the core refused because the workspace has
// scripts and is not trusted opens the trust dialog once; "Trust and run" is remembered by the
// core (in the data dir), "Send without scripts" by the page for this session, per workspace.
import { openDialog } from '../dialogs/dialog-store.js';
import type { Platform } from '../platform/index.js';

const declined = new Set<string>();

export const SCRIPTS_NOT_TRUSTED = 'SCRIPTS_NOT_TRUSTED';

/** The user chose to send this workspace's requests without their scripts (this session). */
export const sendsWithoutScripts = (workspaceId: string | undefined): boolean => workspaceId !== undefined && declined.has(workspaceId);

export function askTrust(tabKey: string, workspaceId: string): void {
  openDialog('scriptTrust', { tabKey, workspaceId });
}

export async function answerTrust(platform: Platform, workspaceId: string, trust: boolean): Promise<void> {
  if (trust) await platform.call('setWorkspaceTrust', { id: workspaceId, trusted: true });
  else declined.add(workspaceId);
}
