// Text helpers of the HAR conversion: header blocks, cookies, base64 and text detection,
// without Node's Buffer (the UI reuses them in the browser). Imports nothing of the app.
import type { HarCookie, HarNameValue } from './har.js';

/** "HTTP/1.1 200 OK\r\nA: b\r\n\r\n" → its first line and its header lines. */
export function parseHeaderBlock(raw: string): { firstLine: string; headers: HarNameValue[] } {
  const lines = raw.split(/\r?\n/);
  const headers: HarNameValue[] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { firstLine: lines[0] ?? '', headers };
}

/** The first line, then one "Name: value" per header, then the blank line. */
export function buildHeaderBlock(firstLine: string, headers: HarNameValue[]): string {
  return [firstLine, ...headers.map((h) => `${h.name}: ${h.value}`), '', ''].join('\r\n');
}

export function headerValue(headers: HarNameValue[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** "Cookie: a=1; b=2" → [{a,1}, {b,2}]. */
export function requestCookies(headers: HarNameValue[]): HarCookie[] {
  return headers
    .filter((h) => h.name.toLowerCase() === 'cookie')
    .flatMap((h) => h.value.split(';'))
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => splitPair(pair));
}

/** Each Set-Cookie header → a cookie with the attributes HAR names. */
export function responseCookies(headers: HarNameValue[]): HarCookie[] {
  return headers
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => {
      const [first = '', ...attrs] = h.value.split(';').map((s) => s.trim());
      const cookie: HarCookie = splitPair(first);
      for (const attr of attrs) {
        const { name, value } = splitPair(attr);
        const key = name.toLowerCase();
        if (key === 'path') cookie.path = value;
        else if (key === 'domain') cookie.domain = value;
        else if (key === 'expires') cookie.expires = value;
        else if (key === 'httponly') cookie.httpOnly = true;
        else if (key === 'secure') cookie.secure = true;
      }
      return cookie;
    });
}

function splitPair(pair: string): { name: string; value: string } {
  const eq = pair.indexOf('=');
  return eq < 0 ? { name: pair, value: '' } : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
}

export function queryString(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** Throws on text that is not base64 (the caller names the entry). */
export function fromBase64(text: string): Uint8Array {
  const bin = atob(text.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const utf8Bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql)\b)|^image\/svg\+xml/i;

/** The body as text when its type is textual and its bytes are valid UTF-8 (so text → bytes is exact). */
export function bodyAsText(mimeType: string, bytes: Uint8Array): string | undefined {
  if (bytes.length > 0 && !TEXTUAL.test(mimeType.trim())) return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return text;
  } catch {
    return undefined;
  }
}

/** HAR content or postData → bytes: base64 when it says so, UTF-8 text otherwise. */
export function contentBytes(text: string, encoding: string | undefined): Uint8Array {
  return encoding?.toLowerCase() === 'base64' ? fromBase64(text) : utf8Bytes(text);
}

/** "127.0.0.1:8080", "[::1]:443" → the bare IP address (HAR's serverIPAddress). */
export function bareAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (v6) return v6[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(address);
  if (v4) return v4[1];
  return address.includes(':') && !address.includes('.') ? address : undefined;
}
