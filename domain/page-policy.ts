// The page's Content-Security-Policy, defined once: browser mode sends it as a header on
// every response (web/http-guard.ts) and the renderer build writes it into index.html's
// meta tag (vite.config.ts), so both say the same. Imports nothing of the app.

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // No 'unsafe-inline': the renderer's styles are files, never inline.
  "style-src 'self'",
  // Images are shown from data: URLs (MediaViewers); nothing makes blob: URLs.
  "img-src 'self' data:",
  // CSP Level 3: 'self' covers ws: to the page's own host and port, the core's socket.
  "connect-src 'self'",
  // The HTML preview is a sandboxed srcdoc frame, which inherits this policy; no blob: frames.
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** Directives a <meta> policy cannot carry: browsers ignore them there (with a console warning). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as a response header sends it. */
export const PAGE_POLICY = DIRECTIVES.join('; ');

/** The same policy without the header-only directives, for index.html's meta tag. */
export const PAGE_META_POLICY = DIRECTIVES.filter((d) => !HEADER_ONLY.has(d.split(' ', 1)[0] ?? '')).join('; ');

/** The directives of a policy text, name → sources, for comparing two policies. */
export function parsePolicy(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources.join(' '));
  }
  return out;
}

export const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = HEADER_ONLY;
