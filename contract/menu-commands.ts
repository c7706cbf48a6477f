// The application menu's commands, named once for the Electron main process (which sends
// them) and the renderer (which checks and runs them).
export const MENU_COMMANDS = [
  'send', 'saveRequest', 'saveRequestAs', 'saveResponse', 'closeTab', 'resend', 'importCurl', 'copyCurl', 'showCode', 'importHar', 'exportHar', 'toggleCollections', 'toggleHistory', 'manageEnvironments', 'settings', 'newTab', 'nextTab', 'previousTab', 'toggleLayout', 'toggleTimeline',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
