// The composer's proxy settings: the proxy (empty: the system's), the hosts that skip it
// (curl's --noproxy), and the proxy's credentials and scheme (curl's -U, --proxy-digest…).
import type { DraftOptions } from './draft.js';
import { PROXY_AUTH_SCHEMES, type ProxyAuthScheme } from '../../../contract/request.js';

const SCHEME_LABELS: Record<ProxyAuthScheme, string> = { basic: 'Basic', digest: 'Digest', ntlm: 'NTLM', any: 'Any' };

export function ProxyFields({ options, set }: { options: DraftOptions; set: (patch: Partial<DraftOptions>) => void }) {
  return (
    <>
      <label className="field" title="Empty: the system's proxy (WinInet: the OS settings; libcurl: http_proxy and the like)">
        <span>Proxy</span>
        <input className="proxy" placeholder="system" spellCheck={false} value={options.proxy} onChange={(e) => set({ proxy: e.target.value })} />
      </label>
      <label className="field" title={'Hosts that skip the proxy, comma-separated (subdomains too); "*" for no proxy at all'}>
        <span>No proxy</span>
        <input className="proxy" data-testid="no-proxy" placeholder="host, .domain" spellCheck={false} value={options.noProxy ?? ''} onChange={(e) => set({ noProxy: e.target.value })} />
      </label>
      <label className="field">
        <span>Proxy user</span>
        <input className="proxy" data-testid="proxy-user" autoComplete="off" spellCheck={false} value={options.proxyUser ?? ''} onChange={(e) => set({ proxyUser: e.target.value })} />
      </label>
      {options.proxyUser && (
        <>
          <label className="field">
            <span>Proxy password</span>
            <input className="proxy" data-testid="proxy-password" type="password" autoComplete="off" value={options.proxyPassword ?? ''} onChange={(e) => set({ proxyPassword: e.target.value })} />
          </label>
          <label className="field">
            <span>Scheme</span>
            <select data-testid="proxy-scheme" value={options.proxyScheme ?? 'basic'} onChange={(e) => set({ proxyScheme: e.target.value as ProxyAuthScheme })}>
              {PROXY_AUTH_SCHEMES.map((s) => (
                <option key={s} value={s}>
                  {SCHEME_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </>
  );
}
