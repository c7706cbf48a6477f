// The OAuth 2.0 token of the active tab's auth, as the core caches it for the tab's
// workspace: its status (refetched when the auth or workspace changes), "Get new token"
// (client credentials in the core; the code grant's sign-in through the browser: the shell
// opens it, or this page in a new tab) and "Clear token".
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OAuth2Auth, OAuth2TokenStatus } from '../../../contract/oauth.js';
import { appStore, useApp } from '../app-store.js';
import { sendContextOf } from '../collections/collections-slice.js';
import { describeError } from '../platform/index.js';
import { usePlatform } from '../platform/platform-context.js';
import { activeTab } from '../tabs/tabs-slice.js';

const target = (auth: OAuth2Auth) => {
  const s = appStore.getState();
  const tab = activeTab(s);
  const context = sendContextOf(s, tab);
  return { auth, ...(context ? { context } : {}), engine: tab.draft.options.engine };
};

export function useOAuth2Token(auth: OAuth2Auth) {
  const platform = usePlatform();
  const workspaceId = useApp((s) => sendContextOf(s, activeTab(s))?.workspaceId);
  const [status, setStatus] = useState<OAuth2TokenStatus | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const flowId = useRef<string | undefined>(undefined);
  const key = JSON.stringify(auth);
  useEffect(() => {
    let live = true;
    platform.call('oauthTokenStatus', target(auth)).then(
      (s) => live && setStatus(s),
      () => live && setStatus(undefined),
    );
    return () => void (live = false);
    // Keyed by the auth's value: a new object with the same fields is the same token.
  }, [platform, key, workspaceId]);
  const act = useCallback(
    async (what: string, work: () => Promise<OAuth2TokenStatus>) => {
      setBusy(what);
      setError(undefined);
      try {
        setStatus(await work());
      } catch (e) {
        setError(describeError(e));
      } finally {
        setBusy(undefined);
      }
    },
    [],
  );
  const getNew = () =>
    act('Getting a token…', async () => {
      if (auth.grant === 'client_credentials') return platform.call('getOAuthToken', target(auth));
      const flow = await platform.call('startOAuthAuthorization', target(auth));
      flowId.current = flow.flowId;
      if (!flow.opened) window.open(flow.authorizeUrl, '_blank', 'noopener');
      try {
        return await platform.call('finishOAuthAuthorization', { flowId: flow.flowId });
      } finally {
        flowId.current = undefined;
      }
    });
  /** Ends a sign-in that waits for the browser. */
  const cancel = () => {
    if (flowId.current) void platform.call('cancelOAuthAuthorization', { flowId: flowId.current }).catch(() => {});
  };
  const clear = () =>
    act('Clearing…', async () => {
      await platform.call('clearOAuthToken', target(auth));
      return platform.call('oauthTokenStatus', target(auth));
    });
  return { status, busy, error, getNew, clear, cancel, signingIn: busy !== undefined && auth.grant === 'authorization_code' };
}
