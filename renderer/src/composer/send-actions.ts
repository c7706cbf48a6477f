// Sending the active tab's draft, and cancelling it. The push subscription is made (main.tsx)
// before anything can be sent.
import { describeError, PlatformError, type Platform } from '../platform/index.js';
import { askTrust, SCRIPTS_NOT_TRUSTED, sendsWithoutScripts } from '../scripts/script-trust.js';
import type { RequestDraft } from '../../../contract/request.js';
import type { ComposerClientCert } from '../../../contract/composer-draft.js';
import { uploadPending, uploadPendingRef } from './uploader.js';
import { draftToRequest, urlFieldProblem, type Draft } from './draft.js';
import { appStore } from '../app-store.js';
import { sendContextOf } from '../collections/collections-slice.js';
import { activeTab } from '../tabs/tabs-slice.js';

/** Sends the active tab's draft; the renderer mints the request id. A workspace with
 * scripts that is not trusted asks once (scripts/script-trust.ts). */
export async function sendActive(platform: Platform): Promise<void> {
  const s = appStore.getState();
  const tab = activeTab(s);
  // Not connected: the Send button is disabled and the tab says why (Ctrl+Enter lands here).
  if (tab.inFlightId !== undefined || s.connection === 'reconnecting') return;
  const r = await prepareDraft(platform, tab.key, tab.draft);
  if (!r) return;
  const id = crypto.randomUUID();
  appStore.getState().beginRequest(tab.key, id);
  try {
    // The template goes as typed; the core resolves its {{variables}} in the context's scopes.
    const context = sendContextOf(appStore.getState(), tab);
    const withoutScripts = sendsWithoutScripts(context?.workspaceId) ? { withoutScripts: true } : {};
    const accepted = await platform.call('sendRequest', { id, request: r, ...(context ? { context } : {}), ...withoutScripts });
    if (accepted.engineStarting) appStore.getState().setEngineStarting(id, accepted.engineStarting);
  } catch (e) {
    const context = sendContextOf(appStore.getState(), tab);
    if (e instanceof PlatformError && e.code === SCRIPTS_NOT_TRUSTED && context) {
      appStore.getState().failRequest(tab.key, id, "Not sent: this workspace's scripts wait for your answer.");
      return askTrust(tab.key, context.workspaceId);
    }
    appStore.getState().failRequest(tab.key, id, describeError(e));
  }
}

let uploading = false;

/** Uploads the files the page holds (browser mode), then converts once; undefined if refused.
 * The URL field's own check comes first, so a bad URL does not first cost a large upload. */
async function prepareDraft(platform: Platform, key: string, draft: Draft): Promise<RequestDraft | undefined> {
  const refuse = (message: string): undefined => void appStore.getState().failRequest(key, undefined, message);
  const urlProblem = draft.url.trim() === '' ? 'Enter a URL.' : urlFieldProblem(draft.url);
  if (urlProblem) return refuse(urlProblem);
  if (uploading) return undefined;
  uploading = true;
  try {
    const caFile = await uploadPendingRef(platform, draft.options.caFile);
    const clientCert = await uploadClientCert(platform, draft.options.clientCert);
    const r = draftToRequest({ ...draft, bodyDraft: await uploadPending(platform, draft.bodyDraft), options: { ...draft.options, caFile, clientCert } });
    return r.ok ? r.request : refuse(r.message);
  } catch (e) {
    return refuse(describeError(e));
  } finally {
    uploading = false;
  }
}

async function uploadClientCert(platform: Platform, c: ComposerClientCert | undefined): Promise<ComposerClientCert | undefined> {
  if (!c) return undefined;
  const cert = (await uploadPendingRef(platform, c.cert)) ?? c.cert;
  const key = await uploadPendingRef(platform, c.key);
  return { ...c, cert, ...(key ? { key } : {}) };
}

export async function cancelActive(platform: Platform): Promise<void> {
  const tab = activeTab(appStore.getState());
  if (tab.inFlightId === undefined) return;
  try {
    await platform.call('cancelRequest', { id: tab.inFlightId });
  } catch (e) {
    appStore.getState().failRequest(tab.key, undefined, describeError(e));
  }
}
