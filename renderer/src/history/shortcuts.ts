// Shortcuts of the history and settings UI: Ctrl/Cmd+Shift+H shows or hides the history,
// Ctrl/Cmd+Shift+Enter re-sends the current history entry, Ctrl/Cmd+, opens the settings.
import { useEffect } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { openDialog } from '../dialogs/dialog-store.js';
import { currentEntry, resendEntry } from './history-actions.js';
import { toggleHistory } from '../sidebar/sidebar-store.js';

export function useHistoryShortcuts(): void {
  const platform = usePlatform();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.shiftKey && e.key.toLowerCase() === 'h') {
        e.preventDefault();
        toggleHistory();
      } else if (e.shiftKey && e.key === 'Enter') {
        e.preventDefault();
        // The entry focused in the sidebar, else the exchange shown or the last opened.
        const focused = (document.activeElement?.closest('[data-testid="history-row"]') as HTMLElement | null)?.dataset.id;
        const id = focused ?? currentEntry();
        if (id) void resendEntry(platform, id);
      } else if (!e.shiftKey && e.key === ',') {
        e.preventDefault();
        openDialog('settings');
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [platform]);
}
