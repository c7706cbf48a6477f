// curl's cookie engine on the command line: -b FILE,
// Netscape lines read into a jar (a missing file is an empty jar, as curl takes it); -c FILE,
// the jar written back at the end (atomically, also after a failure, as curl does); -j, the
// session cookies of the files left out. A jar is used only when a file is named: without
// one, the request goes as it always did.
import fs from 'node:fs';
import type { Cookie } from '../contract/cookies.js';
import { WorkspaceCookieJar } from '../domain/cookies/jar.js';
import { formatNetscape, parseNetscape } from '../domain/cookies/netscape.js';
import { writeFileAtomic } from '../core/atomic-file.js';
import { BadInput } from './build-request.js';

export interface CookieFlags {
  cookies: string[];
  cookieJar?: string | undefined;
  junkSessionCookies: boolean;
}

export interface CliCookies {
  /** Present when a cookie file is read or written (-b FILE, -c FILE). */
  jar?: WorkspaceCookieJar;
  /** Writes -c's file (if any). */
  save(): Promise<void>;
}

function readCookieFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    const why = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new BadInput(`cannot read the cookie file ${file}: ${why}`, 26);
  }
}

/** Reads the -b files into a jar; each line that is not a cookie is a warning naming file and line. */
export function loadCliCookies(flags: CookieFlags, warn: (message: string) => void): CliCookies {
  // The -b strings are a Cookie header of the request (build-request.ts).
  const files = flags.cookies.filter((v) => !v.includes('='));
  if (files.length === 0 && flags.cookieJar === undefined) return { save: async () => {} };
  const jar = new WorkspaceCookieJar();
  for (const file of files) {
    const text = readCookieFile(file);
    if (text === undefined) continue;
    const parsed = parseNetscape(text);
    for (const p of parsed.problems) warn(`cookie file ${file} line ${p.line}: ${p.message} (skipped)`);
    const kept = parsed.cookies.filter((c: Cookie) => !(flags.junkSessionCookies && c.expires === undefined));
    for (const c of kept) jar.set(c);
  }
  const target = flags.cookieJar;
  const save = async (): Promise<void> => {
    if (target === undefined) return;
    const text = formatNetscape(jar.list());
    if (target === '-') process.stdout.write(text);
    else await writeFileAtomic(target, text);
  };
  return { jar, save };
}
