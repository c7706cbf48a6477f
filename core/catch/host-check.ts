// Which Host a catch server bound to loopback answers to. A page on another origin that
// knows the port can point a name it controls at 127.0.0.1 (DNS rebinding) and read what
// the file rules serve; its requests carry that name as Host, so only loopback names (and
// the ones a user allows, "*" for a tunnel) are answered.

/** The host name of a Host header: "[::1]:8080" → "::1", "Example.com:80" → "example.com". */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end < 0 ? h : h.slice(1, end);
  }
  const colon = h.indexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1') return true;
  const parts = name.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/**
 * Whether a request with this Host is answered: bound wider than loopback the user chose to
 * be reached (any Host); no Host (HTTP/1.0 from a raw client) is not a browser's request.
 */
export function hostAllowed(header: string | undefined, boundToLoopback: boolean, allow: readonly string[]): boolean {
  if (!boundToLoopback || header === undefined || allow.includes('*')) return true;
  const name = hostName(header);
  return isLoopbackName(name) || allow.some((a) => a.toLowerCase() === name);
}
