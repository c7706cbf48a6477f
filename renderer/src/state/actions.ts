// What the UI does with the platform: send, cancel, save. The push subscription is made
// (main.tsx) before anything can be sent.
import type { Platform } from '../platform/index.js';
import { PlatformError } from '../platform/index.js';
import { draftToRequest } from './draft.js';
import { activeTab, appStore } from './store.js';

export const describeError = (e: unknown): string =>
  e instanceof PlatformError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);

/** Sends the active tab's draft; the renderer mints the request id. */
export async function sendActive(platform: Platform): Promise<void> {
  const s = appStore.getState();
  const tab = activeTab(s);
  if (tab.inFlightId !== undefined) return;
  const r = draftToRequest(tab.draft);
  if (!r.ok) {
    s.failRequest(tab.key, undefined, r.message);
    return;
  }
  const id = crypto.randomUUID();
  s.beginRequest(tab.key, id);
  try {
    await platform.call('sendRequest', { id, request: r.request });
  } catch (e) {
    appStore.getState().failRequest(tab.key, id, describeError(e));
  }
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

/** Saves a response body; returns a line for the UI. */
export async function saveResponse(platform: Platform, id: string): Promise<string> {
  try {
    const r = await platform.call('saveBody', { id });
    return r.saved ? `Saved ${r.bytes} bytes to ${r.path}` : 'Not saved.';
  } catch (e) {
    return `Save failed: ${describeError(e)}`;
  }
}
