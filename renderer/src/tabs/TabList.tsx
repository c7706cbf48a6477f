// The list of open tabs (a menu from the tab strip): every tab by name, the active one
// marked; picking one activates it (and the strip scrolls it into view); its × closes it.
import { useEffect, useRef, useState } from 'react';
import { type Tab } from './tabs-slice.js';

interface Props {
  tabs: Tab[];
  active: string;
  title(t: Tab): string;
  onPick(key: string): void;
  onClose(key: string): void;
}

export function TabList({ tabs, active, title, onPick, onClose }: Props) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => void (box.current && !box.current.contains(e.target as Node) && setOpen(false));
    const onKey = (e: KeyboardEvent) => void (e.key === 'Escape' && setOpen(false));
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="tab-list" ref={box}>
      <button className="tab-list-button" data-testid="tab-list-button" aria-haspopup="menu" aria-expanded={open} title={`Open tabs (${tabs.length})`} onClick={() => setOpen(!open)}>
        ▾
      </button>
      {open && (
        <ul className="tab-list-menu" role="menu" data-testid="tab-list-menu">
          {tabs.map((t) => (
            <li key={t.key} role="none" className="tab-list-entry">
              <button
                role="menuitem"
                className={t.key === active ? 'tab-list-item active' : 'tab-list-item'}
                aria-current={t.key === active ? 'true' : undefined}
                onClick={() => {
                  onPick(t.key);
                  setOpen(false);
                }}
              >
                {t.inFlightId ? '● ' : ''}
                {title(t)}
              </button>
              <button type="button" className="tab-close" data-testid="tab-list-close" aria-label={`Close ${title(t)}`} title="Close tab" onClick={() => onClose(t.key)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
