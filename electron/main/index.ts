// The composition root of the desktop app: Electron's main process wires the core to
// one window through the IPC router. The core does the real work; the network engines
// already run out of process (AppCore starts engine-host child processes), so a native
// crash in WinInet or libcurl never takes this process or the window down.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type OpenDialogOptions } from 'electron';
import { AppCore, type AppHooks } from '../../core/app-core.js';
import { DisposableStore } from '../../core/lifecycle.js';
import { MENU_CHANNEL, type MenuCommand } from '../channels.js';
import { AppContents } from './app-contents.js';
import { registerAppScheme } from './app-protocol.js';
import { useNodeHostSpawner } from '../../engine/host-spawn.js';
import { utilityHostSpawner } from './utility-host.js';
import { IpcRouter } from './ipc-router.js';
import { menuTemplate } from './menu.js';
import { createWindow, hardenSession, openIfWebLink, RENDERER_URL } from './window.js';

const log = (message: string): void => console.log(`[inetscope] ${message}`);

/** The core's file choices, answered by native dialogs attached to the focused window. */
function dialogHooks(): AppHooks {
  return {
    async chooseSavePath(suggestedName) {
      // basename: a suggestion comes from a server's headers and must not pick the folder.
      const defaultPath = path.join(app.getPath('downloads'), path.basename(suggestedName));
      const win = BrowserWindow.getFocusedWindow();
      const r = win ? await dialog.showSaveDialog(win, { defaultPath }) : await dialog.showSaveDialog({ defaultPath });
      return r.canceled || !r.filePath ? undefined : r.filePath;
    },
    async chooseUploadFile() {
      const options: OpenDialogOptions = { properties: ['openFile'] };
      const win = BrowserWindow.getFocusedWindow();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? undefined : r.filePaths[0];
    },
    async chooseWorkspaceFolder() {
      const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'], title: 'Open a folder as a workspace' };
      const win = BrowserWindow.getFocusedWindow();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? undefined : r.filePaths[0];
    },
    async openExternal(url) {
      // An OAuth sign-in page: the one opener of web links (window.ts).
      if (!openIfWebLink(url)) throw new Error(`not a web URL: ${url}`);
    },
  };
}

/** Menu commands go to the focused window only if it is one of ours. */
function sendToFocused(contents: AppContents, command: MenuCommand): void {
  const wc = BrowserWindow.getFocusedWindow()?.webContents;
  if (wc && contents.list().includes(wc)) wc.send(MENU_CHANNEL, command);
}

/** Runs the shutdown list (the router, then the core: engine hosts, stores) before the process exits. */
function closeOnQuit(shutdown: DisposableStore): void {
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    shutdown
      .dispose()
      .catch((e: unknown) => log(`closing failed: ${String(e)}`))
      .finally(() => app.quit());
  });
}

async function main(): Promise<void> {
  // One instance per data dir: two cores must not share the stores.
  if (!app.requestSingleInstanceLock()) return app.quit();
  registerAppScheme();
  await app.whenReady();
  useNodeHostSpawner(utilityHostSpawner);
  hardenSession(session.defaultSession);
  const shutdown = new DisposableStore();
  const core = await AppCore.create({ dataDir: app.getPath('userData'), hooks: dialogHooks(), log });
  shutdown.add(() => core.close());
  const contents = new AppContents(RENDERER_URL);
  // The router is registered before the window loads, so the page's first call finds it.
  const router = new IpcRouter({ ipc: ipcMain, core, contents, log });
  shutdown.add(() => router.dispose());
  const open = (): BrowserWindow => createWindow(contents);
  open();
  const dev = !app.isPackaged;
  const send = (command: MenuCommand): void => sendToFocused(contents, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ dev, isMac: process.platform === 'darwin', send })));
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open());
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  closeOnQuit(shutdown);
}

main().catch((e: unknown) => {
  dialog.showErrorBox('InetScope could not start', e instanceof Error ? (e.stack ?? e.message) : String(e));
  app.exit(1);
});
