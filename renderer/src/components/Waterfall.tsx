// A small SVG waterfall from timeline/geometry.ts. Sizes are SVG attributes (the page's
// CSP forbids style attributes); colours come from classes.
import { useEffect, useRef, useState } from 'react';
import type { InetEventDto } from '../../../contract/events.js';
import { waterfallGeometry } from '../timeline/geometry.js';

const ROW = 14;
const AXIS = 16;
const LABEL = 150;

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, Math.floor(el.clientWidth))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

export function Waterfall({ events }: { events: readonly InetEventDto[] }) {
  const [ref, width] = useWidth();
  const barWidth = Math.max(50, width - LABEL - 8);
  const g = waterfallGeometry(events, { width: barWidth, rowHeight: ROW });
  const height = AXIS + Math.max(1, g.rows.length) * ROW + 2;
  return (
    <div className="waterfall-box" ref={ref}>
      <svg data-testid="waterfall" className="waterfall" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Waterfall">
        <g transform={`translate(${LABEL},0)`}>
          {g.ticks.map((t, i) => (
            <g key={i}>
              <line className="wf-grid" x1={t.x} x2={t.x} y1={AXIS - 4} y2={height} />
              <text className="wf-tick" x={t.x} y={10} textAnchor={i === 0 ? 'start' : t.x > barWidth - 24 ? 'end' : 'middle'}>
                {t.label}
              </text>
            </g>
          ))}
        </g>
        {g.rows.map((r, i) => (
          <g key={i} transform={`translate(0,${AXIS + r.y})`}>
            <text className="wf-label" x={4} y={ROW - 3}>
              {`hop ${r.hop} · ${r.label}`}
            </text>
            <rect className={`wf-bar ph-${r.phase}${r.running ? ' wf-running' : ''}`} x={LABEL + r.x} y={2} width={r.width} height={ROW - 4} rx={2}>
              <title>{`${r.label} from ${r.startMs.toFixed(2)} ms`}</title>
            </rect>
          </g>
        ))}
      </svg>
    </div>
  );
}
