// A scroll container whose scrollbar is a position in the body rather than in pixels: a
// spacer gives it height (set through the CSSOM, which CSP allows; style attributes it does
// not), a sticky layer holds the few rows on screen, and scrolling reports a fraction.
import { useCallback, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { scrollFraction, spacerHeight } from './text-rows.js';

/** Must match .vrow's height in viewers.css. */
export const LINE_HEIGHT = 18;

export interface ScrollPos {
  fraction: number;
  rows: number;
  scrollTop: number;
}

export interface ScrollControl {
  /** Scrolls to a fraction of the range; returns the scrollTop it set. */
  scrollToFraction(f: number): number;
}

interface Props {
  /** Rows the scrollbar stands for (a guess for raw text). */
  units: number;
  onPos(pos: ScrollPos): void;
  control?: RefObject<ScrollControl | null>;
  label: string;
  children: ReactNode;
}

export function VirtualScroll({ units, onPos, control, label, children }: Props) {
  const box = useRef<HTMLDivElement | null>(null);
  const spacer = useRef<HTMLDivElement | null>(null);
  const frame = useRef(0);
  const onPosRef = useRef(onPos);
  onPosRef.current = onPos;

  const report = useCallback(() => {
    frame.current = 0;
    const el = box.current;
    if (!el) return;
    const rows = Math.max(1, Math.ceil(el.clientHeight / LINE_HEIGHT));
    onPosRef.current({ fraction: scrollFraction(el.scrollTop, el.scrollHeight, el.clientHeight), rows, scrollTop: el.scrollTop });
  }, []);
  // One report per frame, however many scroll events came.
  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(report);
  }, [report]);

  useEffect(() => {
    const el = box.current;
    const sp = spacer.current;
    if (!el || !sp) return;
    const size = () => {
      sp.style.height = `${spacerHeight(units, LINE_HEIGHT, el.clientHeight)}px`;
      schedule();
    };
    size();
    const ro = new ResizeObserver(size);
    ro.observe(el);
    return () => ro.disconnect();
  }, [units, schedule]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  useEffect(() => {
    if (!control) return;
    control.current = {
      scrollToFraction(f) {
        const el = box.current;
        if (!el) return 0;
        el.scrollTop = Math.round(f * Math.max(0, el.scrollHeight - el.clientHeight));
        schedule();
        return el.scrollTop;
      },
    };
  }, [control, schedule]);

  return (
    // data-units: the rows the range stands for (the spacer's pixels stop growing at
    // MAX_SPACER_PX, so this is what shows a growing body past ~7 MB).
    <div className="vscroll" ref={box} onScroll={schedule} tabIndex={0} role="region" aria-label={label} data-units={Math.round(units)}>
      <div className="vscroll-layer">{children}</div>
      <div className="vscroll-spacer" ref={spacer} />
    </div>
  );
}
