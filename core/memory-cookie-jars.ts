// Cookie jars kept in memory, one per workspace (or per run): gone when the process ends.
import type { CookieJars } from '../domain/cookies/port.js';
import { WorkspaceCookieJar } from '../domain/cookies/jar.js';

export class MemoryCookieJars implements CookieJars {
  private readonly jars = new Map<string, WorkspaceCookieJar>();

  jarFor(workspaceId: string): WorkspaceCookieJar {
    let jar = this.jars.get(workspaceId);
    if (!jar) this.jars.set(workspaceId, (jar = new WorkspaceCookieJar()));
    return jar;
  }
}
