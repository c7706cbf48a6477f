// The app window and the locks on it: sandboxed renderer with context isolation, a
// strict CSP, no navigation, no new windows, no permissions. The renderer's only way
// out is the preload's narrow API (electron/preload), answered by the IPC router.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { handleAppScheme } from './app-protocol.js';
import type { AppContents } from './app-contents.js';
import { APP_INDEX_URL } from './app-files.js';

// This file runs as dist/electron/main/window.js; the renderer and the bundled preload
// are built next to it (vite → dist/renderer, esbuild → dist/electron/preload.cjs).
const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = path.join(here, '..', 'preload.cjs');
const RENDERER_ROOT = path.join(here, '..', '..', 'renderer');
/** Served by app-protocol.ts: the page gets no file: privileges. */
export const RENDERER_URL = APP_INDEX_URL;

/** The renderer needs its own scripts, styles and data: images, nothing from elsewhere. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Locks the session down once, before any window: every permission (camera, notifications,
 * clipboard-read…) is refused, the renderer is served on app:// with the CSP as a header,
 * and every other response carries the CSP too; renderer/index.html carries the same
 * policy in a meta tag as a backstop.
 */
export function hardenSession(ses: Session): void {
  handleAppScheme(ses, RENDERER_ROOT, CONTENT_SECURITY_POLICY);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
    callback({ responseHeaders });
  });
}

/** Opens plain web links in the user's browser; any other scheme (file:, javascript:, custom handlers) is dropped. */
/** Opens a web URL in the OS's browser (never file: or an app's scheme); false: it was not one. */
export function openIfWebLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  void shell.openExternal(parsed.href);
  return true;
}

/** The page never leaves the app's index.html and never opens windows or embeds webviews. */
function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfWebLink(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfWebLink(url);
    return { action: 'deny' };
  });
}

export function createWindow(contents: AppContents): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'InetScope',
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: PRELOAD_PATH,
      spellcheck: false,
      // Middle-click would ask for a new window; the open handler denies it, but the page
      // has no use for auxclick either, so it is not offered at all.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const wc = win.webContents;
  // The id is read now: a destroyed webContents must not be asked for anything.
  const id = wc.id;
  contents.add(wc);
  wc.once('destroyed', () => contents.remove(id));
  lockNavigation(wc);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(RENDERER_URL);
  return win;
}
