// A WAI-ARIA tablist: one tab in the Tab order (the selected one), the arrow keys move
// between tabs and select them, Home/End go to the ends. The panel is the caller's.
import { useRef, type KeyboardEvent } from 'react';

export interface TabDef<K extends string> {
  id: K;
  label: string;
  /** The tab's tooltip: what its label sums up. */
  title?: string;
}

interface Props<K extends string> {
  tabs: ReadonlyArray<TabDef<K>>;
  selected: K;
  onSelect(id: K): void;
  label: string;
  /** data-testid of each tab: `${testPrefix}-${id}`; its panel's id: `${testPrefix}-panel`. */
  testPrefix: string;
  className?: string;
}

/** The index a key moves to from `i` among `n` tabs, or undefined for other keys. */
export function tabIndexForKey(key: string, i: number, n: number): number | undefined {
  if (key === 'ArrowRight') return (i + 1) % n;
  if (key === 'ArrowLeft') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return undefined;
}

export function Tablist<K extends string>({ tabs, selected, onSelect, label, testPrefix, className }: Props<K>) {
  const box = useRef<HTMLDivElement | null>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const next = tabIndexForKey(e.key, Math.max(0, i), tabs.length);
    const tab = next === undefined ? undefined : tabs[next];
    if (!tab) return;
    e.preventDefault();
    onSelect(tab.id);
    box.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next as number]?.focus();
  };
  return (
    <div className={className ?? 'tablist'} role="tablist" aria-label={label} ref={box} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`${testPrefix}-${t.id}`}
          data-testid={`${testPrefix}-${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={`${testPrefix}-panel`}
          tabIndex={t.id === selected ? 0 : -1}
          title={t.title}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
