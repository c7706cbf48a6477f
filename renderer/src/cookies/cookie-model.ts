// The Cookies view's pure parts: the jar's cookies grouped per domain and searched, how a
// cookie's value, expiry and flags read, and the edit dialog's form (to and from a cookie,
// checked with the contract's rules so a message shows before the core is asked).
import { EditedCookieSchema } from '../../../contract/cookie-commands.js';
import type { Cookie, CookieKey } from '../../../contract/cookies.js';

export interface DomainGroup {
  domain: string;
  cookies: Cookie[];
}

/** Cookies per domain (domains in order, as the core lists them), those matching `query` only
 * (a name, value, domain or path containing it, any case). */
export function groupByDomain(cookies: readonly Cookie[], query = ''): DomainGroup[] {
  const q = query.trim().toLowerCase();
  const groups = new Map<string, Cookie[]>();
  for (const c of cookies) {
    if (q && ![c.name, c.value, c.domain, c.path].some((s) => s.toLowerCase().includes(q))) continue;
    const list = groups.get(c.domain) ?? [];
    list.push(c);
    groups.set(c.domain, list);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([domain, list]) => ({ domain, cookies: list }));
}

const MAX_SHOWN = 40;

/** A long value cut in the middle (the whole one is in the editor and the title). */
export function elide(value: string, max = MAX_SHOWN): string {
  if (value.length <= max) return value;
  const tail = Math.floor((max - 1) / 2);
  return `${value.slice(0, max - 1 - tail)}…${value.slice(value.length - tail)}`;
}

/** "session", or the date and time it expires (local, to the minute). */
export function expiryText(expires: number | undefined): string {
  if (expires === undefined) return 'session';
  const d = new Date(expires);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The flags a row shows, in one order. */
export function flagsOf(c: Pick<Cookie, 'secure' | 'httpOnly' | 'hostOnly' | 'sameSite'>): string[] {
  return [...(c.secure ? ['Secure'] : []), ...(c.httpOnly ? ['HttpOnly'] : []), ...(c.hostOnly ? ['host-only'] : []), ...(c.sameSite ? [`SameSite=${c.sameSite[0]!.toUpperCase()}${c.sameSite.slice(1)}`] : [])];
}

/** The host a new cookie is for: the URL's (the active tab's), or '' when it has none (a {{variable}}). */
export function hostOfUrl(url: string): string {
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `http://${url.trim()}`).hostname;
    return /^[a-z0-9._-]+$/.test(host) ? host : '';
  } catch {
    return '';
  }
}

export const keyOf = (c: CookieKey): CookieKey => ({ domain: c.domain, path: c.path, name: c.name });
export const keyText = (c: CookieKey): string => `${c.domain}\u0000${c.path}\u0000${c.name}`;

/** The edit dialog's fields as typed. */
export interface CookieForm {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** datetime-local text ("2030-01-02T03:04"); '' is a session cookie. */
  expires: string;
  secure: boolean;
  httpOnly: boolean;
  hostOnly: boolean;
  sameSite: '' | 'strict' | 'lax' | 'none';
}

export function formOf(c: Cookie | undefined, domain = ''): CookieForm {
  if (!c) return { name: '', value: '', domain, path: '/', expires: '', secure: false, httpOnly: false, hostOnly: true, sameSite: '' };
  return { name: c.name, value: c.value, domain: c.domain, path: c.path, expires: c.expires === undefined ? '' : expiryText(c.expires).replace(' ', 'T'), secure: c.secure, httpOnly: c.httpOnly, hostOnly: c.hostOnly, sameSite: c.sameSite ?? '' };
}

export type FormResult = { ok: true; cookie: Cookie } | { ok: false; errors: Partial<Record<keyof CookieForm, string>> };

/** The cookie the form makes, or a message per field that is wrong. `keepExpiry`: the cookie
 * was loaded with this expiry, kept to the millisecond unless the field was changed. */
export function cookieOfForm(f: CookieForm, keepExpiry?: number): FormResult {
  let expires: number | undefined;
  if (f.expires.trim() !== '') {
    expires = keepExpiry !== undefined && formOf({ ...sample, expires: keepExpiry }).expires === f.expires ? keepExpiry : new Date(f.expires).getTime();
    if (!Number.isFinite(expires)) return { ok: false, errors: { expires: 'Enter a date and time, or leave it empty for a session cookie.' } };
  }
  const draft = {
    name: f.name.trim(),
    value: f.value,
    domain: f.domain.trim().toLowerCase().replace(/^\./, ''),
    path: f.path.trim(),
    ...(expires === undefined ? {} : { expires }),
    secure: f.secure,
    httpOnly: f.httpOnly,
    hostOnly: f.hostOnly,
    ...(f.sameSite ? { sameSite: f.sameSite } : {}),
  };
  const r = EditedCookieSchema.safeParse(draft);
  if (r.success) return { ok: true, cookie: r.data };
  const errors: Partial<Record<keyof CookieForm, string>> = {};
  for (const issue of r.error.issues) {
    const field = issue.path[0] as keyof CookieForm;
    errors[field] ??= sentence(field === 'path' && issue.code === 'invalid_format' && !draft.path.startsWith('/') ? 'a path starts with /' : issue.message);
  }
  return { ok: false, errors };
}

const sample: Cookie = { name: 'x', value: '', domain: 'x', path: '/', secure: false, httpOnly: false, hostOnly: true };
const sentence = (m: string): string => `${m.charAt(0).toUpperCase()}${m.slice(1)}${m.endsWith('.') ? '' : '.'}`;
