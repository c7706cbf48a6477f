// Under a send refused NEEDS_RESPONSE ("{{token}} takes its value from the response of
// "auth/Login.yaml", which has not been sent yet"): a button that opens that saved request in
// its tab and sends it. The refused request is not re-sent by itself: its tab keeps the
// message, and the user sends it again once the source has answered (a failed login should
// not be followed by a send that cannot work).
import { needsResponseRequest } from '../../../domain/chain.js';
import { appStore, useApp } from '../app-store.js';
import { sendContextOf } from '../collections/collections-slice.js';
import { openSaved } from '../collections/save-actions.js';
import { sendActive } from '../composer/send-actions.js';
import type { Platform } from '../platform/index.js';
import { usePlatform } from '../platform/platform-context.js';
import { activeTab } from '../tabs/tabs-slice.js';

async function sendSource(platform: Platform, workspaceId: string, path: string): Promise<void> {
  await openSaved(platform, workspaceId, path);
  const saved = activeTab(appStore.getState()).saved;
  // Opening it may have failed (it says so): nothing else is sent.
  if (saved?.workspaceId === workspaceId && saved.path === path) await sendActive(platform);
}

export function SendSourceButton({ error }: { error: string }) {
  const platform = usePlatform();
  const path = needsResponseRequest(error);
  const workspaceId = useApp((s) => sendContextOf(s, activeTab(s))?.workspaceId);
  const name = useApp((s) => (workspaceId === undefined ? undefined : s.trees[workspaceId]?.items.find((i) => i.kind === 'request' && i.path === path)?.name));
  if (path === undefined || workspaceId === undefined) return null;
  const folder = path.includes('/') ? `${path.slice(0, path.lastIndexOf('/'))}/` : '';
  return (
    <button type="button" className="btn btn-small" data-testid="send-source" onClick={() => void sendSource(platform, workspaceId, path)}>
      Send {name === undefined ? path : `${folder}${name}`}
    </button>
  );
}
