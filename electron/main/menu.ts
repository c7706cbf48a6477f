// The application menu, as a template: only Electron's types are imported, so the
// template can be checked without the Electron binary; index.ts builds it.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../channels.js';

interface MenuOptions {
  /** Reload and devtools are for development only: a packaged app hides them. */
  dev: boolean;
  isMac: boolean;
  /** Hands a menu command to the focused app window's renderer. */
  send(command: MenuCommand): void;
}

/** A command whose shortcut the renderer handles itself: shown, not registered (it would fire twice). */
const shown = (o: MenuOptions, label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
  label,
  ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  click: () => o.send(command),
});

function fileMenu(o: MenuOptions): MenuItemConstructorOptions {
  return {
    label: 'File',
    submenu: [
      { label: 'Send', accelerator: 'CmdOrCtrl+Enter', click: () => o.send('send') },
      // Ctrl/Cmd+S saves the request (the collections' shortcut); the response has its button.
      shown(o, 'Save Request', 'saveRequest', 'CmdOrCtrl+S'),
      shown(o, 'Save Request As…', 'saveRequestAs', 'CmdOrCtrl+Shift+S'),
      { label: 'Save Response…', click: () => o.send('saveResponse') },
      shown(o, 'New Tab', 'newTab', 'CmdOrCtrl+T'),
      // Ctrl/Cmd+W closes the tab (asking first if it holds unsaved work); the window's Close takes Shift.
      shown(o, 'Close Tab', 'closeTab', 'CmdOrCtrl+W'),
      { type: 'separator' },
      shown(o, 'Import HAR…', 'importHar'),
      shown(o, 'Export HAR…', 'exportHar'),
      { type: 'separator' },
      shown(o, 'Settings…', 'settings', 'CmdOrCtrl+,'),
      { type: 'separator' },
      // On macOS Quit lives in the app menu; File ends with Close Window there.
      o.isMac ? { role: 'close', accelerator: 'CmdOrCtrl+Shift+W' } : { role: 'quit' },
    ],
  };
}

function requestMenu(o: MenuOptions): MenuItemConstructorOptions {
  return {
    label: 'Request',
    submenu: [
      shown(o, 'Re-send from History', 'resend', 'CmdOrCtrl+Shift+Enter'),
      { type: 'separator' },
      shown(o, 'Import cURL…', 'importCurl', 'CmdOrCtrl+Shift+I'),
      shown(o, 'Copy as cURL', 'copyCurl'),
      shown(o, 'Code…', 'showCode'),
      { type: 'separator' },
      shown(o, 'Manage Environments…', 'manageEnvironments', 'CmdOrCtrl+Alt+E'),
    ],
  };
}

function viewMenu(o: MenuOptions): MenuItemConstructorOptions {
  const devItems: MenuItemConstructorOptions[] = o.dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return {
    label: 'View',
    submenu: [
      shown(o, 'Collections', 'toggleCollections', 'CmdOrCtrl+Shift+K'),
      shown(o, 'History', 'toggleHistory', 'CmdOrCtrl+Shift+H'),
      shown(o, 'Stacked / Side by Side', 'toggleLayout'),
      shown(o, 'Timeline: Beside / In a Tab', 'toggleTimeline'),
      { type: 'separator' },
      shown(o, 'Next Tab', 'nextTab', 'Ctrl+Tab'),
      shown(o, 'Previous Tab', 'previousTab', 'Ctrl+Shift+Tab'),
      { type: 'separator' },
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

/** Electron's Window menu, but its Close (Windows, Linux) on Ctrl+Shift+W: Ctrl+W is the tab's. */
function windowMenu(o: MenuOptions): MenuItemConstructorOptions {
  const rest: MenuItemConstructorOptions[] = o.isMac ? [{ role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'close', accelerator: 'CmdOrCtrl+Shift+W' }];
  return { role: 'windowMenu', submenu: [{ role: 'minimize' }, ...rest] };
}

export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  return [
    ...(o.isMac ? [{ role: 'appMenu' } as const] : []),
    fileMenu(o),
    { role: 'editMenu' },
    requestMenu(o),
    viewMenu(o),
    windowMenu(o),
    // role 'about' is native on macOS and a message box elsewhere.
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
