// Hex dump by offset: 16 bytes a row, the rows on screen read from the slice cache. Search
// hits on screen are marked in both columns; a jump puts the hit's row near the top.
import { useEffect, useMemo, useRef, useState } from 'react';
import { HEX_COLS, hexRowCount, hexRows, type HexRow } from './hex.js';
import { hexSegments, marksIn } from './marks.js';
import { Pieces, useReveal } from './reveal.js';
import { VirtualScroll, type ScrollControl, type ScrollPos } from './VirtualScroll.js';
import { START, type ByteViewerProps } from './viewer-props.js';

/** Rows above a hit jumped to, for context. */
const CONTEXT_ROWS = 2;

type Props = ByteViewerProps;

/** `complete` false: the body is still streaming in; `total` grows and the window is read
 * again as new bytes cover it (and once more when the body is complete). */
export function HexViewer({ cache, total, complete = true, jump, hits }: Props) {
  const [pos, setPos] = useState<ScrollPos>(START);
  const [rows, setRows] = useState<{ first: number; rows: HexRow[] }>({ first: 0, rows: [] });
  const control = useRef<ScrollControl | null>(null);
  // As in RawViewer: the scrollbar's pixels are coarser than rows on a big body, so a
  // jump pins its exact first row while scrollTop stays where the jump put it.
  const pinned = useRef<{ scrollTop: number; row: number } | null>(null);
  const seq = useRef(0);
  const count = hexRowCount(total);

  useEffect(() => {
    const pin = pinned.current;
    const last = Math.max(0, count - pos.rows + 1);
    const first = pin && Math.abs(pin.scrollTop - pos.scrollTop) < 1 ? Math.min(pin.row, last) : Math.round(pos.fraction * last);
    const mine = ++seq.current;
    void cache.read(first * HEX_COLS, pos.rows * HEX_COLS).then((bytes) => {
      if (mine === seq.current) setRows({ first, rows: hexRows(bytes, first * HEX_COLS, total) });
    });
  }, [pos, cache, total, count, complete]);

  useEffect(() => {
    if (!jump || !control.current) return;
    const row = Math.max(0, Math.floor(jump.offset / HEX_COLS) - CONTEXT_ROWS);
    const scrollTop = control.current.scrollToFraction(row / Math.max(1, count - pos.rows + 1));
    pinned.current = { scrollTop, row };
    // Not on pos.rows: a jump is made once, not again on a resize.
  }, [jump, count]);

  const shown = useMemo(() => {
    const start = rows.first * HEX_COLS;
    const marks = marksIn(hits?.offsets ?? [], hits?.length ?? jump?.length ?? 0, jump?.offset, start, start + rows.rows.length * HEX_COLS);
    return rows.rows.map((r, i) => ({ r, ...hexSegments(r, start + i * HEX_COLS, marks) }));
  }, [rows, hits, jump]);
  const rowsRef = useReveal(jump?.seq, shown);

  return (
    <VirtualScroll units={count} onPos={setPos} control={control} label="Hex dump">
      <div className="vrows hex-rows" data-testid="hex-rows" ref={rowsRef}>
        {shown.map(({ r, hex, ascii }, i) => (
          <div key={rows.first + i} className={hex.some((s) => s.mark === 'current') ? 'vrow hexrow vrow-hit' : 'vrow hexrow'}>
            <span className="hex-off">{r.offset}</span>
            <span className="hex-bytes"><Pieces segs={hex} /></span>
            <span className="hex-ascii"><Pieces segs={ascii} /></span>
          </div>
        ))}
      </div>
    </VirtualScroll>
  );
}
