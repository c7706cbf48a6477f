// Shortcuts of the collections: Ctrl/Cmd+S saves the active tab (Save As for a tab not saved
// yet), Ctrl/Cmd+Shift+S is Save As, Ctrl/Cmd+Shift+K shows or hides the collections.
import { useEffect } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { appStore } from '../app-store.js';
import { openDialog } from '../dialogs/dialog-store.js';
import { toggleCollections } from '../sidebar/sidebar-store.js';
import { saveTab } from './save-actions.js';

export function useCollectionsShortcuts(): void {
  const platform = usePlatform();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== 's' && !(key === 'k' && e.shiftKey)) return;
      e.preventDefault();
      // With a dialog open, the page's shortcuts wait (the browser's Save page is refused all the same).
      if (document.querySelector('[aria-modal="true"]')) return;
      const tab = appStore.getState().activeTab;
      if (key === 'k') toggleCollections();
      else if (e.shiftKey) openDialog('saveAs', { tabKey: tab });
      else void saveTab(platform, tab);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [platform]);
}
