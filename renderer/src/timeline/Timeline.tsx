// The timeline of one exchange: the waterfall over the event list. The same view in the
// exchange's timeline pane and in the response's Timeline tab (layout-store: timeline).
import type { InetEvent } from '../../../contract/events.js';
import { EventList } from './EventList.js';
import { Waterfall } from './Waterfall.js';

export function Timeline({ events }: { events: readonly InetEvent[] }) {
  return (
    <div className="exchange-timeline" data-testid="timeline">
      {events.length > 0 && <Waterfall events={events} />}
      <EventList events={events} />
    </div>
  );
}
