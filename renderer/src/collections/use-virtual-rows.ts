// The tree's rows as a virtual list once there are many (a workspace may hold 10 000
// items): only the rows in view are rendered, spacers (sized through the CSSOM) stand in
// for the others, and `reveal` scrolls a row into view before it is focused.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { virtualWindow, VIRTUALIZE_ABOVE, type VirtualWindow } from '../timeline/virtual.js';

/** px per row: collections.css fixes .tree-row at this height. */
export const TREE_ROW_H = 26;
const OVERSCAN = 10;

export function useVirtualRows(count: number) {
  const ref = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ scrollTop: 0, height: 600 });
  const win: VirtualWindow =
    count > VIRTUALIZE_ABOVE ? virtualWindow({ count, rowHeight: TREE_ROW_H, scrollTop: view.scrollTop, viewport: view.height, overscan: OVERSCAN }) : { start: 0, end: count, padTop: 0, padBottom: 0 };
  useLayoutEffect(() => {
    if (top.current) top.current.style.height = `${win.padTop}px`;
    if (bottom.current) bottom.current.style.height = `${win.padBottom}px`;
  });
  const measure = useCallback(() => {
    const el = ref.current;
    if (el) setView((v) => (v.scrollTop === el.scrollTop && v.height === el.clientHeight ? v : { scrollTop: el.scrollTop, height: el.clientHeight }));
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);
  /** Scrolls row `index` into view (it is rendered on the next frame if it was not). */
  const reveal = useCallback((index: number) => {
    const el = ref.current;
    if (!el) return;
    const y = index * TREE_ROW_H;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + TREE_ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = y + TREE_ROW_H - el.clientHeight;
    measure();
  }, [measure]);
  return { ref, top, bottom, win, onScroll: measure, reveal };
}
