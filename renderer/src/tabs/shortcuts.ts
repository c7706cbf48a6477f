// The tabs' shortcuts: Ctrl/Cmd+T opens a new tab, Ctrl/Cmd+W closes the active one (asking
// first if it holds unsaved work), Ctrl+Tab and Ctrl+Shift+Tab go to the next and previous
// tab (Cmd+Tab is the system's on macOS). With a dialog open they wait, as the page's other
// shortcuts do. (A browser keeps Ctrl+T, Ctrl+W and Ctrl+Tab of an ordinary window for
// itself; the desktop app and an app window get them.)
import { useEffect } from 'react';
import { appStore } from '../app-store.js';
import { requestClose } from './close-actions.js';

/** Activates the tab `dir` places after (1) or before (-1) the active one, wrapping. */
export function cycleTab(dir: 1 | -1): void {
  const { tabs, activeTab, setActiveTab } = appStore.getState();
  const i = tabs.findIndex((t) => t.key === activeTab);
  const next = tabs[(i + dir + tabs.length) % tabs.length];
  if (next) setActiveTab(next.key);
}

/** The action of a key press, or undefined when it is not a tab shortcut. */
function actionFor(e: KeyboardEvent): (() => void) | undefined {
  if (e.altKey) return undefined;
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Tab' && e.ctrlKey) return () => cycleTab(e.shiftKey ? -1 : 1);
  if (!mod || e.shiftKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'w') return () => requestClose(appStore.getState().activeTab);
  if (key === 't') return () => void appStore.getState().newTab();
  return undefined;
}

export function useTabShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = actionFor(e);
      if (!action) return;
      e.preventDefault();
      if (document.querySelector('[aria-modal="true"]')) return;
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
