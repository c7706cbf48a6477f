// A workspace's cookie jar: RFC 6265 through tough-cookie (domain and path matching,
// expiry, Secure, HttpOnly, host-only, public suffixes), seen from outside only as the
// contract's Cookie. The jar is the truth for every engine: the native stacks' own cookie
// stores are never used, so nothing leaks between workspaces.
import { Cookie as ToughCookie, CookieJar } from 'tough-cookie';
import { CookieSchema, type Cookie, type CookieKey, type CookieOutcome } from '../../contract/cookies.js';
import type { CookieHeader, CookiePort } from './port.js';

const JAR_OPTIONS = { rejectPublicSuffixes: true, looseMode: true, allowSpecialUseDomain: true, prefixSecurity: 'strict' } as const;

/** The persisted form: the contract's cookies plus when each was made (RFC 6265's order). */
export interface JarFile {
  version: 1;
  cookies: (Cookie & { created: number })[];
}

export class CookieJarError extends Error {}

export class WorkspaceCookieJar implements CookiePort {
  private jar = new CookieJar(undefined, JAR_OPTIONS);

  /** Refuses a file that is not a jar file, naming the first bad cookie; never half-loads. */
  static fromFile(data: unknown): WorkspaceCookieJar {
    const file = data as Partial<JarFile> | null;
    if (!file || typeof file !== 'object' || file.version !== 1 || !Array.isArray(file.cookies)) {
      throw new CookieJarError('not a cookie jar file (expected {"version": 1, "cookies": [...]})');
    }
    const jar = new WorkspaceCookieJar();
    file.cookies.forEach((c, i) => {
      const { created, ...cookie } = (c ?? {}) as Partial<JarFile['cookies'][number]>;
      const parsed = CookieSchema.safeParse(cookie);
      if (!parsed.success) throw new CookieJarError(`cookie ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      jar.put(parsed.data, typeof created === 'number' ? created : Date.now());
    });
    return jar;
  }

  toFile(): JarFile {
    return { version: 1, cookies: this.tough().map((c) => ({ ...toContract(c), created: c.creation instanceof Date ? c.creation.getTime() : Date.now() })) };
  }

  cookieHeader(url: string): CookieHeader | undefined {
    const cookies = this.jar.getCookiesSync(url, { http: true, sort: true });
    if (cookies.length === 0) return undefined;
    return { value: cookies.map((c) => c.cookieString()).join('; '), names: cookies.map((c) => c.key) };
  }

  store(url: string, setCookies: readonly string[]): CookieOutcome[] {
    return setCookies.map((header) => this.storeOne(url, header));
  }

  /** Every unexpired cookie, by domain then path then name. */
  list(now = Date.now()): Cookie[] {
    return this.tough()
      .filter((c) => (c.expiryTime() ?? Infinity) > now)
      .map(toContract)
      .sort((a, b) => a.domain.localeCompare(b.domain) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name));
  }

  /** Adds or replaces (same domain, path and name) a cookie the user edited. */
  set(cookie: Cookie): void {
    const old = this.tough().find((c) => sameKey(toContract(c), cookie));
    this.remove(cookie);
    this.put(cookie, old?.creation instanceof Date ? old.creation.getTime() : Date.now());
  }

  /** true when that cookie was there. */
  delete(key: CookieKey): boolean {
    const before = this.tough().length;
    this.remove(key);
    return this.tough().length < before;
  }

  /** Removes every cookie, or those of one domain (and its host-only cookies); how many went. */
  clear(domain?: string): number {
    const all = this.tough();
    const keep = domain === undefined ? [] : all.filter((c) => c.domain !== domain);
    this.rebuild(keep);
    return all.length - keep.length;
  }

  private storeOne(url: string, header: string): CookieOutcome {
    const parsed = ToughCookie.parse(header, { loose: true });
    const name = parsed?.key ?? '';
    const path = parsed?.path ?? '';
    const domain = parsed?.domain ?? hostOf(url);
    if (!parsed) return { name, domain, path, stored: false, reason: 'the Set-Cookie header cannot be parsed' };
    try {
      const stored = this.jar.setCookieSync(header, url, { http: true, ignoreError: false });
      if (!stored) return { name, domain, path, stored: false, reason: 'refused by the jar' };
      const expired = (stored.expiryTime() ?? Infinity) <= Date.now();
      return { name, domain: stored.domain ?? domain, path: stored.path ?? path, stored: !expired, ...(expired ? { reason: 'already expired: removes a stored cookie of that name' } : {}) };
    } catch (e) {
      return { name, domain, path, stored: false, reason: (e as Error).message };
    }
  }

  private put(cookie: Cookie, created: number): void {
    const c = new ToughCookie({
      key: cookie.name,
      value: cookie.value,
      domain: cookie.domain,
      path: cookie.path,
      expires: cookie.expires === undefined ? 'Infinity' : new Date(cookie.expires),
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
      hostOnly: cookie.hostOnly,
      creation: new Date(created),
      ...(cookie.sameSite ? { sameSite: cookie.sameSite } : {}),
    });
    // Straight into the store: the jar's own checks are for cookies from a response.
    this.rebuild([...this.tough(), c]);
  }

  private remove(key: CookieKey): void {
    this.rebuild(this.tough().filter((c) => !sameKey(toContract(c), key)));
  }

  private rebuild(cookies: ToughCookie[]): void {
    this.jar = CookieJar.deserializeSync({ version: 'tough-cookie', storeType: 'MemoryCookieStore', ...JAR_OPTIONS, cookies: cookies.map((c) => c.toJSON()) });
  }

  private tough(): ToughCookie[] {
    const serialized = this.jar.serializeSync();
    return (serialized?.cookies ?? []).flatMap((j) => ToughCookie.fromJSON(j) ?? []);
  }
}

function toContract(c: ToughCookie): Cookie {
  const expires = c.expiryTime();
  const sameSite = c.sameSite === 'strict' || c.sameSite === 'lax' || c.sameSite === 'none' ? c.sameSite : undefined;
  return {
    name: c.key,
    value: c.value,
    domain: (c.domain ?? '').replace(/^\./, ''),
    path: c.path ?? '/',
    ...(expires !== undefined && Number.isFinite(expires) ? { expires } : {}),
    secure: c.secure,
    httpOnly: c.httpOnly,
    hostOnly: c.hostOnly ?? true,
    ...(sameSite ? { sameSite } : {}),
  };
}

const sameKey = (a: CookieKey, b: CookieKey): boolean => a.domain === b.domain && a.path === b.path && a.name === b.name;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
