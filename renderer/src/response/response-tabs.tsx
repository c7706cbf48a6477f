// The response's tabs, one definition each: a tab is added by adding its entry here (its
// id, its label for this exchange, its panel, and when it is offered).
import type { ComponentType } from 'react';
import type { InetEvent } from '../../../contract/events.js';
import type { ResponseInfo } from './response-model.js';
import { BodyView } from './BodyView.js';
import { HeadersTab, RawExchangeTab } from './HeadsViews.js';
import { ResponseCookies } from '../cookies/ResponseCookies.js';
import { hopCookies } from '../cookies/response-cookies.js';
import { contentTypeOf } from '../viewers/kinds.js';
import { parseHeaders } from '../format.js';
import { TlsSection } from '../tls/TlsSection.js';
import { Timeline } from '../timeline/Timeline.js';
import type { TimelinePlace } from '../layout/layout-store.js';

export interface ResponseTabProps {
  id: string;
  r: ResponseInfo;
  events: readonly InetEvent[];
}

export interface ResponseTabDef {
  id: string;
  label(p: ResponseTabProps): string;
  Panel: ComponentType<ResponseTabProps>;
  /** Absent: always offered. */
  offered?(timeline: TimelinePlace): boolean;
}

/** Why the stored body is only what arrived, for a request that did not end well. */
function partialOf(r: ResponseInfo): string | undefined {
  const f = r.finished;
  if (!f || f.ok) return undefined;
  return f.error?.code === 'CANCELLED' ? 'was cancelled' : 'failed';
}

function BodyTab({ id, r }: ResponseTabProps) {
  return (
    <BodyView
      key={id}
      id={id}
      ready={r.status !== undefined || r.finished !== undefined}
      finished={r.finished !== undefined}
      streamed={r.bodyBytes}
      contentType={contentTypeOf(r.rawHeaders)}
      partial={partialOf(r)}
    />
  );
}

function CookiesTab({ id, events }: ResponseTabProps) {
  if (hopCookies(events).length === 0) return <p className="muted pane">No cookie was sent or set in this exchange.</p>;
  return <ResponseCookies id={id} />;
}

function TlsTab({ r }: ResponseTabProps) {
  if (!r.tls?.length) return <p className="muted pane">No TLS connection in this exchange (plain HTTP, or it ended before a handshake).</p>;
  return <TlsSection events={r.tls} />;
}

function TimelineTab({ events }: ResponseTabProps) {
  return <Timeline events={events} />;
}

const count = (n: number): string => (n > 0 ? ` (${n})` : '');

export const RESPONSE_TABS: readonly ResponseTabDef[] = [
  { id: 'body', label: () => 'Body', Panel: BodyTab },
  {
    id: 'headers',
    label: ({ r }) => `Headers${count(parseHeaders(r.rawHeaders ?? '').length)}`,
    Panel: HeadersTab,
  },
  { id: 'cookies', label: ({ events }) => `Cookies${count(hopCookies(events).reduce((n, h) => n + h.sent.length + h.set.length, 0))}`, Panel: CookiesTab },
  // Only when the timeline is not in its pane beside the response (the same view twice).
  { id: 'timeline', label: ({ events }) => `Timeline${count(events.length)}`, Panel: TimelineTab, offered: (place) => place === 'tab' },
  { id: 'tls', label: ({ r }) => `TLS${count(r.tls?.length ?? 0)}`, Panel: TlsTab },
  { id: 'raw', label: () => 'Raw exchange', Panel: RawExchangeTab },
];
