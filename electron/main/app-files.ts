// Which file of the built renderer an app:// URL names. The window loads the renderer from
// app://inetscope/ rather than file://, so the page has no file: privileges (an XSS could
// otherwise fetch('file:///…') and send it out with sendRequest); this resolver is the
// whole of what that scheme serves. No Electron import: it is unit-tested in plain Node.
import path from 'node:path';

export const APP_SCHEME = 'app';
const APP_HOST = 'inetscope';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The file under `root` an app:// URL names, or undefined (other host, outside root, odd path). */
export function appFile(url: string, root: string): { file: string; contentType: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  if (rel.includes('\0') || rel.includes('\\')) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  if (!file.startsWith(base + path.sep)) return undefined;
  const contentType = TYPES[path.extname(file).toLowerCase()];
  return contentType ? { file, contentType } : undefined;
}
