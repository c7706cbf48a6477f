// What the Catch panel does with the platform: start and stop the server, set its rules,
// load a caught request's timeline, save its body, compose a request from it.
import type { CatchLimits, CatchRuleInput } from '../../../contract/catch.js';
import { describeError, type Platform } from '../platform/index.js';
import { appStore } from '../app-store.js';
import { decodeBase64 } from '../response/use-body.js';
import { composeDraft, composeUrl, decodeText, TEXT_BODY_MAX, type ComposedBody } from './catch-format.js';
import { catchStore } from './catch-store.js';

async function guarded(run: () => Promise<void>): Promise<void> {
  try {
    catchStore.getState().setError(undefined);
    await run();
  } catch (e) {
    catchStore.getState().setError(describeError(e));
  }
}

export function refreshCatch(platform: Platform): Promise<void> {
  return guarded(async () => {
    const status = await platform.call('catchServerStatus', {});
    catchStore.getState().setStatus(status);
    // A server started earlier (another window, before a reload): its rules, not an empty list.
    if (status.running && catchStore.getState().rulesText === '[]' && status.rules.length > 0) catchStore.getState().setRulesText(JSON.stringify(status.rules, null, 2));
    const { requests } = await platform.call('listCaught', { limit: 200 });
    catchStore.getState().applyCaught({ kind: 'caught', events: [], requests: [...requests].reverse() });
  });
}

export function startCatch(platform: Platform, host: string, port: string, rules: CatchRuleInput[], limits?: CatchLimits): Promise<void> {
  return guarded(async () => {
    const p = port.trim() === '' ? undefined : Number(port);
    if (p !== undefined && !(Number.isInteger(p) && p >= 0 && p <= 65535)) throw new Error(`"${port}" is not a port number (0-65535, or empty for a free one).`);
    const status = await platform.call('startCatchServer', { host: host.trim() || undefined, port: p, rules, ...(limits ? { limits } : {}) });
    catchStore.getState().setStatus(status);
  });
}

export function stopCatch(platform: Platform): Promise<void> {
  return guarded(async () => catchStore.getState().setStatus(await platform.call('stopCatchServer', {})));
}

export function applyRules(platform: Platform, rules: CatchRuleInput[]): Promise<void> {
  return guarded(async () => catchStore.getState().setStatus(await platform.call('setCatchRules', { rules })));
}

/** Selects a request; its timeline is loaded once if the page has not seen its events. */
export function selectCaught(platform: Platform, id: string): Promise<void> {
  catchStore.getState().select(id);
  if ((catchStore.getState().events[id]?.length ?? 0) > 0) return Promise.resolve();
  return guarded(async () => {
    const { summary, events } = await platform.call('getCaught', { id });
    catchStore.getState().applyCaught({ kind: 'caught', events, requests: [summary] });
  });
}

async function composedBody(platform: Platform, id: string, size: number): Promise<ComposedBody> {
  if (size === 0) return { kind: 'none' };
  if (size <= TEXT_BODY_MAX) {
    const slice = await platform.call('readCaughtBodySlice', { id, offset: 0, length: size });
    const text = decodeText(decodeBase64(slice.base64));
    if (text !== undefined) return { kind: 'text', text };
  }
  const { fileToken } = await platform.call('caughtBodyToken', { id });
  return { kind: 'file', fileToken, size, name: `caught-${id.slice(0, 8)}.body` };
}

/** A new tab with the caught request as its draft; the panel closes onto it. */
export function composeFromCaught(platform: Platform, id: string): Promise<void> {
  return guarded(async () => {
    const c = catchStore.getState();
    const s = c.requests[id];
    if (!s) throw new Error('That request is no longer listed.');
    const body = await composedBody(platform, id, s.bodyBytes);
    const url = composeUrl(s, c.status.running ? c.status.url : undefined);
    const app = appStore.getState();
    const key = app.newTab();
    app.updateDraft(key, (d) => composeDraft(s, url, body, d.options.engine));
    c.setOpen(false);
  });
}
