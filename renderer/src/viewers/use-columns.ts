// The columns a wrapped Raw row holds: the scroll box's inner width (its scrollbar and the
// rows' padding out) over the width of one character of the rows' monospace font, measured
// on a probe in the rows and again whenever the box is resized.
import { useEffect, useState, type RefObject } from 'react';

/** .vrow's left and right padding (viewers.css). */
const ROW_PADDING = 16;
const PROBE = 'M'.repeat(100);

/** Columns for the `.vscroll` inside `host`; undefined when `on` is false. */
export function useColumns(host: RefObject<HTMLElement | null>, on: boolean): number | undefined {
  const [cols, setCols] = useState<number | undefined>(undefined);
  useEffect(() => {
    const box = host.current?.querySelector<HTMLElement>('.vscroll');
    if (!on || !box) return setCols(undefined);
    const probe = document.createElement('span');
    probe.className = 'vrow-probe';
    probe.textContent = PROBE;
    box.appendChild(probe); // beside the layer React renders, in the rows' font (viewers.css)
    const measure = () => {
      const ch = probe.getBoundingClientRect().width / PROBE.length;
      if (ch > 0) setCols(Math.max(8, Math.floor((box.clientWidth - ROW_PADDING) / ch)));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(box);
    return () => {
      ro.disconnect();
      probe.remove();
    };
  }, [host, on]);
  return cols;
}
