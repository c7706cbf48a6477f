// Every event of a request, one row each, as it arrives.
import { memo, useLayoutEffect, useRef } from 'react';
import type { InetEventDto } from '../../../contract/events.js';
import { eventInfo, eventStatus } from '../state/format.js';

const EventRow = memo(function EventRow({ e }: { e: InetEventDto }) {
  const status = eventStatus(e);
  const failed = e.type === 'finished' && !e.ok;
  return (
    <div data-testid="event-row" data-status={status} className={`event-row ev-${e.type}${failed ? ' ev-failed' : ''}`} role="row">
      <span className="ev-t" role="cell">{e.t.toFixed(3)}</span>
      <span className="ev-hop" role="cell">{e.hop}</span>
      <span className="ev-status" role="cell">{status}</span>
      <span className="ev-code" role="cell">{e.type === 'native' ? e.code : ''}</span>
      <span className="ev-info" role="cell" title={eventInfo(e)}>{eventInfo(e)}</span>
    </div>
  );
});

/** Keeps the list scrolled to the end while new rows arrive, unless the user scrolled up. */
function useStickToBottom(count: number) {
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [count]);
  const onScroll = () => {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };
  return { ref, onScroll };
}

export function EventList({ events }: { events: readonly InetEventDto[] }) {
  const { ref, onScroll } = useStickToBottom(events.length);
  return (
    <div className="pane events-pane">
      <h2>Events <span className="muted">{events.length}</span></h2>
      <div className="event-list" data-testid="event-list" role="table" aria-label="Events" tabIndex={0} ref={ref} onScroll={onScroll}>
        <div className="event-row event-head" role="row">
          <span className="ev-t" role="columnheader">ms</span>
          <span className="ev-hop" role="columnheader">hop</span>
          <span className="ev-status" role="columnheader">status</span>
          <span className="ev-code" role="columnheader">code</span>
          <span className="ev-info" role="columnheader">info</span>
        </div>
        {events.map((e) => (
          <EventRow key={`${e.id}:${e.seq}`} e={e} />
        ))}
      </div>
    </div>
  );
}
