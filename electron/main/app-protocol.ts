// Serves the built renderer on app://inetscope/ (see app-files.ts) with the CSP as a real
// response header. The scheme is registered as privileged (standard, secure) before the
// app is ready, and handled on the app's session.
import fs from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, appFile } from './app-files.js';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false } }]);
}

export function handleAppScheme(ses: Session, root: string, csp: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const found = request.method === 'GET' ? appFile(request.url, root) : undefined;
    if (!found) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    try {
      const body = await fs.readFile(found.file);
      return new Response(body, { headers: { 'content-type': found.contentType, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' } });
    } catch {
      return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
  });
}
