// Two panes and a separator between them that a mouse drags and the keyboard moves (arrow
// keys on the focused separator, Shift for larger steps, Home/End): a WAI-ARIA window
// splitter. The first pane's size is kept as a fraction of the split (layout-store.ts).
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { clampSize, fractionOf, sizeForKey, type Bounds } from './split-math.js';
import { setSplit, useLayout, type SplitName } from './layout-store.js';
import './layout.css';

/** The separator's thickness (layout.css). */
export const SEPARATOR_PX = 5;

interface Props {
  name: SplitName;
  /** row: panes side by side (the separator is vertical); column: one over the other. */
  direction: 'row' | 'column';
  /** The separator's accessible name, e.g. "Resize the sidebar". */
  label: string;
  minFirst: number;
  minSecond: number;
  first: ReactNode;
  second: ReactNode;
  className?: string;
  /** false: the second pane alone, in the same place (its state survives the first coming back). */
  showFirst?: boolean;
}

/** The split's length along its axis, followed as it resizes. */
function useLength(box: React.RefObject<HTMLDivElement | null>, direction: 'row' | 'column'): number {
  const [length, setLength] = useState(0);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setLength(direction === 'row' ? el.clientWidth : el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, direction]);
  return length;
}

/** A pointer drag on the separator: `to` gets the pointer's distance from the split's start. */
function useDrag(box: React.RefObject<HTMLDivElement | null>, direction: 'row' | 'column', to: (at: number) => void) {
  return (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !box.current) return;
    e.preventDefault();
    const sep = e.currentTarget;
    sep.setPointerCapture(e.pointerId);
    const origin = box.current.getBoundingClientRect();
    const move = (ev: globalThis.PointerEvent) => to(direction === 'row' ? ev.clientX - origin.left : ev.clientY - origin.top);
    const up = () => {
      sep.removeEventListener('pointermove', move);
      sep.removeEventListener('pointerup', up);
      sep.removeEventListener('pointercancel', up);
    };
    sep.addEventListener('pointermove', move);
    sep.addEventListener('pointerup', up);
    sep.addEventListener('pointercancel', up);
  };
}

export function Split({ name, direction, label, minFirst, minSecond, first, second, className, showFirst = true }: Props) {
  const box = useRef<HTMLDivElement | null>(null);
  const pane = useRef<HTMLDivElement | null>(null);
  const fraction = useLayout((s) => s.sizes[name]);
  const total = useLength(box, direction);
  const bounds: Bounds = { total: Math.max(0, total - SEPARATOR_PX), minFirst, minSecond };
  const size = clampSize(fraction * bounds.total, bounds);
  // CSSOM, not a style attribute: the page's CSP refuses inline styles.
  useLayoutEffect(() => {
    if (pane.current) pane.current.style.flexBasis = total > 0 ? `${size}px` : `${fraction * 100}%`;
  }, [size, total, fraction, showFirst]);
  const commit = useCallback((px: number) => setSplit(name, fractionOf(px, bounds.total)), [name, bounds.total]);

  const onPointerDown = useDrag(box, direction, (at) => commit(clampSize(at - SEPARATOR_PX / 2, bounds)));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = sizeForKey(e.key, e.shiftKey, size, bounds);
    if (next === undefined) return;
    e.preventDefault();
    commit(next);
  };
  const percent = Math.round(fractionOf(size, bounds.total) * 100);
  return (
    <div className={`split split-${direction}${className ? ` ${className}` : ''}`} ref={box} data-split={name}>
      {showFirst && (
        <div className="split-pane split-first" ref={pane}>
          {first}
        </div>
      )}
      {showFirst && (
        <div
          className="split-separator"
          role="separator"
          tabIndex={0}
          aria-label={label}
          aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
          data-testid={`splitter-${name}`}
          onPointerDown={onPointerDown}
          onKeyDown={onKeyDown}
        />
      )}
      <div className="split-pane split-second">{second}</div>
    </div>
  );
}
