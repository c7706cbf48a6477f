// Ctrl/Cmd+W closes the active tab (asking first if it holds unsaved work). With a dialog
// open it waits, as the page's other shortcuts do.
import { useEffect } from 'react';
import { appStore } from '../app-store.js';
import { requestClose } from './close-actions.js';

export function useTabShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'w') return;
      e.preventDefault();
      if (document.querySelector('[aria-modal="true"]')) return;
      requestClose(appStore.getState().activeTab);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
