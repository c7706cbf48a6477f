// Which viewers a response offers, from its Content-Type (and size).

export type ViewerName = 'raw' | 'pretty' | 'hex' | 'image' | 'html';
export type PrettyLang = 'json' | 'xml';

export const VIEWER_LABELS: Record<ViewerName, string> = { raw: 'Raw text', pretty: 'Pretty', hex: 'Hex', image: 'Image', html: 'HTML' };

/** Above these the whole body is not loaded into one view (the raw/hex viewers still show it). */
export const PRETTY_MAX = 8 * 1024 * 1024;
export const IMAGE_MAX = 64 * 1024 * 1024;
export const HTML_MAX = 16 * 1024 * 1024;

/** The most a whole-body viewer loads (undefined: the viewer streams, any size). */
export function wholeMax(name: ViewerName): number | undefined {
  return name === 'pretty' ? PRETTY_MAX : name === 'image' ? IMAGE_MAX : name === 'html' ? HTML_MAX : undefined;
}

/** A viewer can show a body of `total` bytes (a whole-body one only up to its limit). */
export const canRender = (name: ViewerName, total: number): boolean => total <= (wholeMax(name) ?? Infinity);

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function prettyLang(type: string): PrettyLang | undefined {
  if (type === 'application/json' || type.endsWith('+json') || type === 'text/json') return 'json';
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml';
  return undefined;
}

const textual = (t: string): boolean =>
  t === '' || t.startsWith('text/') || prettyLang(t) !== undefined || /javascript|ecmascript|x-www-form-urlencoded|yaml|csv/.test(t);

/** The viewers offered, in tab order, and the one opened first. */
export function viewersFor(contentType: string | undefined): { offered: ViewerName[]; initial: ViewerName } {
  const t = mediaType(contentType);
  const offered: ViewerName[] = ['raw'];
  if (prettyLang(t)) offered.push('pretty');
  offered.push('hex');
  if (t.startsWith('image/')) offered.push('image');
  if (t === 'text/html' || t === 'application/xhtml+xml') offered.push('html');
  const initial: ViewerName = prettyLang(t) ? 'pretty' : t.startsWith('image/') ? 'image' : textual(t) ? 'raw' : 'hex';
  return { offered, initial };
}

/** The Content-Type of raw response headers (the last one, as the last hop's). */
export function contentTypeOf(rawHeaders: string | undefined): string | undefined {
  let found: string | undefined;
  for (const line of (rawHeaders ?? '').split(/\r?\n/)) {
    const m = /^content-type:(.*)$/i.exec(line);
    if (m) found = m[1]?.trim();
  }
  return found;
}
