// A tree row's menu (the "⋯" button, a right click, Shift+F10 or the context-menu key):
// every row action, so each is reachable by keyboard. Arrow keys move between the items,
// Escape closes it and gives the focus back to the row.
import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuAction {
  label: string;
  hint?: string;
  run(): void;
  disabled?: boolean;
}

/** ↑/↓ between a menu's enabled items, round. */
export function menuArrows(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  e.preventDefault();
  const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
}

export function RowMenu({ actions, onClose }: { actions: MenuAction[]; onClose(): void }) {
  const box = useRef<HTMLUListElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onDown = (e: MouseEvent) => void (box.current && !box.current.contains(e.target as Node) && onClose());
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);
  const onKey = (e: KeyboardEvent<HTMLUListElement>): void => {
    e.stopPropagation();
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
    } else menuArrows(e);
  };
  return (
    <ul className="tree-menu" role="menu" ref={box} data-testid="tree-menu" onKeyDown={onKey}>
      {actions.map((a) => (
        <li key={a.label} role="none">
          <button
            type="button"
            role="menuitem"
            disabled={a.disabled}
            data-testid={`menu-${a.label.replace(/[^A-Za-z]+/g, '-').replace(/-$/, '').toLowerCase()}`}
            onClick={() => {
              onClose();
              a.run();
            }}
          >
            <span>{a.label}</span>
            {a.hint && <kbd className="muted">{a.hint}</kbd>}
          </button>
        </li>
      ))}
    </ul>
  );
}
