// Phase durations per redirect hop, derived from the event list by a pure function that
// the UI, the core and the tests share. Imports nothing of the app.
import type { InetEventDto as InetEvent } from './events.js';

export interface HopPhases {
  hop: number;
  /** ms since the request started. */
  start: number;
  end: number;
  /** From the hop's start to its first network step (resolving, connecting or sending): queueing, handle setup. */
  blocked?: number;
  dns?: number;
  connect?: number;
  /** Only where the engine reports the handshake (WinInet cannot). */
  tls?: number;
  send?: number;
  wait?: number;
  receive?: number;
  total: number;
  /** No CONNECTING_TO_SERVER in this hop: a kept-alive connection was used. */
  reused: boolean;
}

export interface Phases {
  hops: HopPhases[];
  total: number;
}

const span = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b >= a ? b - a : undefined;

function firstT(events: InetEvent[], pred: (e: InetEvent) => boolean): number | undefined {
  return events.find(pred)?.t;
}

function lastT(events: InetEvent[], pred: (e: InetEvent) => boolean): number | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (pred(events[i] as InetEvent)) return (events[i] as InetEvent).t;
  return undefined;
}

const isStatus = (s: string) => (e: InetEvent) => e.type === 'native' && e.status === s;

function hopPhases(hop: number, events: InetEvent[], start: number, end: number): HopPhases {
  const resolving = firstT(events, isStatus('RESOLVING_NAME'));
  const resolved = firstT(events, isStatus('NAME_RESOLVED'));
  const connecting = firstT(events, isStatus('CONNECTING_TO_SERVER'));
  const connected = firstT(events, isStatus('CONNECTED_TO_SERVER'));
  const tlsDone = firstT(events, isStatus('TLS_HANDSHAKE_DONE'));
  const sending = firstT(events, isStatus('SENDING_REQUEST'));
  const firstResponse = firstT(events, (e) => isStatus('RESPONSE_RECEIVED')(e) || e.type === 'headers');
  const sent = lastT(events, (e) => isStatus('REQUEST_SENT')(e) && (firstResponse === undefined || e.t <= firstResponse));
  const uploadEnd = lastT(events, (e) => e.type === 'upload');
  const sendEnd = Math.max(sent ?? -1, uploadEnd ?? -1);
  const firstStep = firstT(events, (e) => isStatus('RESOLVING_NAME')(e) || isStatus('CONNECTING_TO_SERVER')(e) || isStatus('SENDING_REQUEST')(e));
  const received = lastT(events, (e) => isStatus('RESPONSE_RECEIVED')(e) || e.type === 'body' || isStatus('REDIRECT')(e));
  return {
    hop,
    start,
    end,
    blocked: span(start, firstStep),
    dns: span(resolving, resolved),
    connect: span(connecting, connected),
    tls: span(connected, tlsDone),
    send: span(sending, sendEnd >= 0 ? sendEnd : undefined),
    // A hop with no native events at all (imported from a HAR without InetScope's events)
    // knows only when its response came: the time before it counts as waiting.
    wait: span(sendEnd >= 0 ? sendEnd : events.some((e) => e.type === 'native') ? undefined : start, firstResponse),
    receive: span(firstResponse, received),
    total: end - start,
    reused: connecting === undefined,
  };
}

export function derivePhases(events: readonly InetEvent[]): Phases {
  const byHop = new Map<number, InetEvent[]>();
  for (const e of events) {
    const list = byHop.get(e.hop) ?? [];
    list.push(e);
    byHop.set(e.hop, list);
  }
  const hops: HopPhases[] = [];
  let start = 0;
  for (const hop of [...byHop.keys()].sort((a, b) => a - b)) {
    const list = byHop.get(hop) as InetEvent[];
    const end = list[list.length - 1]?.t ?? start;
    hops.push(hopPhases(hop, list, start, end));
    start = end;
  }
  const finished = events.find((e) => e.type === 'finished');
  return { hops, total: finished?.t ?? events[events.length - 1]?.t ?? 0 };
}
