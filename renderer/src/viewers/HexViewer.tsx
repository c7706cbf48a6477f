// Hex dump by offset: 16 bytes a row, the rows on screen read from the slice cache.
import { useEffect, useRef, useState } from 'react';
import type { SliceCache } from './slice-cache.js';
import { HEX_COLS, hexRowCount, hexRows, type HexRow } from './hex.js';
import { VirtualScroll, type ScrollControl, type ScrollPos } from './VirtualScroll.js';
import type { Jump } from './RawViewer.js';

const START: ScrollPos = { fraction: 0, rows: 40, scrollTop: 0 };

/** `complete` false: the body is still streaming in; `total` grows and the window is read
 * again as new bytes cover it (and once more when the body is complete). */
export function HexViewer({ cache, total, complete = true, jump }: { cache: SliceCache; total: number; complete?: boolean; jump?: Jump }) {
  const [pos, setPos] = useState<ScrollPos>(START);
  const [rows, setRows] = useState<{ first: number; rows: HexRow[] }>({ first: 0, rows: [] });
  const control = useRef<ScrollControl | null>(null);
  const seq = useRef(0);
  const count = hexRowCount(total);

  useEffect(() => {
    const first = Math.round(pos.fraction * Math.max(0, count - pos.rows + 1));
    const mine = ++seq.current;
    void cache.read(first * HEX_COLS, pos.rows * HEX_COLS).then((bytes) => {
      if (mine === seq.current) setRows({ first, rows: hexRows(bytes, first * HEX_COLS, total) });
    });
  }, [pos, cache, total, count, complete]);

  useEffect(() => {
    if (!jump || !control.current) return;
    const row = Math.floor(jump.offset / HEX_COLS);
    control.current.scrollToFraction(row / Math.max(1, count - pos.rows + 1));
    // Not on pos.rows: a jump is made once, not again on a resize.
  }, [jump, count]);

  const hitRow = jump ? Math.floor(jump.offset / HEX_COLS) : -1;
  return (
    <VirtualScroll units={count} onPos={setPos} control={control} label="Hex dump">
      <div className="vrows hex-rows" data-testid="hex-rows">
        {rows.rows.map((r, i) => (
          <div key={rows.first + i} className={rows.first + i === hitRow ? 'vrow hexrow vrow-hit' : 'vrow hexrow'}>
            <span className="hex-off">{r.offset}</span>
            <span className="hex-bytes">{r.hex}</span>
            <span className="hex-ascii">{r.ascii}</span>
          </div>
        ))}
      </div>
    </VirtualScroll>
  );
}
