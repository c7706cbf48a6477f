// The shortcut help dialog (Ctrl/Cmd+/ or the top bar's "?"): every shortcut, grouped.
import { useEffect } from 'react';
import { Modal } from './Modal.js';
import { closeDialog, openDialog } from './dialog-store.js';
import { keysFor, SHORTCUT_GROUPS } from './shortcut-list.js';

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutsDialog() {
  const mac = isMac();
  return (
    <Modal title="Keyboard shortcuts" testId="shortcuts-dialog" onClose={closeDialog}>
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((g) => (
          <table key={g.title} className="shortcut-table">
            <caption>{g.title}</caption>
            <tbody>
              {g.shortcuts.map((s) => (
                <tr key={s.keys} data-testid="shortcut-row">
                  <th scope="row">
                    <kbd>{keysFor(s.keys, mac)}</kbd>
                  </th>
                  <td>{s.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Modal>
  );
}

/** Ctrl/Cmd+/ opens the list (with another dialog open it waits, as the other shortcuts do). */
export function useShortcutHelp(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key !== '/') return;
      e.preventDefault();
      if (!document.querySelector('[aria-modal="true"]')) openDialog('shortcuts');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

export function ShortcutsButton() {
  return (
    <button type="button" className="btn btn-small" data-testid="shortcuts-open" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (Ctrl+/)" onClick={() => openDialog('shortcuts')}>
      ?
    </button>
  );
}
