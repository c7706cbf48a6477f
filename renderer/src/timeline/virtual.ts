// Virtual-window math for long lists of fixed-height rows: which rows to render and how
// much empty space stands in for the others. Pure, so it is tested without a DOM.

/** Above this many rows the event list renders only a window (a download makes tens of
 * thousands of RESPONSE_RECEIVED rows; rendering them all freezes the page). Below it every
 * row is in the DOM, so the browser's find-in-page sees them all; a few hundred rows
 * re-render cheaply, more while a body streams in do not. */
export const VIRTUALIZE_ABOVE = 200;

export interface VirtualWindow {
  /** First row rendered (inclusive). */
  start: number;
  /** Last row rendered (exclusive). */
  end: number;
  /** px of space above and below the rendered rows. */
  padTop: number;
  padBottom: number;
}

export interface WindowInput {
  count: number;
  rowHeight: number;
  /** px scrolled from the top of the rows. */
  scrollTop: number;
  /** px of visible height. */
  viewport: number;
  /** Rows rendered beyond each edge, so fast scrolling shows no gap before the next render. */
  overscan?: number;
}

export function virtualWindow({ count, rowHeight, scrollTop, viewport, overscan = 10 }: WindowInput): VirtualWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const span = Math.ceil(Math.max(0, viewport) / rowHeight) + 2 * overscan;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight) - overscan;
  // Past the end (scrollTop from a longer list, or "show the tail"): the last full window.
  const start = Math.max(0, Math.min(first, count - span));
  const end = Math.min(count, start + span);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/** The window showing the last rows: the list follows the end while new rows arrive. */
export function tailWindow(input: Omit<WindowInput, 'scrollTop'>): VirtualWindow {
  return virtualWindow({ ...input, scrollTop: Number.MAX_SAFE_INTEGER });
}

/** Whether a scroll position is at the end (within slack px): following continues. */
export function atEnd(scrollHeight: number, scrollTop: number, clientHeight: number, slack = 24): boolean {
  return scrollHeight - scrollTop - clientHeight < slack;
}
