// The file name offered when saving a response: what the server asked for
// (Content-Disposition, RFC 6266), else the URL's last path segment, else "response";
// always a bare name (no directories, no control characters) with an extension.

const EXTENSIONS: Record<string, string> = {
  'application/json': 'json', 'text/json': 'json', 'text/html': 'html', 'application/xhtml+xml': 'html',
  'application/xml': 'xml', 'text/xml': 'xml', 'text/plain': 'txt', 'text/css': 'css', 'text/csv': 'csv',
  'text/javascript': 'js', 'application/javascript': 'js', 'image/png': 'png', 'image/jpeg': 'jpg',
  'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg', 'image/x-icon': 'ico',
  'application/pdf': 'pdf', 'application/zip': 'zip', 'application/gzip': 'gz', 'application/x-gzip': 'gz',
  'application/x-tar': 'tar', 'application/wasm': 'wasm', 'audio/mpeg': 'mp3', 'video/mp4': 'mp4',
  'application/octet-stream': 'bin',
};

interface NameSource {
  contentDisposition?: string;
  url: string;
  contentType?: string;
}

export function suggestFileName(src: NameSource): string {
  const fromHeader = src.contentDisposition ? fromDisposition(src.contentDisposition) : undefined;
  const name = portableFileName(fromHeader ?? '') || portableFileName(fromUrl(src.url) ?? '') || 'response';
  return hasExtension(name) ? name : withExtension(name, src.contentType);
}

/** filename*= (RFC 5987, UTF-8 or ISO-8859-1) wins over filename=, as RFC 6266 says. */
function fromDisposition(header: string): string | undefined {
  const params = parseParams(header);
  const ext = params.get('filename*');
  if (ext !== undefined) {
    const m = /^([\w!#$%&+^`{}~-]*)'[^']*'(.*)$/.exec(ext);
    if (m) {
      const decoded = decodeExtValue(m[1]!.toLowerCase(), m[2]!);
      if (decoded) return decoded;
    }
  }
  return params.get('filename');
}

/** `type; a=b; c="quoted \"x\""` → lower-cased names → values (first occurrence wins). */
function parseParams(header: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const name = m[1]!.toLowerCase();
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim();
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

function decodeExtValue(charset: string, value: string): string | undefined {
  try {
    if (charset === 'utf-8') return decodeURIComponent(value);
    if (charset === 'iso-8859-1') return value.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  } catch {
    // Malformed percent-encoding: fall back to filename=.
  }
  return undefined;
}

function fromUrl(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const last = pathname.split('/').filter(Boolean).pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Windows reserves these device names whatever the extension (COM¹ and LPT³ too, and the console's CONIN$/CONOUT$). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
const MAX_NAME = 180;

/**
 * A bare file name safe on every platform, or "" when nothing is left: path separators
 * become "_" (no one else chooses the directory), control characters go, the characters
 * Windows refuses become "_", no leading dots (no hidden or dot-dot names), no trailing dots
 * or spaces, reserved device names prefixed, bounded length keeping the extension.
 */
export function portableFileName(name: string): string {
  let cleaned = name
    .replace(/[\p{Cc}]/gu, '')
    .replace(/[/\\<>:"|?*]/g, '_')
    .trim()
    .replace(/^[.\s]+/, '');
  cleaned = stripTrailing(cleaned, '. \t\r\n\v\f');
  if (RESERVED.test(cleaned)) cleaned = `_${cleaned}`;
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME) return cleaned;
  const ext = /\.[^.]{1,15}$/.exec(cleaned)?.[0] ?? '';
  return chars.slice(0, MAX_NAME - ext.length).join('') + ext;
}

function hasExtension(name: string): boolean {
  return /\.[^.]+$/.test(name.slice(1));
}

function withExtension(name: string, contentType: string | undefined): string {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const ext = EXTENSIONS[essence] ?? (essence.endsWith('+json') ? 'json' : essence.endsWith('+xml') ? 'xml' : undefined);
  return ext ? `${name}.${ext}` : name;
}

/** `s` without the trailing characters in `chars`: one backward pass (a `[. ]+$` pattern is quadratic on long runs). */
export function stripTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1] as string)) end--;
  return s.slice(0, end);
}
