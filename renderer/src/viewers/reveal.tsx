// Marked pieces of a row, and bringing the current hit into view sideways once per jump
// (later scrolling is the user's: the hit is not pulled back).
import { useLayoutEffect, useRef } from 'react';
import type { Segment } from './marks.js';

export function Pieces({ segs }: { segs: readonly Segment[] }) {
  if (segs.length === 1 && !segs[0]?.mark) return <>{segs[0]?.text || ' '}</>;
  return (
    <>
      {segs.map((s, i) =>
        s.mark ? (
          <mark key={i} className={s.mark === 'current' ? 'hit hit-current' : 'hit'} data-testid={s.mark === 'current' ? 'search-hit' : undefined}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** A ref for the rows' container: when the current hit of jump `seq` is rendered, it is
 * scrolled into view, once per jump. */
export function useReveal(seq: number | undefined, rendered: unknown) {
  const box = useRef<HTMLDivElement | null>(null);
  const done = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (seq === undefined || done.current === seq) return;
    const hit = box.current?.querySelector('.hit-current');
    const scroller = hit?.closest('.vscroll');
    if (!hit || !scroller) return;
    done.current = seq;
    // Vertically the viewer already put the hit in its box (scrolling the box here would
    // undo its pin): sideways, the hit goes to the middle; the page brings the box on screen.
    const h = hit.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    const left = h.left - s.left;
    if (left < 0 || left + h.width > scroller.clientWidth) scroller.scrollLeft = Math.max(0, scroller.scrollLeft + left - (scroller.clientWidth - h.width) / 2);
    scroller.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [seq, rendered]);
  return box;
}
