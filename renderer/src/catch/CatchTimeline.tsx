// A caught request's server-side timeline: a row per event (ms since the accept, wall
// clock, event, what it says), virtualized and following the end like the client's list.
import { memo } from 'react';
import type { CatchEvent } from '../../../contract/catch.js';
import { useFollowingList } from '../timeline/EventList.js';
import { formatClock } from '../../../domain/timeline-text.js';
import { VIRTUALIZE_ABOVE } from '../timeline/virtual.js';
import { catchEventInfo } from './catch-format.js';
import '../timeline/timeline.css';

const Row = memo(function Row({ e, wallTime, alt }: { e: CatchEvent; wallTime?: number; alt: boolean }) {
  const info = catchEventInfo(e);
  const bad = e.type === 'CLIENT_ABORTED' || e.type === 'SERVER_ERROR' || e.type === 'LIMIT_EXCEEDED' || e.type === 'CLIENT_TIMEOUT' || e.type === 'HOST_REFUSED' || (e.type === 'SESSION_DONE' && e.outcome !== 'complete');
  return (
    <div data-testid="catch-event-row" data-type={e.type} data-seq={e.seq} className={`event-row ev-row${bad ? ' ev-failed' : ''}${alt ? ' ev-alt' : ''}`} role="row">
      <span className="ev-t" role="cell">{e.t.toFixed(3)}</span>
      <span className="ev-clock" role="cell">{wallTime !== undefined ? formatClock(wallTime + e.t) : ''}</span>
      <span className="ev-status catch-ev-type" role="cell">{e.type}</span>
      <span className="ev-info" role="cell" title={info}>{info}</span>
    </div>
  );
});

export function CatchTimeline({ events }: { events: readonly CatchEvent[] }) {
  const virtual = events.length > VIRTUALIZE_ABOVE;
  const { ref, top, bottom, onScroll, win } = useFollowingList(events.length, virtual);
  const first = events[0];
  const wallTime = first && (first.type === 'CONNECTION_ACCEPTED' || first.type === 'CONNECTION_REUSED') ? first.wallTime : undefined;
  const rows: React.ReactElement[] = [];
  for (let i = win.start; i < win.end; i++) {
    const e = events[i] as CatchEvent;
    rows.push(<Row key={e.seq} e={e} wallTime={wallTime} alt={i % 2 === 1} />);
  }
  return (
    <div className="pane events-pane">
      <h2>
        Server timeline <span className="muted" data-testid="catch-event-count">{events.length}</span>
      </h2>
      <div className="event-list" data-testid="catch-event-list" role="table" aria-label="Server-side events" aria-rowcount={events.length + 1} tabIndex={0} ref={ref} onScroll={onScroll}>
        <div className="event-row event-head" role="row">
          <span className="ev-t" role="columnheader">ms</span>
          <span className="ev-clock" role="columnheader">time</span>
          <span className="ev-status catch-ev-type" role="columnheader">event</span>
          <span className="ev-info" role="columnheader">info</span>
        </div>
        <div className="ev-spacer" ref={top} aria-hidden="true" />
        {rows}
        <div className="ev-spacer" ref={bottom} aria-hidden="true" />
      </div>
    </div>
  );
}
