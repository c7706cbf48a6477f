// Horizontal scrolling of the tab strip: whether it can scroll either way (the arrow
// buttons show only then), the mouse wheel turned sideways, and the active tab kept in view.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface StripScroll {
  ref: React.RefObject<HTMLDivElement | null>;
  canLeft: boolean;
  canRight: boolean;
  /** Scrolls by most of the visible width, `dir` -1 (left) or 1 (right). */
  page(dir: -1 | 1): void;
}

/** `activeLabel`: the active tab's title (its width changes as its URL is typed). */
export function useStripScroll(activeKey: string, tabCount: number, activeLabel: string): StripScroll {
  const ref = useRef<HTMLDivElement | null>(null);
  const [edges, setEdges] = useState({ canLeft: false, canRight: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    // 1 px of slack: scrollLeft is fractional at some zoom levels.
    const next = { canLeft: el.scrollLeft > 1, canRight: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 };
    setEdges((e) => (e.canLeft === next.canLeft && e.canRight === next.canRight ? e : next));
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // A vertical wheel scrolls the strip sideways; it has no vertical scroll of its own.
    const onWheel = (e: WheelEvent) => {
      if (el.scrollWidth <= el.clientWidth) return;
      e.preventDefault();
      el.scrollLeft += Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('scroll', measure);
    };
  }, [measure]);
  // The active tab in view whenever it changes or tabs come and go.
  useLayoutEffect(() => {
    const el = ref.current;
    el?.querySelector<HTMLElement>('.tab-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    measure();
  }, [activeKey, tabCount, activeLabel, measure]);
  const page = useCallback((dir: -1 | 1) => {
    const el = ref.current;
    if (el) el.scrollBy({ left: dir * Math.max(80, el.clientWidth * 0.8) });
  }, []);
  return { ref, ...edges, page };
}
