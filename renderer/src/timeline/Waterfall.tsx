// The live SVG waterfall from timeline/geometry.ts: a section per redirect hop, a row per
// phase, redrawn once per animation frame while the request runs so the current phase
// grows. Sizes are SVG attributes and the tooltip moves through CSSOM (el.style): the
// page's CSP forbids style attributes; colours come from classes. Each phase is told apart
// without colour too: its row is labelled with its name, and its bar carries a pattern.
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { InetEvent } from '../../../contract/events.js';
import { PHASE_ORDER, waterfallGeometry, type PhaseName, type WaterfallGeometry, type WaterfallRow } from './geometry.js';
import { useLiveNow } from './use-live-now.js';
import { barKey, barTooltip, hopInfos, layoutWaterfall, type WaterfallItem } from './waterfall-layout.js';
import './timeline.css';

const ROW = 14;
const AXIS = 16;
const LABEL = 150;

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, Math.floor(el.clientWidth))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

interface Hover {
  key: string;
  /** px within the waterfall box. */
  x: number;
  y: number;
}

/** The hovered bar's exact numbers, following the pointer; its text follows the live row. */
function Tooltip({ row, hover }: { row: WaterfallRow; hover: Hover }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Kept inside the box: flipped to the pointer's left near the right edge.
    const box = el.parentElement?.clientWidth ?? 0;
    const left = hover.x + 12 + el.offsetWidth > box ? Math.max(0, hover.x - 12 - el.offsetWidth) : hover.x + 12;
    el.style.left = `${left}px`;
    el.style.top = `${hover.y + 14}px`;
  });
  return (
    <div className="wf-tooltip" data-testid="wf-tooltip" role="tooltip" ref={ref}>
      {barTooltip(row)}
    </div>
  );
}

function Axis({ g, barWidth, height }: { g: WaterfallGeometry; barWidth: number; height: number }) {
  return (
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
  );
}

/** A pattern per phase (stripes of different angles, dots, none for blocked), drawn over its colour. */
const PATTERNS: Record<PhaseName, { rotate: number; dots?: boolean } | undefined> = {
  blocked: undefined,
  dns: { rotate: 45 },
  connect: { rotate: -45 },
  tls: { rotate: 0 },
  send: { rotate: 0, dots: true },
  wait: { rotate: 90 },
  receive: { rotate: 45, dots: true },
};

function PhasePatterns() {
  return (
    <defs>
      {PHASE_ORDER.map((phase) => {
        const p = PATTERNS[phase];
        if (!p) return null;
        return (
          <pattern key={phase} id={`wf-pat-${phase}`} width={4} height={4} patternUnits="userSpaceOnUse" patternTransform={`rotate(${p.rotate})`}>
            {p.dots ? <circle className="wf-pat" cx={2} cy={2} r={0.9} /> : <rect className="wf-pat" x={0} y={0} width={1.3} height={4} />}
          </pattern>
        );
      })}
    </defs>
  );
}

function Item({ item }: { item: WaterfallItem }) {
  if (item.kind === 'hop') {
    return (
      <text className="wf-hop" data-testid="wf-hop" x={4} y={AXIS + item.y + ROW - 3}>
        {item.title}
      </text>
    );
  }
  const r = item.row;
  return (
    <g transform={`translate(0,${AXIS + item.y})`}>
      <text className="wf-label" x={12} y={ROW - 3}>
        {r.label}
      </text>
      <rect
        className={`wf-bar ph-${r.phase}${r.running ? ' wf-running' : ''}`}
        data-testid="wf-bar"
        data-key={item.key}
        data-phase={r.phase}
        data-hop={r.hop}
        data-running={r.running ? 'true' : 'false'}
        x={LABEL + r.x}
        y={2}
        width={r.width}
        height={ROW - 4}
        rx={2}
      >
        <title>{barTooltip(r)}</title>
      </rect>
      {PATTERNS[r.phase] && <rect className="wf-pattern" fill={`url(#wf-pat-${r.phase})`} x={LABEL + r.x} y={2} width={r.width} height={ROW - 4} rx={2} aria-hidden="true" />}
    </g>
  );
}

export function Waterfall({ events }: { events: readonly InetEvent[] }) {
  const [ref, width] = useWidth();
  const now = useLiveNow(events);
  const [hover, setHover] = useState<Hover>();
  const hops = useMemo(() => hopInfos(events), [events]);
  const barWidth = Math.max(50, width - LABEL - 8);
  const g = waterfallGeometry(events, { width: barWidth, rowHeight: ROW, now });
  const { items, height: bodyHeight } = layoutWaterfall(g.rows, hops, ROW);
  const height = AXIS + Math.max(ROW, bodyHeight) + 2;
  const hovered = hover && g.rows.find((r) => barKey(r) === hover.key);

  // One listener for all bars: the pointer's bar is found from the event target.
  const onMove = (e: MouseEvent<SVGSVGElement>): void => {
    const key = (e.target as Element).closest('[data-key]')?.getAttribute('data-key');
    const box = ref.current?.getBoundingClientRect();
    if (!key || !box) setHover(undefined);
    else setHover({ key, x: e.clientX - box.left, y: e.clientY - box.top });
  };
  return (
    <div className="waterfall-box" ref={ref}>
      <svg
        data-testid="waterfall"
        data-running={now !== undefined ? 'true' : 'false'}
        className="waterfall"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label="Waterfall"
        onMouseMove={onMove}
        onMouseLeave={() => setHover(undefined)}
      >
        <PhasePatterns />
        <Axis g={g} barWidth={barWidth} height={height} />
        {items.map((item) => (
          <Item key={item.key} item={item} />
        ))}
      </svg>
      {hover && hovered && <Tooltip row={hovered} hover={hover} />}
    </div>
  );
}
