// Proxy credentials in a request draft: curl's -U form, and the password as a secret in
// what InetScope keeps of a request.
import type { ProxyAuth, ProxyAuthScheme, RequestDraft } from '../contract/request.js';

/** curl's -U USER[:PASSWORD]: split at the first colon (no password: an empty one, never a prompt). */
export function proxyAuthOf(userPass: string, scheme: ProxyAuthScheme): ProxyAuth {
  const at = userPass.indexOf(':');
  return at < 0 ? { user: userPass, password: '', scheme } : { user: userPass.slice(0, at), password: userPass.slice(at + 1), scheme };
}

/** The draft with its proxy password emptied (the user stays): what history stores and exports. */
export function withoutProxyPassword(draft: RequestDraft): RequestDraft {
  if (!draft.proxyAuth || draft.proxyAuth.password === '') return draft;
  return { ...draft, proxyAuth: { ...draft.proxyAuth, password: '' } };
}
