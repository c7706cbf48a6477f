// Every event of a request, one row each, as it arrives: ms since the start and the wall
// clock, hop, native status name and code, decoded info. Long lists (a download makes tens
// of thousands of rows) render only the rows in view; the list follows the end unless the
// user scrolled up. Each redirect hop is a section (timeline/hop-sections.ts): a heading
// with its URL and status line that opens its response headers, all rows of one height.
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { InetEvent } from '../../../contract/events.js';
import { eventInfo, eventStatus } from '../format.js';
import { CopyTimeline } from './CopyTimeline.js';
import { formatClock, startWallTime } from '../../../domain/timeline-text.js';
import { hopSections, listLayout } from './hop-sections.js';
import { HeaderLine, HopHeading } from './HopHeading.js';
import { atEnd, tailWindow, virtualWindow, VIRTUALIZE_ABOVE, type VirtualWindow } from './virtual.js';
import './timeline.css';

/** px per row; timeline.css fixes the rows at this height. */
export const ROW_H = 18;
const OVERSCAN = 20;

const EventRow = memo(function EventRow({ e, wallTime, alt }: { e: InetEvent; wallTime?: number; alt: boolean }) {
  const status = eventStatus(e);
  const info = eventInfo(e);
  const failed = e.type === 'finished' && !e.ok;
  const clock = wallTime !== undefined ? formatClock(wallTime + e.t) : '';
  return (
    <div
      data-testid="event-row"
      data-status={status}
      data-seq={e.seq}
      className={`event-row ev-row ev-${e.type}${failed ? ' ev-failed' : ''}${alt ? ' ev-alt' : ''}`}
      role="row"
    >
      <span className="ev-t" role="cell" title={e.t.toFixed(3)}>{e.t.toFixed(3)}</span>
      <span className="ev-clock" role="cell" title={clock}>{clock}</span>
      <span className="ev-hop" role="cell">{e.hop}</span>
      <span className="ev-status" role="cell" title={status}>{status}</span>
      <span className="ev-code" role="cell">{e.type === 'native' ? e.code : ''}</span>
      <span className="ev-info" role="cell" title={info}>{info}</span>
    </div>
  );
});

interface Viewport {
  scrollTop: number;
  height: number;
}

/** Scroll state of the list: whether it follows the end, and (only for a virtual list,
 * where rendering depends on it) the scroll position and visible height. */
export function useFollowingList(count: number, virtual: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  const [view, setView] = useState<Viewport>({ scrollTop: 0, height: 600 });
  const win: VirtualWindow = !virtual
    ? { start: 0, end: count, padTop: 0, padBottom: 0 }
    : follow.current
      ? tailWindow({ count, rowHeight: ROW_H, viewport: view.height, overscan: OVERSCAN })
      : virtualWindow({ count, rowHeight: ROW_H, scrollTop: view.scrollTop, viewport: view.height, overscan: OVERSCAN });
  useLayoutEffect(() => {
    // The spacers first: scrolling to the end needs the final scrollHeight.
    if (top.current) top.current.style.height = `${win.padTop}px`;
    if (bottom.current) bottom.current.style.height = `${win.padBottom}px`;
    const el = ref.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  });
  const onScroll = (): void => {
    const el = ref.current;
    if (!el) return;
    follow.current = atEnd(el.scrollHeight, el.scrollTop, el.clientHeight);
    if (virtual) setView({ scrollTop: el.scrollTop, height: el.clientHeight });
  };
  return { ref, top, bottom, onScroll, win };
}

function Head() {
  return (
    <div className="event-row event-head" role="row">
      <span className="ev-t" role="columnheader">ms</span>
      <span className="ev-clock" role="columnheader">time</span>
      <span className="ev-hop" role="columnheader">hop</span>
      <span className="ev-status" role="columnheader">status</span>
      <span className="ev-code" role="columnheader">code</span>
      <span className="ev-info" role="columnheader">info</span>
    </div>
  );
}

export function EventList({ events }: { events: readonly InetEvent[] }) {
  const sections = useMemo(() => hopSections(events), [events]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const layout = listLayout(sections, events.length, expanded);
  const virtual = layout.count > VIRTUALIZE_ABOVE;
  const { ref, top, bottom, onScroll, win } = useFollowingList(layout.count, virtual);
  const wallTime = startWallTime(events);
  const toggle = (hop: number): void =>
    setExpanded((old) => {
      const next = new Set(old);
      if (!next.delete(hop)) next.add(hop);
      return next;
    });
  const rows: React.ReactElement[] = [];
  for (let i = win.start; i < win.end; i++) {
    const r = layout.rowAt(i);
    const alt = i % 2 === 1;
    if (r.kind === 'section') rows.push(<HopHeading key={`hop-${r.section.hop}`} section={r.section} open={expanded.has(r.section.hop)} onToggle={toggle} />);
    else if (r.kind === 'header') rows.push(<HeaderLine key={`h-${r.section.hop}-${i}`} name={r.name} value={r.value} alt={alt} />);
    else {
      const e = events[r.index] as InetEvent;
      rows.push(<EventRow key={`${e.id}:${e.seq}`} e={e} wallTime={wallTime} alt={alt} />);
    }
  }
  return (
    <div className="pane events-pane">
      <h2>
        Events <span className="muted" data-testid="event-count">{events.length}</span>
        <CopyTimeline events={events} />
      </h2>
      <div
        className="event-list"
        data-testid="event-list"
        data-virtual={virtual ? 'true' : 'false'}
        role="table"
        aria-label="Events"
        aria-rowcount={layout.count + 1}
        tabIndex={0}
        ref={ref}
        onScroll={onScroll}
      >
        <Head />
        <div className="ev-spacer" ref={top} aria-hidden="true" />
        {rows}
        <div className="ev-spacer" ref={bottom} aria-hidden="true" />
      </div>
    </div>
  );
}
