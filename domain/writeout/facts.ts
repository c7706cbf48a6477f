// The figures curl's --write-out prints, derived once from a request's events. Times are
// measured from the request's start as curl's are: the first hop's lookup, connect and
// pretransfer, the final hop's first response byte, the whole transfer; time_redirect is
// when the final hop started. Both engines go through the same events, so they agree on
// meaning. Imports nothing of the app but the event types.
import type { HeadersEvent, InetEvent } from '../../contract/events.js';

export interface WriteOutFacts {
  /** Seconds. Zero for a step the request never reached, as curl prints. */
  time_namelookup: number;
  time_connect: number;
  time_appconnect: number;
  time_pretransfer: number;
  time_starttransfer: number;
  time_redirect: number;
  time_total: number;
  http_code: number;
  http_version: string;
  num_redirects: number;
  num_connects: number;
  num_headers: number;
  remote_ip: string;
  remote_port: number;
  /** Neither engine reports the local end of its socket: 0, curl's unknown. */
  local_port: number;
  size_download: number;
  size_upload: number;
  size_header: number;
  speed_download: number;
  speed_upload: number;
  ssl_verify_result: number;
  url: string;
  url_effective: string;
  method: string;
  scheme: string | null;
  content_type: string | null;
  redirect_url: string | null;
  errormsg: string | null;
  /** The final response's header lines, as [name, value], in order. */
  headers: Array<[string, string]>;
}

const DEFAULT_PORT: Record<string, number> = { 'http:': 80, 'https:': 443 };

export function headerLines(raw: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of raw.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) out.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return out;
}

const isNative = (e: InetEvent, status: string) => e.type === 'native' && e.status === status;
const firstT = (events: InetEvent[], status: string) => events.find((e) => isNative(e, status))?.t;

/** "127.0.0.1:8080", "[::1]:8080" (curl engine) or a bare IP (WinInet). */
function splitAddress(address: string): { ip: string; port?: number } {
  const m = /^\[(.*)\]:(\d+)$/.exec(address) ?? /^([^:]*):(\d+)$/.exec(address);
  return m ? { ip: m[1] as string, port: Number(m[2]) } : { ip: address };
}

function remote(events: InetEvent[], effective: URL | undefined): { ip: string; port: number } {
  const connected = events.filter((e) => isNative(e, 'CONNECTED_TO_SERVER'));
  const address = connected.map((e) => (e.type === 'native' ? e.info?.address : undefined)).filter(Boolean).pop();
  if (!address) return { ip: '', port: 0 };
  const a = splitAddress(address);
  // WinInet names only the IP: the port is the URL's, where it connected to the URL's host.
  const port = a.port ?? (effective ? Number(effective.port) || DEFAULT_PORT[effective.protocol] || 0 : 0);
  return { ip: a.ip, port };
}

function parseUrl(u: string): URL | undefined {
  try {
    return new URL(u);
  } catch {
    return undefined;
  }
}

/** Lookup ≤ connect ≤ appconnect ≤ pretransfer ≤ starttransfer ≤ total, each 0 when never reached. */
function times(events: InetEvent[], heads: HeadersEvent[], finalHop: number, total: number) {
  const s = (ms: number | undefined) => (ms === undefined ? 0 : ms / 1000);
  const namelookup = s(firstT(events, 'NAME_RESOLVED'));
  const connect = s(firstT(events, 'CONNECTED_TO_SERVER'));
  const tls = s(firstT(events, 'TLS_HANDSHAKE_DONE'));
  const pre = s(firstT(events, 'SENDING_REQUEST'));
  const final = heads.find((h) => h.hop === finalHop);
  const redirect = finalHop > 0 ? s(events.find((e) => e.hop === finalHop)?.t) : 0;
  const start = s(final?.t);
  const up = (v: number, floor: number) => (v === 0 ? 0 : Math.max(v, floor));
  const time_connect = up(connect, namelookup);
  const time_appconnect = up(tls, time_connect);
  const time_pretransfer = up(pre, Math.max(time_connect, time_appconnect));
  const time_starttransfer = up(start, Math.max(time_pretransfer, redirect));
  const time_total = Math.max(s(total), time_starttransfer);
  return { time_namelookup: namelookup, time_connect, time_appconnect, time_pretransfer, time_starttransfer, time_redirect: redirect, time_total };
}

function httpVersion(v: string | undefined): string {
  if (!v) return '0';
  const n = v.replace(/^HTTP\//i, '');
  return n === '2.0' ? '2' : n === '3.0' ? '3' : n;
}

/** The URL the final hop asked for: the start URL, then each REDIRECT's target. */
function effectiveUrl(events: InetEvent[]): string {
  let url = events.find((e) => e.type === 'started')?.url ?? '';
  for (const e of events) if (e.type === 'native' && e.status === 'REDIRECT' && e.info?.url) url = e.info.url;
  return url;
}

function finalMethod(events: InetEvent[], final: HeadersEvent | undefined): string {
  const line = final?.requestHeaders?.split('\r\n', 1)[0] ?? '';
  const sp = line.indexOf(' ');
  return sp > 0 ? line.slice(0, sp) : (events.find((e) => e.type === 'started')?.method ?? '');
}

const USED = new Set(['NAME_RESOLVED', 'CONNECTED_TO_SERVER', 'TLS_HANDSHAKE_DONE', 'SENDING_REQUEST', 'REDIRECT']);

/**
 * Adds an event to the list writeOutFacts will read, keeping only what it reads: a long
 * transfer's many body and receive events are not held. Each hop's first event stays (the
 * redirect time), and of its upload progress the latest.
 */
export function keepForFacts(kept: InetEvent[], ev: InetEvent): void {
  const last = kept[kept.length - 1];
  const firstOfHop = !last || last.hop !== ev.hop;
  if (ev.type === 'upload') {
    for (let i = kept.length - 1; i >= 0 && kept[i]?.hop === ev.hop; i--) if (kept[i]?.type === 'upload') return void (kept[i] = ev);
  } else if (!firstOfHop && (ev.type === 'body' || (ev.type === 'native' && !USED.has(ev.status)))) return;
  kept.push(ev);
}

/** The stack's verification code of the last TLS connection (OpenSSL's X509_V_*, as curl's), else 1 for a refused certificate. */
function sslVerifyResult(list: InetEvent[], refused: boolean): number {
  const tls = list.filter((e) => e.type === 'tls').pop();
  const code = tls?.type === 'tls' ? tls.facts.verified.code : undefined;
  return code ?? (refused ? 1 : 0);
}

export function writeOutFacts(events: readonly InetEvent[]): WriteOutFacts {
  const list = events as InetEvent[];
  const finished = list.find((e) => e.type === 'finished');
  const heads = list.filter((e): e is HeadersEvent => e.type === 'headers');
  const finalHop = list.reduce((h, e) => Math.max(h, e.hop), 0);
  const final = heads.filter((h) => h.hop === finalHop).pop();
  const url = effectiveUrl(list);
  const parsed = parseUrl(url);
  const t = times(list, heads, finalHop, finished?.t ?? list[list.length - 1]?.t ?? 0);
  const headers = final ? headerLines(final.rawHeaders) : [];
  const size_download = finished?.bodyBytes ?? 0;
  const size_upload = list.reduce((n, e) => (e.type === 'upload' && e.hop === finalHop ? Math.max(n, e.bytes) : n), 0);
  const speed = (bytes: number) => (t.time_total > 0 ? Math.floor(bytes / t.time_total) : 0);
  const r = remote(list, parsed);
  const location = headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
  return {
    ...t,
    http_code: final?.statusCode ?? 0,
    http_version: httpVersion(final?.httpVersion),
    num_redirects: list.filter((e) => isNative(e, 'REDIRECT')).length,
    num_connects: list.filter((e) => isNative(e, 'CONNECTED_TO_SERVER') && !(e.type === 'native' && e.info?.reused)).length,
    num_headers: headers.length,
    remote_ip: r.ip,
    remote_port: r.port,
    local_port: 0,
    size_download,
    size_upload,
    size_header: heads.reduce((n, h) => n + (h.interimHeads?.length ?? 0) + h.rawHeaders.length, 0),
    speed_download: speed(size_download),
    speed_upload: speed(size_upload),
    ssl_verify_result: sslVerifyResult(list, finished?.error?.code === 'TLS_CERT'),
    url: list.find((e) => e.type === 'started')?.url ?? '',
    url_effective: url,
    method: finalMethod(list, final),
    // curl knows the scheme once it has a connection, a refused one leaves it null.
    scheme: (final || r.ip) && parsed ? parsed.protocol.slice(0, -1).toUpperCase() : null,
    content_type: headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null,
    redirect_url: location !== undefined && final && final.statusCode >= 300 && final.statusCode < 400 ? (parseUrl(new URL(location, parsed ?? 'http://invalid').href)?.href ?? null) : null,
    errormsg: finished?.error?.message ?? null,
    headers,
  };
}
