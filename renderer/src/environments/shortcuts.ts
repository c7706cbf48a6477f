// Ctrl/Cmd+Alt+E opens Manage environments (by the key's place: Alt+E types a character on
// macOS, so e.key is not "e" there). With another dialog open it waits.
import { useEffect } from 'react';
import { openDialog } from '../dialogs/dialog-store.js';

export function useEnvironmentShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.altKey || e.shiftKey || e.code !== 'KeyE') return;
      e.preventDefault();
      if (!document.querySelector('[aria-modal="true"]')) openDialog('environments');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
