// What the Cookies view asks the core: the workspace's jar listed (again when a push says it
// changed), a cookie saved, deleted, a domain or the whole jar cleared. Each failure is a
// report line; the list follows the core's answer, never the page's guess.
import type { Cookie, CookieKey } from '../../../contract/cookies.js';
import { describeError, type Platform } from '../platform/types.js';
import { keyOf } from './cookie-model.js';
import { cookiesStore } from './cookies-store.js';

/** The workspace the view shows now: a listing of another one that arrives late is dropped. */
let wanted: string | undefined;

/** Lists the jar of `id` into the view. */
export async function loadCookies(platform: Platform, id: string): Promise<void> {
  try {
    const { cookies, problem } = await platform.call('listCookies', { id });
    if (wanted !== undefined && wanted !== id) return;
    cookiesStore.setState({ id, cookies, problem });
  } catch (e) {
    cookiesStore.setState({ report: { kind: 'error', text: `Listing the cookies failed: ${describeError(e)}` } });
  }
}

/** Shows the jar of `id` and keeps it up to date while the view is open; returns how to stop. */
export function watchCookies(platform: Platform, id: string): () => void {
  wanted = id;
  if (cookiesStore.getState().id !== id) cookiesStore.setState({ id: undefined, cookies: [], problem: undefined, report: undefined });
  const off = platform.onPush((push) => push.kind === 'cookies' && push.id === wanted && void loadCookies(platform, push.id));
  const offConnection = platform.onConnectionChange((state) => state === 'connected' && void loadCookies(platform, id));
  void loadCookies(platform, id);
  return () => {
    off();
    offConnection();
  };
}

async function run(platform: Platform, id: string, what: string, op: () => Promise<string>): Promise<boolean> {
  try {
    const text = await op();
    cookiesStore.setState({ report: { kind: 'info', text } });
    await loadCookies(platform, id);
    return true;
  } catch (e) {
    cookiesStore.setState({ report: { kind: 'error', text: `${what} failed: ${describeError(e)}` } });
    return false;
  }
}

/** Adds `cookie`, or replaces `was` with it (an edit); true when the core took it. */
export function saveCookie(platform: Platform, id: string, cookie: Cookie, was?: Cookie): Promise<boolean> {
  const renamed = was && (was.name !== cookie.name || was.domain !== cookie.domain || was.path !== cookie.path);
  return run(platform, id, 'Saving the cookie', async () => {
    await platform.call('setCookie', { id, cookie, ...(renamed ? { replaces: keyOf(was) } : {}) });
    return `${was ? 'Saved' : 'Added'} ${cookie.name} (${cookie.domain}).`;
  });
}

export function deleteCookie(platform: Platform, id: string, key: CookieKey): Promise<boolean> {
  return run(platform, id, 'Deleting the cookie', async () => {
    const { deleted } = await platform.call('deleteCookie', { id, key: keyOf(key) });
    return deleted ? `Deleted ${key.name} (${key.domain}).` : `${key.name} (${key.domain}) was gone already.`;
  });
}

export function clearCookies(platform: Platform, id: string, domain?: string): Promise<boolean> {
  return run(platform, id, 'Clearing the cookies', async () => {
    const { cleared } = await platform.call('clearCookies', { id, ...(domain ? { domain } : {}) });
    return `Cleared ${cleared} ${cleared === 1 ? 'cookie' : 'cookies'}${domain ? ` of ${domain}` : ''}.`;
  });
}
