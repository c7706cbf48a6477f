// Every keyboard shortcut of the page, for the help dialog (Ctrl/Cmd+/). Each feature's
// handler lives with the feature (App.tsx, */shortcuts.ts, InteropBar); this is the one
// list a person reads: a shortcut added there is added here.
export interface Shortcut {
  /** The keys, "Mod" standing for Ctrl (Cmd on macOS). */
  keys: string;
  does: string;
}

export const SHORTCUT_GROUPS: ReadonlyArray<{ title: string; shortcuts: readonly Shortcut[] }> = [
  {
    title: 'Request',
    shortcuts: [
      { keys: 'Mod+Enter', does: 'Send the request' },
      { keys: 'Escape', does: 'Cancel the request in flight (with a dialog open: close the dialog)' },
      { keys: 'Mod+S', does: 'Save the request (Save as… for a tab not saved yet)' },
      { keys: 'Mod+Shift+S', does: 'Save the request as…' },
      { keys: 'Mod+Shift+I', does: 'Import a curl command' },
    ],
  },
  {
    title: 'Tabs',
    shortcuts: [
      { keys: 'Mod+T', does: 'Open a new tab' },
      { keys: 'Mod+W', does: 'Close the active tab (asks first if it has unsaved changes)' },
      { keys: 'Ctrl+Tab / Ctrl+Shift+Tab', does: 'Go to the next / previous tab' },
      { keys: 'F2 (or double-click)', does: 'Rename the focused tab' },
    ],
  },
  {
    title: 'Views',
    shortcuts: [
      { keys: 'Mod+Shift+K', does: 'Show or hide the collections' },
      { keys: 'Mod+Shift+H', does: 'Show or hide the history' },
      { keys: 'Mod+Shift+Enter', does: 'Send the history entry again (the focused one, else the one shown)' },
      { keys: '↑ / ↓', does: 'Move through the history list' },
      { keys: 'Mod+Alt+E', does: 'Manage environments' },
      { keys: 'Mod+,', does: 'Settings' },
      { keys: 'Mod+/', does: 'This list of shortcuts' },
    ],
  },
];

/** "Mod" as this machine's modifier key. */
export function keysFor(keys: string, mac: boolean): string {
  return keys.replace(/\bMod\b/g, mac ? 'Cmd' : 'Ctrl');
}
