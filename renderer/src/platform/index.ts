// Picks the host adapter: window.inetscope (the Electron preload) or browser mode's WebSocket.
import { BrowserPlatform, socketUrl } from './browser-platform.js';
import { bridgeFromWindow, ElectronPlatform } from './electron-platform.js';
import { takePageToken } from './page-token.js';
import type { Platform } from './types.js';

export { OFFLINE_MESSAGE } from './browser-platform.js';
export { describeError, PlatformError, type ConnectionState, type MenuCommand, type PickedFile, type Platform } from './types.js';

let instance: Platform | undefined;

export function createPlatform(): Platform {
  const bridge = bridgeFromWindow(window);
  return bridge ? new ElectronPlatform(bridge) : new BrowserPlatform(socketUrl(window.location, takePageToken(window)));
}

/** The one platform of this page. */
export function getPlatform(): Platform {
  instance ??= createPlatform();
  return instance;
}
