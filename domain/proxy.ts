// Which proxy a request goes through, decided as the stacks decide it (libcurl's rules for
// the environment and --noproxy; WinInet's bypass-list form), so both engines can say it
// in one PROXY_CHOSEN event. Pure: the environment is passed in.
import type { EngineErrorInfo } from '../contract/events.js';

export type ProxyReason = 'configured' | 'environment' | 'system' | 'bypassed' | 'none';
export interface ProxyChoice {
  /** The proxy URL, or "direct". */
  proxy: string;
  reason: ProxyReason;
}

/** curl's --noproxy list: commas (and, since curl 7.86, blanks) separate the entries. */
export function noProxyEntries(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((e) => e.trim().replace(/^\./, '').toLowerCase())
    .filter((e) => e !== '');
}

const bare = (host: string): string => host.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** As libcurl's check_noproxy: "*" matches all; an entry matches itself and its subdomains. */
export function noProxyMatches(list: string, host: string): boolean {
  const h = bare(host).replace(/\.$/, '');
  if (list.trim() === '*') return true;
  return noProxyEntries(list).some((e) => {
    const entry = bare(e);
    return h === entry || h.endsWith(`.${entry}`);
  });
}

export type Env = Record<string, string | undefined>;

/** libcurl's detect_proxy: http_proxy (lower case only) for http, https_proxy/HTTPS_PROXY for https, then all_proxy/ALL_PROXY. */
function environmentProxy(scheme: 'http' | 'https', env: Env): string | undefined {
  const names = scheme === 'http' ? ['http_proxy'] : ['https_proxy', 'HTTPS_PROXY'];
  for (const name of [...names, 'all_proxy', 'ALL_PROXY']) {
    const v = env[name];
    if (v) return v;
  }
  return undefined;
}

/**
 * The proxy libcurl uses for a URL: CURLOPT_PROXY when set (the environment is then not
 * read), else the environment; CURLOPT_NOPROXY, else no_proxy/NO_PROXY, bypasses either.
 */
export function curlProxyChoice(url: string, req: { proxy?: string; noProxy?: string }, env: Env): ProxyChoice {
  const u = new URL(url);
  const noProxy = req.noProxy ?? env.no_proxy ?? env.NO_PROXY;
  const proxy = req.proxy ?? environmentProxy(u.protocol === 'https:' ? 'https' : 'http', env);
  if (!proxy) return { proxy: 'direct', reason: 'none' };
  if (noProxy !== undefined && noProxyMatches(noProxy, u.hostname)) return { proxy: 'direct', reason: 'bypassed' };
  return { proxy, reason: req.proxy ? 'configured' : 'environment' };
}

/** The loopback names the WinInet engine keeps direct when the OS settings name a proxy (Wine has no implicit loopback bypass). */
export const LOOPBACK_BYPASS = ['localhost', '127.0.0.1', '::1', '[::1]'];

/**
 * A curl --noproxy list as a WinInet bypass list: WinInet matches exact names and
 * "*.domain" wildcards, so each entry becomes both (curl's entry covers its subdomains).
 */
export function wininetBypass(noProxy: string | undefined): string[] {
  if (noProxy === undefined) return [];
  return noProxyEntries(noProxy).flatMap((e) => (/^[\d.:[\]]+$/.test(e) ? [e] : [e, `*.${e}`]));
}

/** Whether a WinInet bypass list (";" or blank separated) names a host, as Wine's HTTP_DomainMatches decides. */
export function wininetBypasses(bypass: string, host: string): boolean {
  const h = bare(host);
  return bypass
    .split(/[;\s]+/)
    .filter((e) => e !== '')
    .some((raw) => {
      const e = raw.toLowerCase();
      if (e === '<local>') return !h.includes('.');
      if (!e.startsWith('*.')) return bare(e) === h;
      const domain = e.slice(2);
      return h.endsWith(`.${domain}`);
    });
}

/** A 407 the stack did not answer (no credentials, or refused ones): a named PROXY_FAILED. */
export function proxyAuthRequired(proxy: string, what: string, auth?: { user: string; scheme: string }): EngineErrorInfo {
  const given = auth ? `the proxy refused the ${auth.scheme} credentials of ${JSON.stringify(auth.user)}` : 'no proxy credentials were given (-U USER:PASSWORD)';
  return { code: 'PROXY_FAILED', name: 'PROXY_AUTH_REQUIRED', native: 407, message: `proxy authentication required: the proxy ${proxy} answered ${what} with 407; ${given}` };
}

/** The final response of a request through a proxy is its 407: the request failed at the proxy. */
export function proxyRefusal(status: number, route: ProxyChoice | undefined, auth?: { user: string; scheme: string }): EngineErrorInfo | undefined {
  if (status !== 407 || !route || route.proxy === 'direct') return undefined;
  return proxyAuthRequired(route.proxy, 'the request', auth);
}

/** "via proxy http://p:3128", "direct", "direct (bypassed)": the response summary's words. */
export function proxySummary(choice: ProxyChoice): string {
  if (choice.proxy !== 'direct') return `via proxy ${choice.proxy}${choice.reason === 'environment' ? ' (environment)' : choice.reason === 'system' ? ' (system settings)' : ''}`;
  return choice.reason === 'bypassed' ? 'direct (proxy bypassed)' : 'direct';
}
