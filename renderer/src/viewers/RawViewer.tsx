// Raw text of any size: the scrollbar is a byte offset, each frame reads (from the slice
// cache) and decodes only the window around it, a few rows × ROW_BYTES.
import { useEffect, useRef, useState } from 'react';
import type { SliceCache } from './slice-cache.js';
import { AVG_ROW_BYTES, layoutRows, rowText, windowFor } from './text-rows.js';
import { VirtualScroll, type ScrollControl, type ScrollPos } from './VirtualScroll.js';

export interface Jump {
  offset: number;
  length: number;
  seq: number;
}

interface Line {
  offset: number;
  length: number;
  text: string;
}

const START: ScrollPos = { fraction: 0, rows: 40, scrollTop: 0 };

/** `complete` false: the body is still streaming in; `total` grows and the window is read
 * again as new bytes cover it (and once more when the body is complete). */
export function RawViewer({ cache, total, complete = true, jump }: { cache: SliceCache; total: number; complete?: boolean; jump?: Jump }) {
  const [pos, setPos] = useState<ScrollPos>(START);
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState('');
  const control = useRef<ScrollControl | null>(null);
  // A jump sets scrollTop from a byte offset; while scrollTop stays there, that exact offset is the top.
  const pinned = useRef<{ scrollTop: number; byte: number } | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const pin = pinned.current;
    const top = pin && Math.abs(pin.scrollTop - pos.scrollTop) < 1 ? pin.byte : Math.round(pos.fraction * total);
    const w = windowFor(top, pos.rows, total);
    const mine = ++seq.current;
    cache.read(w.start, w.end - w.start).then(
      (bytes) => {
        if (mine !== seq.current) return; // a newer position already asked
        const decoder = new TextDecoder('utf-8');
        const rows = layoutRows(bytes, w.start, top, pos.rows, total);
        setLines(rows.map((r) => ({ ...r, text: rowText(bytes, w.start, r, decoder) })));
      },
      (e: unknown) => setError(String(e)),
    );
  }, [pos, cache, total, complete]);

  useEffect(() => {
    if (!jump || !control.current || total === 0) return;
    const scrollTop = control.current.scrollToFraction(jump.offset / total);
    pinned.current = { scrollTop, byte: jump.offset };
  }, [jump, total]);

  const hit = (l: Line): boolean => !!jump && jump.offset < l.offset + l.length + 1 && jump.offset + jump.length > l.offset;
  return (
    <>
      {error && <p className="error">{error}</p>}
      <VirtualScroll units={total / AVG_ROW_BYTES} onPos={setPos} control={control} label="Raw body">
        <div className="vrows raw-rows" data-testid="raw-rows" data-top={lines[0]?.offset ?? 0}>
          {lines.map((l) => (
            <div key={l.offset} className={hit(l) ? 'vrow vrow-hit' : 'vrow'}>
              {l.text || ' '}
            </div>
          ))}
        </div>
      </VirtualScroll>
    </>
  );
}
