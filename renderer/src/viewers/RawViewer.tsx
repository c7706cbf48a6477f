// Raw text of any size: the scrollbar is a byte offset, each frame reads (from the slice
// cache) and decodes only the window around it, a few rows × ROW_BYTES. Search hits on
// screen are marked byte-exact; a jump puts the current hit's row on top and scrolls it
// into view sideways (a row is up to 512 bytes wide). Wrapped, rows are cut to the box's
// width in columns (use-columns.ts), each piece of a long line a row of its own.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AVG_ROW_BYTES, layoutRows, windowFor, type Row } from './text-rows.js';
import { marksIn, rowSegments, type Segment } from './marks.js';
import { VirtualScroll, type ScrollControl, type ScrollPos } from './VirtualScroll.js';
import { Pieces, useReveal } from './reveal.js';
import { START, type ByteViewerProps } from './viewer-props.js';
import { useColumns } from './use-columns.js';

export type { Hits, Jump } from './viewer-props.js';

interface Shown {
  bytes: Uint8Array;
  base: number;
  rows: Row[];
}

type Props = ByteViewerProps & { wrap?: boolean };

/** `complete` false: the body is still streaming in; `total` grows and the window is read
 * again as new bytes cover it (and once more when the body is complete). */
export function RawViewer({ cache, total, complete = true, jump, hits, wrap = false }: Props) {
  const [pos, setPos] = useState<ScrollPos>(START);
  const [shown, setShown] = useState<Shown>({ bytes: new Uint8Array(0), base: 0, rows: [] });
  const [error, setError] = useState('');
  const control = useRef<ScrollControl | null>(null);
  // A jump sets scrollTop from a byte offset; while scrollTop stays there, that exact offset is the top.
  const pinned = useRef<{ scrollTop: number; byte: number } | null>(null);
  const seq = useRef(0);
  const host = useRef<HTMLDivElement | null>(null);
  const cols = useColumns(host, wrap);

  useEffect(() => {
    const pin = pinned.current;
    const top = pin && Math.abs(pin.scrollTop - pos.scrollTop) < 1 ? pin.byte : Math.round(pos.fraction * total);
    const w = windowFor(top, pos.rows, total, cols);
    const mine = ++seq.current;
    cache.read(w.start, w.end - w.start).then(
      (bytes) => {
        if (mine !== seq.current) return; // a newer position already asked
        setShown({ bytes, base: w.start, rows: layoutRows(bytes, w.start, top, pos.rows, total, cols) });
      },
      (e: unknown) => setError(String(e)),
    );
  }, [pos, cache, total, complete, cols]);

  useEffect(() => {
    if (!jump || !control.current || total === 0) return;
    const scrollTop = control.current.scrollToFraction(jump.offset / total);
    pinned.current = { scrollTop, byte: jump.offset };
  }, [jump, total]);

  const lines = useMemo(() => {
    const decoder = new TextDecoder('utf-8');
    const { bytes, base, rows } = shown;
    const end = base + bytes.length;
    const marks = marksIn(hits?.offsets ?? [], hits?.length ?? jump?.length ?? 0, jump?.offset, base, end);
    return rows.map((r): { offset: number; segs: Segment[] } => ({ offset: r.offset, segs: rowSegments(bytes, base, r, marks, decoder) }));
  }, [shown, hits, jump]);
  const rowsRef = useReveal(jump?.seq, lines);

  return (
    <div className={cols ? 'raw-view raw-wrapped' : 'raw-view'} ref={host} data-cols={cols}>
      {error && <p className="error">{error}</p>}
      <VirtualScroll units={total / Math.min(AVG_ROW_BYTES, cols ?? AVG_ROW_BYTES)} onPos={setPos} control={control} label="Raw body">
        <div className="vrows raw-rows" data-testid="raw-rows" data-top={lines[0]?.offset ?? 0} ref={rowsRef}>
          {lines.map((l) => (
            <div key={l.offset} className={l.segs.some((s) => s.mark === 'current') ? 'vrow vrow-hit' : 'vrow'}>
              <Pieces segs={l.segs} />
            </div>
          ))}
        </div>
      </VirtualScroll>
    </div>
  );
}
