// How a WinInet session reaches the network: the OS settings (INTERNET_OPEN_TYPE_PRECONFIG)
// unless the request names a proxy (-x: PROXY) or "no proxy at all" (--noproxy '*': DIRECT);
// the request's --noproxy list and the loopback names go in the bypass. Each session knows
// which proxy it takes for a host, for the PROXY_CHOSEN event.
import type { EngineErrorInfo } from '../../contract/events.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { LOOPBACK_BYPASS, wininetBypass, wininetBypasses, type ProxyChoice } from '../../domain/proxy.js';
import {
  api,
  INTERNET_FLAG_ASYNC,
  INTERNET_OPEN_TYPE_DIRECT,
  INTERNET_OPEN_TYPE_PRECONFIG,
  INTERNET_OPEN_TYPE_PROXY,
  INTERNET_OPTION_PROXY,
  INTERNET_OPTION_PROXY_PASSWORD,
  INTERNET_OPTION_PROXY_USERNAME,
  INTERNET_PROXY_INFOW,
  isNull,
  koffi,
} from './api.js';
import { sessionError, winInetError } from './errors.js';
import { reopenPreconfigured, UNDER_WINE } from './wine-quirks.js';

export interface ProxySession {
  handle: unknown;
  /** The proxy this session takes for a host (WinInet tells nothing per request). */
  choiceFor(host: string): ProxyChoice;
}

type ProxySpec = Pick<RequestSpec, 'proxy' | 'noProxy'>;

/** The key of the session a request needs: requests share a session only with the same proxy route. */
export function proxyKey(spec: ProxySpec & Pick<RequestSpec, 'proxyAuth'>): string {
  const auth = spec.proxyAuth ? `${spec.proxyAuth.user}\0${spec.proxyAuth.password}` : '';
  return JSON.stringify([spec.proxy ?? null, spec.noProxy ?? null, auth]);
}

const open = (agent: string, type: number, proxy: string | null, bypass: string | null): unknown =>
  api.InternetOpenW(agent, type, proxy, bypass, INTERNET_FLAG_ASYNC);

/** What a session's INTERNET_OPTION_PROXY says: its access type, proxy and bypass list. */
function configuredProxy(h: unknown): { type: number; proxy: string; bypass: string } | undefined {
  const size = 4096;
  const buf = koffi.alloc('uint8_t', size);
  try {
    if (!api.InternetQueryOptionW(h, INTERNET_OPTION_PROXY, buf, [size])) return undefined;
    const info = koffi.decode(buf, INTERNET_PROXY_INFOW) as { dwAccessType: number; lpszProxy: string | null; lpszProxyBypass: string | null };
    return { type: info.dwAccessType, proxy: info.lpszProxy ?? '', bypass: info.lpszProxyBypass ?? '' };
  } finally {
    koffi.free(buf);
  }
}

const bypassing = (proxy: string, bypass: string, reason: ProxyChoice['reason']) => (host: string): ProxyChoice =>
  wininetBypasses(bypass, host) ? { proxy: 'direct', reason: 'bypassed' } : { proxy, reason };

/** Opens the session; a proxy string WinInet refuses fails the request, never the host. */
export function openProxySession(agent: string, spec: ProxySpec): ProxySession | { error: EngineErrorInfo } {
  const extra = wininetBypass(spec.noProxy);
  if (spec.noProxy?.trim() === '*') {
    const h = open(agent, INTERNET_OPEN_TYPE_DIRECT, null, null);
    return isNull(h) ? { error: sessionError(api.GetLastError() as number, undefined) } : { handle: h, choiceFor: () => ({ proxy: 'direct', reason: 'bypassed' }) };
  }
  if (spec.proxy) {
    // "<-loopback>": a proxy on loopback serves loopback targets too, as curl's -x does.
    const bypass = [...extra, '<-loopback>'].join(';');
    // A proxy with no host is passed as none: InternetOpenW refuses it (ERROR_INVALID_PARAMETER).
    const h = open(agent, INTERNET_OPEN_TYPE_PROXY, spec.proxy.replace(/^https?:\/\//, '').replace(/\/$/, '') || null, bypass);
    if (isNull(h)) return { error: sessionError(api.GetLastError() as number, spec.proxy) };
    return { handle: h, choiceFor: bypassing(spec.proxy, bypass, 'configured') };
  }
  return openPreconfigured(agent, spec.noProxy, extra);
}

function openPreconfigured(agent: string, noProxy: string | undefined, extra: string[]): ProxySession | { error: EngineErrorInfo } {
  const h = open(agent, INTERNET_OPEN_TYPE_PRECONFIG, null, null);
  if (isNull(h)) return { error: sessionError(api.GetLastError() as number, undefined) };
  const conf = configuredProxy(h);
  if (conf?.type === INTERNET_OPEN_TYPE_DIRECT) return { handle: h, choiceFor: () => ({ proxy: 'direct', reason: 'none' }) };
  if (conf?.type !== INTERNET_OPEN_TYPE_PROXY || !conf.proxy) {
    // WinInet does not say (autoproxy: PAC or auto-detect decide per request), and takes no bypass list of ours then.
    if (noProxy !== undefined) {
      api.InternetCloseHandle(h);
      return { error: { code: 'BAD_REQUEST', name: 'NOPROXY_WITH_AUTOPROXY', message: 'the system proxy is chosen by PAC or auto-detect, which WinInet applies itself: a no-proxy list cannot be added to it (give the proxy with -x, or --noproxy "*" for none)' } };
    }
    return { handle: h, choiceFor: () => ({ proxy: 'as configured', reason: 'system' }) };
  }
  if (!reopenPreconfigured(UNDER_WINE, true, noProxy)) {
    // Windows bypasses loopback itself unless the list says "<-loopback>".
    const implicit = /<-loopback>/i.test(conf.bypass) ? [] : LOOPBACK_BYPASS;
    return { handle: h, choiceFor: bypassing(conf.proxy, [conf.bypass, ...implicit].join(';'), 'system') };
  }
  api.InternetCloseHandle(h);
  const bypass = [conf.bypass, ...LOOPBACK_BYPASS, ...extra].filter((e) => e !== '').join(';');
  const reopened = open(agent, INTERNET_OPEN_TYPE_PROXY, conf.proxy, bypass);
  if (isNull(reopened)) return { error: sessionError(api.GetLastError() as number, conf.proxy) };
  return { handle: reopened, choiceFor: bypassing(conf.proxy, bypass, 'system') };
}

/** -U: the proxy credentials on the request handle (Wine keeps them on the session: one session per set). */
export function setProxyCredentials(request: unknown, auth: RequestSpec['proxyAuth']): EngineErrorInfo | undefined {
  if (!auth) return undefined;
  for (const [option, value, name] of [[INTERNET_OPTION_PROXY_USERNAME, auth.user, 'PROXY_USERNAME'], [INTERNET_OPTION_PROXY_PASSWORD, auth.password, 'PROXY_PASSWORD']] as const) {
    if (!api.InternetSetOptionStrW(request, option, value, value.length)) return winInetError(api.GetLastError(), `InternetSetOptionW(${name})`);
  }
  return undefined;
}
